import type { operations } from "../generated/schema.js";
import type { postSendWebhooks, preSendWebhooks } from "../generated/webhooks.js";

/** The callbacks one post-send URL receives: messages, receipts, recalls and every event kind. */
export type PostSendWebhookName = (typeof postSendWebhooks)[number];
/** The callback whose answer decides a message's fate. */
export type PreSendWebhookName = (typeof preSendWebhooks)[number];
export type WebhookName = PostSendWebhookName | PreSendWebhookName;

/** The JSON body the server POSTs for a webhook, as the spec describes it (openapi-typescript's type). */
export type WebhookBody<Name extends WebhookName> = operations[Name]["requestBody"]["content"]["application/json"];

/** An authentic post-send callback, named by the webhook it is: `switch (callback.event)` narrows `body`. */
export type PostSendCallback = { [Name in PostSendWebhookName]: { event: Name; body: WebhookBody<Name> } }[PostSendWebhookName];

/**
 * An authentic callback that is none of the spec's webhooks (or looks like several): an event kind
 * the pages do not document, or a new value in a field that names one. Answer it with 200 anyway:
 * refusals make the server retry, and many failures suspend the callback rule.
 */
export interface UnrecognizedCallback {
  event: "unrecognized";
  body: Readonly<Record<string, unknown>>;
}

export type ReceivedCallback = PostSendCallback | UnrecognizedCallback;

export interface PreSendCallback {
  event: PreSendWebhookName;
  body: WebhookBody<PreSendWebhookName>;
}

/** The app's verdict on a pre-send callback: `valid`, and optionally the client's error `code` or a changed `payload`. */
export type PreSendReply = operations[PreSendWebhookName]["responses"][200]["content"]["application/json"];

/** A callback body as it arrives: raw text or bytes, or a JSON object a body parser has already read. */
export type RawCallback = string | Uint8Array | Readonly<Record<string, unknown>>;
