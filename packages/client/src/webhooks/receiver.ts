/// <reference types="node" />
import { preSendWebhooks } from "../generated/webhooks.js";
import { webhookOf } from "./classify.js";
import { refusal, type Refusal } from "./refusal.js";
import { SIGNATURE_FORMAT, signatureMatches } from "./signature.js";
import type { PostSendWebhookName, PreSendCallback, RawCallback, ReceivedCallback, WebhookBody } from "./types.js";

export interface WebhookReceiverOptions {
  /** The callback rule's secret (console → 即时通讯 → 功能配置 → 消息回调); several while rotating it. */
  secret: string | readonly string[];
  /**
   * The largest distance between `timestamp` and the receiver's clock, in ms (default 10 minutes).
   * `timestamp` is when the server received the message, not when it sent the callback: callbacks
   * replayed from the exception storage (回调异常处理) come up to 3 days late and need a larger value.
   */
  maxAgeMs?: number;
  /** Body size limit in bytes (default 1 MiB). */
  maxBodyBytes?: number;
  /** The clock, in Unix ms (default `Date.now`). */
  now?: () => number;
  /**
   * Post-send webhooks accepted without `callId` and `security`: the reaction and thread pages
   * document neither field. Default: none, so every callback must be signed.
   */
  acceptUnsigned?: readonly PostSendWebhookName[];
}

export type Received<Callback> = ({ ok: true } & Callback) | Refusal;

export interface WebhookReceiver {
  /** Verifies and names a callback sent to a post-send URL. */
  receive(raw: RawCallback): Received<ReceivedCallback>;
  /** Verifies a callback sent to a pre-send URL. */
  receivePreSend(raw: RawCallback): Received<PreSendCallback>;
  readonly maxBodyBytes: number;
}

const [PRE_SEND] = preSendWebhooks;
const DEFAULT_MAX_AGE_MS = 10 * 60 * 1000;
const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

type Parsed = { ok: true; body: Readonly<Record<string, unknown>> } | Refusal;

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);

function parse(raw: RawCallback, maxBodyBytes: number): Parsed {
  if (isRecord(raw)) return { ok: true, body: raw };
  const size = typeof raw === "string" ? Buffer.byteLength(raw, "utf8") : raw.byteLength;
  if (size > maxBodyBytes) return refusal("too-large", `the body has ${size} bytes (at most ${maxBodyBytes})`);
  let text: string;
  try {
    text = typeof raw === "string" ? raw : new TextDecoder("utf-8", { fatal: true }).decode(raw);
  } catch {
    return refusal("malformed", "the body is not UTF-8 text");
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return refusal("malformed", "the body is not JSON");
  }
  return isRecord(value) ? { ok: true, body: value } : refusal("malformed", "the body is not a JSON object");
}

function checkedOptions(options: WebhookReceiverOptions) {
  const secrets = typeof options.secret === "string" ? [options.secret] : [...options.secret];
  if (secrets.length === 0 || secrets.some((s) => typeof s !== "string" || s.length === 0))
    throw new TypeError("secret must be a non-empty string, or a non-empty list of them");
  const maxAgeMs = options.maxAgeMs ?? DEFAULT_MAX_AGE_MS;
  if (!(maxAgeMs > 0)) throw new TypeError("maxAgeMs must be a positive number of milliseconds");
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (!Number.isSafeInteger(maxBodyBytes) || maxBodyBytes <= 0) throw new TypeError("maxBodyBytes must be a positive integer");
  return { secrets, maxAgeMs, maxBodyBytes, now: options.now ?? Date.now, acceptUnsigned: new Set<string>(options.acceptUnsigned ?? []) };
}

/**
 * Checks callbacks the way the pages define them: `security` = MD5(callId + secret + timestamp),
 * compared in constant time, and `timestamp` within `maxAgeMs` of the clock. The signature covers
 * only `callId` and `timestamp`, so it proves who sent a callback, not that its payload is intact:
 * use an HTTPS callback URL.
 */
export function createWebhookReceiver(options: WebhookReceiverOptions): WebhookReceiver {
  const { secrets, maxAgeMs, maxBodyBytes, now, acceptUnsigned } = checkedOptions(options);

  /** Undefined when the body is authentic and fresh; the refusal otherwise. */
  function authenticate(body: Readonly<Record<string, unknown>>, unsignedAllowed: boolean): Refusal | undefined {
    const { callId, security, timestamp } = body;
    if (!Number.isSafeInteger(timestamp) || (timestamp as number) < 0)
      return refusal("malformed", "`timestamp` must be a non-negative integer (Unix time in ms)");
    const signed = callId !== undefined || security !== undefined;
    if (signed || !unsignedAllowed) {
      if (callId === undefined || security === undefined)
        return refusal("unsigned", `no \`${callId === undefined ? "callId" : "security"}\`: the callback is not signed`);
      if (typeof callId !== "string" || callId.length === 0) return refusal("malformed", "`callId` must be a non-empty string");
      if (typeof security !== "string" || !SIGNATURE_FORMAT.test(security)) return refusal("malformed", "`security` must be 32 hex digits");
      if (!signatureMatches(callId, timestamp as number, security, secrets))
        return refusal("bad-signature", "`security` is not MD5(callId + secret + timestamp) for the configured secret");
    }
    const drift = Math.abs(now() - (timestamp as number));
    if (drift > maxAgeMs) return refusal("stale", `\`timestamp\` is ${drift} ms away from the receiver's clock (at most ${maxAgeMs})`);
    return undefined;
  }

  return {
    maxBodyBytes,
    receive(raw) {
      const parsed = parse(raw, maxBodyBytes);
      if (!parsed.ok) return parsed;
      const event = webhookOf(parsed.body);
      const refused = authenticate(parsed.body, event !== undefined && acceptUnsigned.has(event));
      if (refused) return refused;
      // The matchers hold every field the spec fixes for this webhook; the rest is the server's word.
      if (event === undefined) return { ok: true, event: "unrecognized", body: parsed.body };
      return { ok: true, event, body: parsed.body as WebhookBody<typeof event> } as { ok: true } & ReceivedCallback;
    },
    receivePreSend(raw) {
      const parsed = parse(raw, maxBodyBytes);
      if (!parsed.ok) return parsed;
      const refused = authenticate(parsed.body, false);
      if (refused) return refused;
      return { ok: true, event: PRE_SEND, body: parsed.body as WebhookBody<typeof PRE_SEND> };
    },
  };
}
