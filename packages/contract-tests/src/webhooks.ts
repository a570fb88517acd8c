/** The webhooks of the dereferenced bundle: each callback's body schema, its reply schema and their named examples. */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { MediaType } from "./spec.js";

interface WebhookOperation {
  operationId: string;
  requestBody: { content: Record<string, MediaType> };
  responses: Record<string, { content?: Record<string, MediaType> }>;
}

export interface WebhookExampleCase {
  webhook: string;
  /** `request` (the callback the server sends) or `reply <status>` (the app's answer). */
  part: string;
  name: string;
  schema: object;
  value: unknown;
}

const specFile = createRequire(import.meta.url).resolve("@easemob-openapi/spec/openapi.dereferenced.json");
const spec = JSON.parse(readFileSync(specFile, "utf8")) as { webhooks?: Record<string, { post?: WebhookOperation }> };

export const webhooks: WebhookOperation[] = Object.values(spec.webhooks ?? {}).flatMap((item) => (item.post ? [item.post] : []));

function casesOf(webhook: string, part: string, media: MediaType | undefined): WebhookExampleCase[] {
  if (!media?.schema) return [];
  const schema = media.schema;
  return Object.entries(media.examples ?? {}).map(([name, example]) => ({ webhook, part, name, schema, value: example.value }));
}

/** Every named example of every webhook, request and replies, with the schema it must satisfy. */
export const webhookExampleCases: WebhookExampleCase[] = webhooks.flatMap((op) => [
  ...casesOf(op.operationId, "request", op.requestBody.content["application/json"]),
  ...Object.entries(op.responses).flatMap(([status, response]) => casesOf(op.operationId, `reply ${status}`, response.content?.["application/json"])),
]);

/** Webhooks whose reply has no body: the post-send callbacks, which one receiver URL gets all of. */
export const postSendWebhooks = webhooks.filter((op) => Object.values(op.responses).every((response) => !response.content));
