/**
 * Builds the source of src/generated/operations.ts from the bundled spec:
 *
 * - `operationsById`: operationId → method, path, path parameter rules, and, where they apply,
 *   `body` (the operation takes a request body), `multipart` (the body is sent as
 *   multipart/form-data; the names of its file parts), `binary` (the 200 answer is not JSON but
 *   the bytes of a file), `batch` (the list of names one call takes and its documented maximum)
 *   and `paging` (how the list is paged, where its items and its next cursor are).
 * - `DocumentedErrors`: a type only (no bytes shipped) mapping each operationId to its
 *   documented error statuses and, per status, the `error` types of that status's examples.
 */

const METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"] as const;

interface Parameter {
  $ref?: string;
  name?: string;
  in?: string;
  schema?: Schema;
}
interface Schema {
  $ref?: string;
  oneOf?: Schema[];
  type?: string | string[];
  oneOf?: Schema[];
  pattern?: string;
  format?: string;
  contentMediaType?: string;
  items?: Schema;
  maxItems?: number;
  maximum?: number;
  minimum?: number;
  default?: unknown;
  required?: string[];
  properties?: Record<string, Schema>;
  allOf?: Schema[];
}
interface MediaTypeObject {
  schema?: Schema;
  examples?: Record<string, { $ref?: string; value?: unknown }>;
}
interface Response {
  $ref?: string;
  content?: Record<string, MediaTypeObject>;
}
interface Operation {
  operationId?: string;
  /** `false`: the body's list is a whole (e.g. a user's tags, replaced at once), not a batch to split. */
  "x-batch"?: boolean;
  parameters?: Parameter[];
  requestBody?: { $ref?: string; content?: Record<string, MediaTypeObject> };
  responses?: Record<string, Response>;
}
type PathItem = { parameters?: Parameter[] } & Partial<Record<(typeof METHODS)[number], Operation>>;
export interface OpenApiDocument {
  paths?: Record<string, PathItem>;
  components?: Record<string, Record<string, unknown> | undefined>;
}

/** Follows local `#/components/...` references (the bundle keeps them). */
function deref<T extends { $ref?: string }>(doc: OpenApiDocument, value: T | undefined, seen = 0): T | undefined {
  if (!value?.$ref) return value;
  if (seen > 20) throw new Error(`$ref cycle at ${value.$ref}`);
  const match = /^#\/components\/([^/]+)\/([^/]+)$/.exec(value.$ref);
  if (!match) throw new Error(`Unsupported $ref ${value.$ref}`);
  const target = doc.components?.[match[1]!]?.[decodeURIComponent(match[2]!)] as T | undefined;
  if (!target) throw new Error(`Unresolved $ref ${value.$ref}`);
  return deref(doc, target, seen + 1);
}

function isArray(schema: Schema | undefined): boolean {
  const type = schema?.type;
  return type === "array" || (Array.isArray(type) && type.includes("array"));
}

/** A path value is one name ("single") or a comma-joined list ("list"), each name optionally matching a pattern. */
function rulesOf(doc: OpenApiDocument, parameter: Parameter): { kind: "single" | "list"; pattern?: string } {
  const schema = deref(doc, parameter.schema);
  const list = isArray(schema);
  const pattern = list ? deref(doc, schema?.items)?.pattern : schema?.pattern;
  return { kind: list ? "list" : "single", ...(pattern === undefined ? {} : { pattern }) };
}

/** The list of names one call takes: a list path parameter, or a required array property of the JSON body. */
type Batch = { in: "path" | "body"; name: string; maxItems?: number };

function batchOf(doc: OpenApiDocument, pathParams: Map<string, Parameter>, operation: Operation): Batch | undefined {
  if (operation["x-batch"] === false) return undefined;
  for (const [name, p] of pathParams) {
    const schema = deref(doc, p.schema);
    if (isArray(schema)) return { in: "path", name, ...(schema?.maxItems === undefined ? {} : { maxItems: schema.maxItems }) };
  }
  const json = deref(doc, deref(doc, operation.requestBody)?.content?.["application/json"]?.schema);
  // A `oneOf` body (e.g. the table's `{users: [...]}` or a bare array): its object form with a list of names.
  const body = json?.oneOf ? json.oneOf.map((form) => deref(doc, form)).find((form) => form?.type === "object") : json;
  const candidates = (body?.required ?? [])
    .map((name) => [name, deref(doc, body?.properties?.[name])] as const)
    .filter(([, schema]) => isArray(schema) && deref(doc, schema?.items)?.type === "string");
  // Prefer the array whose size the spec limits (the batch); else the only required array.
  const [name, schema] = candidates.find(([, s]) => s?.maxItems !== undefined) ?? (candidates.length === 1 ? candidates[0]! : []);
  if (name === undefined) return undefined;
  return { in: "body", name, ...(schema?.maxItems === undefined ? {} : { maxItems: schema.maxItems }) };
}

/** Properties an operation's own schema adds (allOf members other than referenced shared envelopes). */
function ownProperties(doc: OpenApiDocument, schema: Schema | undefined): Record<string, Schema> {
  const resolved = deref(doc, schema);
  if (!resolved) return {};
  if (!resolved.allOf) return resolved.properties ?? {};
  return Object.assign({}, ...resolved.allOf.filter((m) => !m.$ref).map((m) => ownProperties(doc, m)));
}

/** An array, or a `oneOf` with an array among its forms (a list some documented answers abridge to one item). */
function isList(doc: OpenApiDocument, schema: Schema | undefined): boolean {
  return isArray(schema) || (schema?.oneOf ?? []).some((form) => isArray(deref(doc, form)));
}

/** The own properties of a 200 answer. */
function okProperties(doc: OpenApiDocument, operation: Operation): Record<string, Schema> {
  const ok = deref(doc, operation.responses?.["200"]);
  return ownProperties(doc, ok?.content?.["application/json"]?.schema);
}

/** Where a 200 answer keeps its list: `data`, `entities`, or one level down such as `data.affiliations`. */
function itemsPathOf(doc: OpenApiDocument, operation: Operation): string | undefined {
  const props = okProperties(doc, operation);
  const names = Object.keys(props).sort((a, b) => rank(a) - rank(b));
  for (const name of names) if (isList(doc, deref(doc, props[name]))) return name;
  for (const name of names) {
    const inner = ownProperties(doc, props[name]);
    for (const sub of Object.keys(inner)) if (isList(doc, deref(doc, inner[sub]))) return `${name}.${sub}`;
  }
  return undefined;
}
const rank = (name: string) => ["data", "entities"].indexOf(name) >>> 0;

type Paging =
  | { kind: "page"; items: string; size?: number; start?: number; names?: { page: string; size: string } }
  | { kind: "cursor"; items: string; size?: number; cursor: string };

/**
 * Where a cursor list's answer keeps the next cursor: a top-level `cursor` (group and room
 * lists), `data.cursor` (reaction details) or `properties.cursor` (threads).
 */
function cursorPathOf(doc: OpenApiDocument, operation: Operation): string {
  const top = okProperties(doc, operation);
  if ("cursor" in top) return "cursor";
  return top["data"] && "cursor" in ownProperties(doc, top["data"]) ? "data.cursor" : "properties.cursor";
}

/**
 * `pagenum`/`pagesize` lists (size: the page size sent when the caller names none: the
 * documented default, else the maximum; start: the first `pagenum` when it is not 1, from the
 * parameter's default or minimum; names: the parameters' spelling when it is not
 * `pagenum`/`pagesize`, e.g. `pageNum`/`pageSize`, found whatever the case) and
 * `cursor`/`limit` lists (size: the maximum `limit`; cursor: where the answer keeps the next one).
 */
function pagingOf(doc: OpenApiDocument, method: string, query: Map<string, Parameter>, operation: Operation): Paging | undefined {
  // Only reads are lists: `DELETE /users?limit&cursor` deletes users a batch at a time.
  if (method !== "get") return undefined;
  const named = (lower: string) => [...query.keys()].find((name) => name.toLowerCase() === lower);
  const [pageName, sizeName] = [named("pagenum"), named("pagesize")];
  const kind = pageName && sizeName ? "page" : query.has("cursor") && query.has("limit") ? "cursor" : undefined;
  if (!kind) return undefined;
  const items = itemsPathOf(doc, operation);
  if (!items) throw new Error(`${operation.operationId} is paged but its 200 answer holds no list`);
  const sizeSchema = deref(doc, query.get(kind === "page" ? sizeName! : "limit")?.schema);
  const size = kind === "page" ? (typeof sizeSchema?.default === "number" ? sizeSchema.default : sizeSchema?.maximum) : sizeSchema?.maximum;
  if (kind === "cursor") return { kind, items, ...(size === undefined ? {} : { size }), cursor: cursorPathOf(doc, operation) };
  const numSchema = deref(doc, query.get(pageName!)?.schema);
  const first = typeof numSchema?.default === "number" ? numSchema.default : numSchema?.minimum;
  const names = pageName === "pagenum" && sizeName === "pagesize" ? {} : { names: { page: pageName!, size: sizeName! } };
  return { kind, items, ...(size === undefined ? {} : { size }), ...(first === undefined || first === 1 ? {} : { start: first }), ...names };
}

const isFile = (schema: Schema | undefined) => schema?.format === "binary" || schema?.contentMediaType !== undefined;

/** A body sent only as multipart/form-data: the names of its file parts (the rest are text fields). */
function multipartOf(doc: OpenApiDocument, operation: Operation): string[] | undefined {
  const content = deref(doc, operation.requestBody)?.content ?? {};
  if (content["application/json"] || !content["multipart/form-data"]) return undefined;
  const schema = deref(doc, content["multipart/form-data"].schema);
  return Object.entries(schema?.properties ?? {})
    .filter(([, property]) => isFile(deref(doc, property)))
    .map(([name]) => name);
}

/** The 200 answer is a file's bytes (no JSON media type), e.g. a download. */
function isBinary(doc: OpenApiDocument, operation: Operation): boolean {
  const content = deref(doc, operation.responses?.["200"])?.content;
  return content !== undefined && !content["application/json"] && Object.keys(content).length > 0;
}

/** Documented error statuses → the `error` values of their examples (`string` when none is given). */
function documentedErrors(doc: OpenApiDocument, operation: Operation): string {
  const rows: string[] = [];
  for (const [status, ref] of Object.entries(operation.responses ?? {})) {
    if (!/^[45]\d\d$/.test(status)) continue;
    const types = new Set<string>();
    for (const media of Object.values(deref(doc, ref)?.content ?? {})) {
      for (const example of Object.values(media.examples ?? {})) {
        const error = (deref(doc, example)?.value as { error?: unknown } | undefined)?.error;
        if (typeof error === "string") types.add(error);
      }
    }
    const union = types.size > 0 ? [...types].sort().map((t) => JSON.stringify(t)).join(" | ") : "string";
    rows.push(`${status}: ${union}`);
  }
  return rows.length > 0 ? `{ ${rows.join("; ")} }` : "{}";
}

export function operationTable(doc: OpenApiDocument): string {
  const rows: string[] = [];
  const errorRows: string[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const id = operation.operationId;
      if (!id) throw new Error(`${method.toUpperCase()} ${path} has no operationId`);
      const byName = new Map<string, Parameter>();
      const query = new Map<string, Parameter>();
      for (const p of [...(item.parameters ?? []), ...(operation.parameters ?? [])]) {
        const resolved = deref(doc, p);
        if (resolved?.in === "path" && resolved.name) byName.set(resolved.name, resolved);
        if (resolved?.in === "query" && resolved.name) query.set(resolved.name, resolved);
      }
      const pathParams = Object.fromEntries([...byName].map(([name, p]) => [name, rulesOf(doc, p)]));
      const content = deref(doc, operation.requestBody)?.content;
      // `bodyType` only where the body is neither JSON nor multipart (form fields: setUserAttributes).
      const bodyType = content && !content["application/json"] && !content["multipart/form-data"] ? Object.keys(content)[0] : undefined;
      const body = content ? { body: true, ...(bodyType ? { bodyType } : {}) } : {};
      const batch = operation["x-batch"] === false ? undefined : batchOf(doc, byName, operation);
      const paging = pagingOf(doc, method, query, operation);
      const multipart = multipartOf(doc, operation);
      const binary = isBinary(doc, operation) ? { binary: true } : {};
      const row = { method, path, pathParams, ...body, ...(multipart ? { multipart } : {}), ...binary, ...(batch ? { batch } : {}), ...(paging ? { paging } : {}) };
      rows.push(`  ${id}: ${JSON.stringify(row)},`);
      errorRows.push(`  ${id}: ${documentedErrors(doc, operation)};`);
    }
  }
  return [
    "export const operationsById = {",
    ...rows,
    "} as const;",
    "",
    "export type OperationId = keyof typeof operationsById;",
    "",
    "/** Per operation: each documented error status → the `error` types its documented examples show. */",
    "export interface DocumentedErrors {",
    ...errorRows,
    "}",
    "",
  ].join("\n");
}
