import { webhookMatchers } from "../generated/webhooks.js";
import type { PostSendWebhookName } from "./types.js";

const names = Object.keys(webhookMatchers) as PostSendWebhookName[];

function valueAt(body: Readonly<Record<string, unknown>>, path: string): unknown {
  let value: unknown = body;
  for (const key of path.split(".")) {
    if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** The one post-send webhook whose fixed fields all hold for the body, or undefined when none or several do. */
export function webhookOf(body: Readonly<Record<string, unknown>>): PostSendWebhookName | undefined {
  const matching = names.filter((name) =>
    webhookMatchers[name].every(([path, values]) => (values as readonly unknown[]).includes(valueAt(body, path))),
  );
  return matching.length === 1 ? matching[0] : undefined;
}
