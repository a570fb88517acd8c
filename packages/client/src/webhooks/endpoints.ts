import { serializePreSendReply } from "./pre-send-reply.js";
import type { Refusal } from "./refusal.js";
import type { WebhookReceiver } from "./receiver.js";
import type { PreSendCallback, PreSendReply, RawCallback, ReceivedCallback } from "./types.js";

/** What to answer the server, independent of the HTTP library. */
export interface EndpointAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * One callback URL: takes a body, answers it. A refused callback gets its refusal's status and a
 * short JSON body; an error thrown by the app's handler is rethrown for the adapter to report.
 */
export interface WebhookEndpoint {
  (raw: RawCallback): Promise<EndpointAnswer>;
  readonly maxBodyBytes: number;
}

const json = { "content-type": "application/json" };

export function refusalAnswer(refusal: Refusal): EndpointAnswer {
  return { status: refusal.status, headers: json, body: JSON.stringify({ error: refusal.reason, error_description: refusal.message }) };
}

/** A post-send URL: `handle` gets each authentic callback (the server ignores the answer's body, so it is empty). */
export function postSendEndpoint(receiver: WebhookReceiver, handle: (callback: ReceivedCallback) => void | Promise<void>): WebhookEndpoint {
  const endpoint = async (raw: RawCallback): Promise<EndpointAnswer> => {
    const received = receiver.receive(raw);
    if (!received.ok) return refusalAnswer(received);
    await handle(received);
    return { status: 200, headers: {}, body: "" };
  };
  return Object.assign(endpoint, { maxBodyBytes: receiver.maxBodyBytes });
}

/** A pre-send URL: `decide` returns the verdict (see `preSendReply`), sent as the 200 answer. */
export function preSendEndpoint(receiver: WebhookReceiver, decide: (callback: PreSendCallback) => PreSendReply | Promise<PreSendReply>): WebhookEndpoint {
  const endpoint = async (raw: RawCallback): Promise<EndpointAnswer> => {
    const received = receiver.receivePreSend(raw);
    if (!received.ok) return refusalAnswer(received);
    return { status: 200, headers: json, body: serializePreSendReply(await decide(received)) };
  };
  return Object.assign(endpoint, { maxBodyBytes: receiver.maxBodyBytes });
}
