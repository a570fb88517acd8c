export { createWebhookReceiver, type Received, type WebhookReceiver, type WebhookReceiverOptions } from "./receiver.js";
export { callbackSignature } from "./signature.js";
export type { Refusal, RefusalReason } from "./refusal.js";
export {
  PRE_SEND_PAYLOAD_MAX_BYTES,
  PRE_SEND_REPLY_MAX_CHARACTERS,
  preSendReply,
  serializePreSendReply,
} from "./pre-send-reply.js";
export { postSendEndpoint, preSendEndpoint, type EndpointAnswer, type WebhookEndpoint } from "./endpoints.js";
export { expressHandler, nodeHandler, type NodeHandlerOptions, type NodeRequestLike, type NodeResponseLike } from "./node.js";
export { fetchHandler, type FetchHandlerOptions } from "./fetch.js";
export { postSendWebhooks, preSendWebhooks, webhookMatchers } from "../generated/webhooks.js";
export type {
  PostSendCallback,
  PostSendWebhookName,
  PreSendCallback,
  PreSendReply,
  PreSendWebhookName,
  RawCallback,
  ReceivedCallback,
  UnrecognizedCallback,
  WebhookBody,
  WebhookName,
} from "./types.js";
