// The documented callback examples, read from the bundled spec, and a secret to re-sign them with:
// the pages' own `security` values were made with secrets nobody has.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { callbackSignature } from "../src/webhooks/signature.js";

export type Body = Record<string, unknown>;

interface Media {
  examples?: Record<string, { value: unknown }>;
}
interface WebhookOperation {
  operationId: string;
  requestBody: { content: Record<string, Media> };
  responses: Record<string, { content?: Record<string, Media> }>;
}

const specFile = createRequire(import.meta.url).resolve("@easemob-openapi/spec/openapi.dereferenced.json");
const spec = JSON.parse(readFileSync(specFile, "utf8")) as { webhooks: Record<string, { post: WebhookOperation }> };

export const SECRET = "test-callback-secret";

export interface DocumentedCallback {
  webhook: string;
  name: string;
  /** As documented. */
  body: Body;
}

export const documentedCallbacks: DocumentedCallback[] = Object.values(spec.webhooks).flatMap(({ post }) =>
  Object.entries(post.requestBody.content["application/json"]?.examples ?? {}).map(([name, example]) => ({
    webhook: post.operationId,
    name,
    body: example.value as Body,
  })),
);

/** The pre-send reply examples of the spec, by name. */
export const documentedReplies = (webhook: string): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(spec.webhooks[webhook]?.post.responses["200"]?.content?.["application/json"]?.examples ?? {}).map(([name, e]) => [name, e.value]),
  );

/** Whether the example carries the fields a signature is made of. */
export const isSigned = (body: Body) => typeof body["callId"] === "string" && typeof body["security"] === "string";

/** The example with `security` recomputed for SECRET (or another secret), everything else as documented. */
export function signed(body: Body, secret = SECRET): Body {
  return { ...body, security: callbackSignature(body["callId"] as string, secret, body["timestamp"] as number) };
}

/** A receiver clock set to the callback's own timestamp, so the documented (old) timestamps are fresh. */
export const clockAt = (body: Body) => () => body["timestamp"] as number;
