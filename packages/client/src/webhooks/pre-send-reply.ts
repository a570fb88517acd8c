/// <reference types="node" />
import type { PreSendReply } from "./types.js";

/** The server takes a longer reply for an attack and fails the callback. */
export const PRE_SEND_REPLY_MAX_CHARACTERS = 1000;
/** A changed message is at most 1 KB. */
export const PRE_SEND_PAYLOAD_MAX_BYTES = 1024;

type ChangedPayload = NonNullable<PreSendReply["payload"]>;

/** The three verdicts a pre-send callback can get. */
export const preSendReply = {
  /** Deliver the message as it is. */
  pass: (): PreSendReply => ({ valid: true }),
  /**
   * Block the message. With a `code`, the sender's client reports it as the error (when the console
   * rule shows blocking as an error); without one, it reports `custom logic denied`.
   */
  reject: (code?: string): PreSendReply => (code === undefined ? { valid: false } : { valid: false, code }),
  /** Deliver `payload` instead (the request's payload shape; only text messages unless the vendor enables more). */
  modify: (payload: ChangedPayload): PreSendReply => {
    const bytes = Buffer.byteLength(JSON.stringify(payload), "utf8");
    if (bytes > PRE_SEND_PAYLOAD_MAX_BYTES)
      throw new RangeError(`a changed message is at most ${PRE_SEND_PAYLOAD_MAX_BYTES} bytes; this one has ${bytes}`);
    return { valid: true, payload };
  },
};

/** The reply's JSON text; throws a RangeError when it is longer than the server accepts. */
export function serializePreSendReply(reply: PreSendReply): string {
  if (typeof reply?.valid !== "boolean") throw new TypeError("a pre-send reply needs a boolean `valid`");
  const text = JSON.stringify(reply);
  if (text.length > PRE_SEND_REPLY_MAX_CHARACTERS)
    throw new RangeError(`a pre-send reply is at most ${PRE_SEND_REPLY_MAX_CHARACTERS} characters; this one has ${text.length}`);
  return text;
}
