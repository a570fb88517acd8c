/**
 * Builds, from the bundled spec, the sources of:
 *
 * - src/generated/operations.ts: `operationsById`, operationId → method, path and, where they
 *   apply, `anonymous` (callable without a token) or `userToken` (only with a user's token), `body` (the operation takes a request body; `bodyType` when it is form fields),
 *   `multipart` (the body is sent as multipart/form-data; the names of its file parts), `binary`
 *   (the 200 answer is a file's bytes), `batch` (the list of names one call takes, its documented
 *   maximum and the pattern each name must match) and `paging` (how the list is paged, where its
 *   items and next cursor are, the page size sent by default and the largest one allowed);
 *   and `DocumentedErrors`, a type only (no bytes shipped) mapping each operationId to its
 *   documented error statuses and, per status, the `error` types of that status's examples.
 * - src/generated/path-rules.ts: only what the path guard of every client needs, kept apart so
 *   that `createClient` alone does not ship the table: the path parameters that take a list or
 *   whose names must match a pattern, and the operationId of the token endpoint.
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
  security?: Record<string, unknown>[];
}
type PathItem = { parameters?: Parameter[] } & Partial<Record<(typeof METHODS)[number], Operation>>;
export interface OpenApiDocument {
  paths?: Record<string, PathItem>;
  security?: Record<string, unknown>[];
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

/**
 * The list one call takes: names (a list path parameter, or a required array of strings in the
 * JSON body), or items (a required array of objects in the body, or the body itself as an array:
 * `in: "array"`; `objects`). `key`: the property that names an item (its `username`), when it has one.
 */
type Batch = { in: "path" | "body" | "array"; name: string; maxItems?: number; pattern?: string; objects?: true; key?: string };

/** The property naming an item of an object batch: a required string `username`, else none. */
function keyOf(doc: OpenApiDocument, items: Schema | undefined): { key?: string } {
  const props = Object.assign({}, items?.properties, ...(items?.allOf ?? []).map((m) => deref(doc, m)?.properties ?? {})) as Record<string, Schema>;
  const required = [items?.required ?? [], ...(items?.allOf ?? []).map((m) => deref(doc, m)?.required ?? [])].flat();
  return required.includes("username") && deref(doc, props["username"])?.type === "string" ? { key: "username" } : {};
}

function batchRow(doc: OpenApiDocument, where: Batch["in"], name: string, schema: Schema | undefined): Batch {
  const items = deref(doc, schema?.items);
  return {
    in: where,
    name,
    ...(schema?.maxItems === undefined ? {} : { maxItems: schema.maxItems }),
    ...(items?.pattern === undefined ? {} : { pattern: items.pattern }),
    ...(items?.type === "string" || where === "path" ? {} : { objects: true, ...keyOf(doc, items) }),
  };
}

function batchOf(doc: OpenApiDocument, pathParams: Map<string, Parameter>, operation: Operation): Batch | undefined {
  if (operation["x-batch"] === false) return undefined;
  for (const [name, p] of pathParams) {
    const schema = deref(doc, p.schema);
    if (isArray(schema)) return batchRow(doc, "path", name, schema);
  }
  const json = deref(doc, deref(doc, operation.requestBody)?.content?.["application/json"]?.schema);
  const forms = (json?.oneOf ?? [json]).map((form) => deref(doc, form));
  // The body itself a limited array of objects (registerUsers' batch form, setPushNicknames).
  const array = forms.find((form) => isArray(form) && form?.maxItems !== undefined && deref(doc, form.items)?.type === "object");
  if (array) return batchRow(doc, "array", "", array);
  // A `oneOf` body (e.g. the table's `{users: [...]}` or a bare array): its object form with a list.
  const body = forms.find((form) => form?.type === "object");
  const candidates = (body?.required ?? [])
    .map((name) => [name, deref(doc, body?.properties?.[name])] as const)
    .filter(([, schema]) => {
      const items = deref(doc, schema?.items);
      // Strings, or objects where the spec limits how many one call takes (addFavorites' collections).
      return isArray(schema) && (items?.type === "string" || ((items?.type === "object" || items?.allOf !== undefined) && schema?.maxItems !== undefined));
    });
  // Prefer the array whose size the spec limits (the batch); else the only required array.
  const [name, schema] = candidates.find(([, s]) => s?.maxItems !== undefined) ?? (candidates.length === 1 ? candidates[0]! : []);
  if (name === undefined) return undefined;
  return batchRow(doc, "body", name, schema);
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
  | { kind: "page"; items: string; size?: number; max?: number; start?: number; in?: "body"; names?: { page: string; size: string } }
  | { kind: "cursor"; items: string; size?: number; max?: number; cursor: string; names?: { size: string } }
  | { kind: "key"; items: string; size?: number; max?: number; key: string };

/**
 * Lists with paging parameters that are not offered as paged, and why. `pnpm generate` fails on
 * any other operation with paging parameters that the rules below cannot page, so a new list is
 * either paged or named here (and in the README's list of exceptions).
 */
export const NOT_PAGED: Readonly<Record<string, string>> = {
  deleteUsers: "a DELETE: each call deletes up to `limit` users, so iterating it would delete every user of the app",
};

/** Query parameters (and body fields of a read paged in its body) that say a list is paged, whatever their case. */
export const PAGING_PARAMETER = /^(pagenum|pagesize|page|size|limit|cursor)$/i;

/**
 * Where a cursor list's answer keeps the next cursor: a top-level `cursor` (group and room
 * lists), `data.cursor` (reaction details) or `properties.cursor` (threads).
 */
function cursorPathOf(doc: OpenApiDocument, operation: Operation): string {
  const top = okProperties(doc, operation);
  if ("cursor" in top) return "cursor";
  return top["data"] && "cursor" in ownProperties(doc, top["data"]) ? "data.cursor" : "properties.cursor";
}

/** The page size to send by default: the largest allowed (fewer calls of a rate-limited API), else the documented default. */
function sizesOf(schema: Schema | undefined): { size?: number; max?: number } {
  const max = schema?.maximum;
  const size = max ?? (typeof schema?.default === "number" ? schema.default : undefined);
  return { ...(size === undefined ? {} : { size }), ...(max === undefined ? {} : { max }) };
}

/** The first page number when it is not 1, from the parameter's default or minimum. */
function startOf(schema: Schema | undefined): { start?: number } {
  const first = typeof schema?.default === "number" ? schema.default : schema?.minimum;
  return first === undefined || first === 1 ? {} : { start: first };
}

/** A read whose JSON body holds its page fields (`page` and `size`: the keyword searches). */
function bodyPageFields(doc: OpenApiDocument, operation: Operation): Record<string, Schema> | undefined {
  const body = deref(doc, deref(doc, operation.requestBody)?.content?.["application/json"]?.schema);
  const props = body?.properties ?? {};
  return Object.keys(props).some((name) => PAGING_PARAMETER.test(name)) ? props : undefined;
}

/**
 * How a list is paged, from its parameters (names found whatever their case):
 * - `page`: `pagenum`/`pagesize` in the query (names: their spelling when it is not that, e.g.
 *   `pageNum`/`pageSize`), or `page`/`size` in the JSON body of a read (`in: "body"`); start:
 *   the first page when it is not 1;
 * - `cursor`: `cursor` and a page size (`limit`, or `pageSize` in names) in the query; cursor:
 *   where the answer keeps the next one;
 * - `key`: `limit` and `<item>_id` naming the list's items (`collection_id` for `collections`):
 *   each page starts at the last item read (included), found by its `id`.
 * size: the page size sent when the caller names none; max: the largest the spec allows.
 */
function pagingOf(doc: OpenApiDocument, id: string, method: string, query: Map<string, Parameter>, operation: Operation): Paging | undefined {
  const named = (lower: string) => [...query.keys()].find((name) => name.toLowerCase() === lower);
  const bodyFields = method === "get" ? undefined : bodyPageFields(doc, operation);
  if (![...query.keys()].some((name) => PAGING_PARAMETER.test(name)) && !bodyFields) return undefined;
  if (id in NOT_PAGED) return undefined;
  const items = itemsPathOf(doc, operation);
  const unpageable = (why: string) => new Error(`${id} has paging parameters but ${why}: page it in scripts/operation-table.ts or add it to NOT_PAGED`);
  if (!items) throw unpageable("its 200 answer holds no list");
  const schemaOf = (name: string | undefined) => deref(doc, name === undefined ? undefined : query.get(name)?.schema);

  if (bodyFields) {
    if (!bodyFields["page"] || !bodyFields["size"]) throw unpageable("its body has no page and size");
    return { kind: "page", items, ...sizesOf(deref(doc, bodyFields["size"])), ...startOf(deref(doc, bodyFields["page"])), in: "body", names: { page: "page", size: "size" } };
  }
  const [pageName, sizeName, limit] = [named("pagenum"), named("pagesize"), named("limit")];
  if (pageName && sizeName) {
    const names = pageName === "pagenum" && sizeName === "pagesize" ? {} : { names: { page: pageName, size: sizeName } };
    return { kind: "page", items, ...sizesOf(schemaOf(sizeName)), ...startOf(schemaOf(pageName)), ...names };
  }
  const size = limit ?? sizeName;
  if (query.has("cursor") && size) {
    return { kind: "cursor", items, ...sizesOf(schemaOf(size)), cursor: cursorPathOf(doc, operation), ...(size === "limit" ? {} : { names: { size } }) };
  }
  const key = [...query.keys()].find((name) => name.endsWith("_id") && `${name.slice(0, -3)}s` === items);
  if (limit && key) return { kind: "key", items, ...sizesOf(schemaOf(limit)), key };
  throw unpageable("none of the paging rules fits");
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

interface OperationEntry {
  id: string;
  method: (typeof METHODS)[number];
  path: string;
  operation: Operation;
  pathParams: Map<string, Parameter>;
  query: Map<string, Parameter>;
}

/**
 * Who may call: `anonymous` when the spec allows the call without a token (`{}` among its
 * security alternatives: the token endpoint, open registration); `userToken` when only a user's
 * token is accepted (the caller gives it per call), not the app token.
 */
function authOf(doc: OpenApiDocument, operation: Operation): { anonymous?: true; userToken?: true } {
  const alternatives = operation.security ?? doc.security ?? [];
  if (alternatives.some((alternative) => Object.keys(alternative).length === 0)) return { anonymous: true };
  const schemes = new Set(alternatives.flatMap((alternative) => Object.keys(alternative)));
  return schemes.size === 1 && schemes.has("userToken") ? { userToken: true } : {};
}

function operationsOf(doc: OpenApiDocument): OperationEntry[] {
  const entries: OperationEntry[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const id = operation.operationId;
      if (!id) throw new Error(`${method.toUpperCase()} ${path} has no operationId`);
      const pathParams = new Map<string, Parameter>();
      const query = new Map<string, Parameter>();
      for (const p of [...(item.parameters ?? []), ...(operation.parameters ?? [])]) {
        const resolved = deref(doc, p);
        if (resolved?.in === "path" && resolved.name) pathParams.set(resolved.name, resolved);
        if (resolved?.in === "query" && resolved.name) query.set(resolved.name, resolved);
      }
      entries.push({ id, method, path, operation, pathParams, query });
    }
  }
  return entries;
}

export function operationTable(doc: OpenApiDocument): string {
  const rows: string[] = [];
  const errorRows: string[] = [];
  for (const { id, method, path, operation, pathParams, query } of operationsOf(doc)) {
    const content = deref(doc, operation.requestBody)?.content;
    // `bodyType` only where the body is neither JSON nor multipart (form fields: setUserAttributes).
    const bodyType = content && !content["application/json"] && !content["multipart/form-data"] ? Object.keys(content)[0] : undefined;
    const body = content ? { body: true, ...(bodyType ? { bodyType } : {}) } : {};
    const batch = operation["x-batch"] === false ? undefined : batchOf(doc, pathParams, operation);
    const paging = pagingOf(doc, id, method, query, operation);
    const multipart = multipartOf(doc, operation);
    const binary = isBinary(doc, operation) ? { binary: true } : {};
    const row = { method, path, ...authOf(doc, operation), ...body, ...(multipart ? { multipart } : {}), ...binary, ...(batch ? { batch } : {}), ...(paging ? { paging } : {}) };
    rows.push(`  ${id}: ${JSON.stringify(row)},`);
    errorRows.push(`  ${id}: ${documentedErrors(doc, operation)};`);
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

/** A pattern that says no more than the guard's own rules for every name (non-empty, no comma). */
const BUILT_IN_PATTERN = "^[^,]+$";

/**
 * The source of src/generated/path-rules.ts: per `METHOD /path`, the path parameters that are not
 * plain single names (`[1]` a comma-joined list, then the pattern each name must match, if it says
 * more than the guard's own rules), and the operationId of `POST /token`.
 */
export function pathRulesModule(doc: OpenApiDocument): string {
  const rows: string[] = [];
  let tokenOperationId: string | undefined;
  for (const { id, method, path, pathParams } of operationsOf(doc)) {
    if (method === "post" && path === "/token") tokenOperationId = id;
    const rules: Record<string, [0 | 1, string?]> = {};
    for (const [name, parameter] of pathParams) {
      const { kind, pattern: own } = rulesOf(doc, parameter);
      const pattern = own === BUILT_IN_PATTERN ? undefined : own;
      if (kind === "list" || pattern !== undefined) rules[name] = pattern === undefined ? [kind === "list" ? 1 : 0] : [kind === "list" ? 1 : 0, pattern];
    }
    if (Object.keys(rules).length > 0) rows.push(`  ${JSON.stringify(`${method.toUpperCase()} ${path}`)}: ${JSON.stringify(rules)},`);
  }
  if (!tokenOperationId) throw new Error("the spec has no POST /token operation, which client credentials need");
  return [
    "/** `[1]`: the parameter takes a comma-joined list of names; then the pattern every name must match. */",
    "export type PathRule = readonly [list: 0 | 1, pattern?: string];",
    "",
    "/** Path parameters that are not plain single names, by `METHOD /path`. */",
    "export const pathRules: { readonly [route: string]: { readonly [param: string]: PathRule } } = {",
    ...rows,
    "};",
    "",
    "/** The operation that issues app tokens (`POST /token`). */",
    `export const tokenOperationId = ${JSON.stringify(tokenOperationId)};`,
    "",
  ].join("\n");
}
