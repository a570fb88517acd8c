/**
 * Builds the source of src/generated/webhooks.ts from the bundled spec's `webhooks`:
 *
 * - `preSendWebhooks` / `postSendWebhooks`: the callbacks whose reply the server reads (a 200
 *   answer with a body: the pre-send verdict) and those whose reply it ignores.
 * - `webhookMatchers`: per post-send webhook, the fields its body schema fixes — `const` or `enum`
 *   on a property that is required all the way down — as `[path, allowed values]`. The receiver
 *   names a callback by the one webhook whose every matcher holds, since the vendor's `eventType`
 *   is `chat` for almost all of them.
 *
 * The payload types themselves are openapi-typescript's, in schema.ts (`webhooks`).
 */

interface Schema {
  $ref?: string;
  const?: unknown;
  enum?: unknown[];
  required?: string[];
  properties?: Record<string, Schema>;
  allOf?: Schema[];
}
interface WebhookOperation {
  operationId?: string;
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { content?: Record<string, unknown> }>;
}
export interface WebhookDocument {
  webhooks?: Record<string, { post?: WebhookOperation }>;
  components?: Record<string, Record<string, unknown> | undefined>;
}

type Matcher = readonly [path: string, values: readonly unknown[]];

function resolve(doc: WebhookDocument, schema: Schema, depth = 0): Schema {
  if (!schema.$ref) return schema;
  if (depth > 20) throw new Error(`$ref cycle at ${schema.$ref}`);
  const match = /^#\/components\/schemas\/([^/]+)$/.exec(schema.$ref);
  const target = match ? (doc.components?.["schemas"]?.[decodeURIComponent(match[1]!)] as Schema | undefined) : undefined;
  if (!target) throw new Error(`Unresolved $ref ${schema.$ref}`);
  return resolve(doc, target, depth + 1);
}

/** A schema and every `allOf` branch below it, references followed. */
function branches(doc: WebhookDocument, schema: Schema): Schema[] {
  const resolved = resolve(doc, schema);
  return [resolved, ...(resolved.allOf ?? []).flatMap((branch) => branches(doc, branch))];
}

/** The values a set of schemas allows for one property (the intersection of their const/enum), if they restrict it. */
function allowedValues(schemas: Schema[]): unknown[] | undefined {
  let allowed: unknown[] | undefined;
  for (const schema of schemas) {
    const own = "const" in schema ? [schema.const] : schema.enum;
    if (own) allowed = allowed ? allowed.filter((value) => own.includes(value)) : [...own];
  }
  return allowed;
}

function matchersOf(doc: WebhookDocument, schema: Schema, prefix = ""): Matcher[] {
  const parts = branches(doc, schema);
  const required = new Set(parts.flatMap((part) => part.required ?? []));
  const names = new Set(parts.flatMap((part) => Object.keys(part.properties ?? {})));
  return [...names]
    .filter((name) => required.has(name))
    .flatMap((name) => {
      const path = `${prefix}${name}`;
      const property = parts.flatMap((part) => (part.properties?.[name] ? branches(doc, part.properties[name]) : []));
      const values = allowedValues(property);
      return [...(values ? [[path, values] as const] : []), ...matchersOf(doc, { allOf: property }, `${path}.`)];
    });
}

export function webhookTable(doc: WebhookDocument): string {
  const preSend: string[] = [];
  const postSend: string[] = [];
  const rows: string[] = [];
  for (const [name, item] of Object.entries(doc.webhooks ?? {})) {
    const operation = item.post;
    if (operation?.operationId !== name) throw new Error(`webhook ${name}: a post operation whose operationId is ${name} is expected`);
    const readsReply = Object.values(operation.responses ?? {}).some((response) => response.content);
    if (readsReply) {
      preSend.push(name);
      continue;
    }
    postSend.push(name);
    const schema = operation.requestBody?.content?.["application/json"]?.schema;
    if (!schema) throw new Error(`webhook ${name} has no JSON body schema`);
    const matchers = matchersOf(doc, schema);
    if (matchers.length === 0) throw new Error(`webhook ${name}: its schema fixes no field, so no callback can be recognised as it`);
    rows.push(`  ${name}: ${JSON.stringify(matchers)},`);
  }
  return [
    "/** The callbacks whose reply the server reads: the pre-send verdict. */",
    `export const preSendWebhooks = ${JSON.stringify(preSend)} as const;`,
    "",
    "/** The callbacks whose reply the server ignores (beyond its status). */",
    `export const postSendWebhooks = ${JSON.stringify(postSend)} as const;`,
    "",
    "/** Per post-send webhook: [dotted path in the body, the values its schema allows there], all of which a callback of it satisfies. */",
    "export const webhookMatchers = {",
    ...rows,
    "} as const;",
    "",
  ].join("\n");
}
