/**
 * The bundled OpenAPI document read into one table of operations: everything the emulator derives
 * per operation (route, parameters, body, success example, prefixes, auth, rate limit) is computed
 * here once at start-up, so that operations added to the spec are served with no code of their own.
 */
import { readFileSync } from 'node:fs';

export const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;
export type Method = (typeof METHODS)[number];

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface Schema {
  type?: string | string[];
  items?: Schema;
  $ref?: string;
  [keyword: string]: unknown;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
  example?: unknown;
}

interface Example {
  value?: unknown;
  $ref?: string;
}

interface MediaType {
  schema?: Schema;
  example?: unknown;
  examples?: Record<string, Example>;
}

interface Response {
  $ref?: string;
  description?: string;
  content?: Record<string, MediaType>;
}

interface Server {
  url: string;
}

export interface Operation {
  operationId: string;
  parameters?: Array<Parameter | { $ref: string }>;
  requestBody?: { $ref?: string; required?: boolean; content?: Record<string, MediaType> };
  responses?: Record<string, Response>;
  security?: Array<Record<string, string[]>>;
  servers?: Server[];
  'x-rate-limit'?: unknown;
  [key: string]: unknown;
}

type PathItem = Partial<Record<Method, Operation>> & { parameters?: Operation['parameters']; servers?: Server[] };

export interface OpenApiDocument {
  paths: Record<string, PathItem>;
  servers?: Server[];
  security?: Array<Record<string, string[]>>;
  components?: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
}

/** The two URL prefixes of the real API. */
export type PrefixKind = 'org-app' | 'app-id';

export interface NamedExample {
  status: number;
  name: string;
  value: JsonObject;
}

export interface OperationInfo {
  operationId: string;
  method: Method;
  path: string;
  parameters: Parameter[];
  /** Schema of the request body (JSON or form fields), with `$ref`s resolvable against the document. */
  bodySchema: Schema | undefined;
  bodyRequired: boolean;
  /**
   * How the body is read: `json`; `form` for form-urlencoded fields (JSON is taken too);
   * `binary` for anything else (a file upload), passed on raw and not validated.
   */
  bodyFormat: 'none' | 'json' | 'form' | 'binary';
  successStatus: number;
  /** The first documented example of the success response. */
  successExample: unknown;
  successContentType: string | undefined;
  /** Named examples of the error responses, by name, resolved. */
  errorExamples: Map<string, NamedExample>;
  prefixes: ReadonlySet<PrefixKind>;
  /** False when the operation may be called without a token (`security` lists `{}`). */
  needsToken: boolean;
  /** Requests per second per app, as the vendor documents it. */
  rateLimit: number;
}

const DEFAULT_RATE_LIMIT = 100;
// Documented lower limits, for specs that do not carry `x-rate-limit` yet.
const KNOWN_RATE_LIMITS: Record<string, number> = {
  listChatrooms: 50,
  listUserJoinedChatrooms: 50,
  createChatroom: 50,
  getToken: 300,
};

export function readDocument(file: string): OpenApiDocument {
  return JSON.parse(readFileSync(file, 'utf8')) as OpenApiDocument;
}

/** Follows local `$ref`s (`#/components/...`) until a value that is not a reference. */
export function resolveRef<T>(document: OpenApiDocument, node: T | { $ref: string }): T {
  let current: unknown = node;
  for (let hops = 0; hops < 32; hops++) {
    const ref = (current as { $ref?: unknown } | null)?.$ref;
    if (typeof ref !== 'string' || !ref.startsWith('#/')) return current as T;
    current = ref
      .slice(2)
      .split('/')
      .map(part => decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], document);
  }
  throw new Error(`Reference cycle at ${JSON.stringify(node)}`);
}

function prefixKinds(servers: Server[]): Set<PrefixKind> {
  const kinds = new Set<PrefixKind>();
  for (const { url } of servers) {
    if (/\/app-id\/\{[^}]+\}\/?$/.test(url)) kinds.add('app-id');
    else if (/\/\{[^}]+\}\/\{[^}]+\}\/?$/.test(url)) kinds.add('org-app');
  }
  return kinds;
}

/** `x-rate-limit` as a number, a text such as `100/s`, or an object holding the number. */
function rateLimitOf(operation: Operation): number {
  let declared = operation['x-rate-limit'];
  if (declared && typeof declared === 'object') declared = Object.values(declared).find(value => typeof value === 'number');
  const number = typeof declared === 'number' ? declared : Number.parseInt(String(declared ?? ''), 10);
  if (Number.isFinite(number) && number > 0) return number;
  return KNOWN_RATE_LIMITS[operation.operationId] ?? DEFAULT_RATE_LIMIT;
}

function firstExample(media: MediaType | undefined, document: OpenApiDocument): unknown {
  if (!media) return undefined;
  if (media.example !== undefined) return media.example;
  const first = Object.values(media.examples ?? {})[0];
  return first === undefined ? undefined : resolveRef(document, first).value;
}

function errorExamplesOf(responses: Record<string, Response>, document: OpenApiDocument): Map<string, NamedExample> {
  const byName = new Map<string, NamedExample>();
  for (const [status, reference] of Object.entries(responses)) {
    const code = Number(status);
    if (!(code >= 400)) continue;
    const examples = resolveRef(document, reference).content?.['application/json']?.examples ?? {};
    for (const [name, example] of Object.entries(examples)) {
      const value = resolveRef(document, example).value;
      if (value && typeof value === 'object' && !byName.has(name)) byName.set(name, { status: code, name, value: value as JsonObject });
    }
  }
  return byName;
}

function describe(document: OpenApiDocument, path: string, method: Method, item: PathItem, operation: Operation): OperationInfo {
  const parameters = new Map<string, Parameter>();
  for (const reference of [...(item.parameters ?? []), ...(operation.parameters ?? [])]) {
    const parameter = resolveRef<Parameter>(document, reference);
    parameters.set(`${parameter.in}:${parameter.name}`, parameter);
  }
  const requestBody = operation.requestBody && resolveRef(document, operation.requestBody);
  const content = requestBody?.content ?? {};
  const json = content['application/json'] ?? Object.entries(content).find(([type]) => type.endsWith('+json'))?.[1];
  const form = json ? undefined : content['application/x-www-form-urlencoded'];
  const responses = operation.responses ?? {};
  const successStatus = Object.keys(responses).map(Number).filter(code => code >= 200 && code < 300).sort()[0] ?? 200;
  const success = responses[String(successStatus)] && resolveRef(document, responses[String(successStatus)]!);
  const successContentType = Object.keys(success?.content ?? {})[0];
  const security = operation.security ?? document.security ?? [];
  return {
    operationId: operation.operationId,
    method,
    path,
    parameters: [...parameters.values()],
    bodySchema: (json ?? form)?.schema,
    bodyRequired: requestBody?.required === true,
    bodyFormat: json ? 'json' : form ? 'form' : requestBody ? 'binary' : 'none',
    successStatus,
    successExample: firstExample(successContentType ? success?.content?.[successContentType] : undefined, document),
    successContentType,
    errorExamples: errorExamplesOf(responses, document),
    prefixes: prefixKinds(operation.servers ?? item.servers ?? document.servers ?? []),
    needsToken: security.length > 0 && !security.some(requirement => Object.keys(requirement).length === 0),
    rateLimit: rateLimitOf(operation),
  };
}

/** Every operation of the document, in document order. */
export function operationsOf(document: OpenApiDocument): OperationInfo[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.flatMap(method => {
      const operation = item[method];
      return operation?.operationId ? [describe(document, path, method, item, operation)] : [];
    }),
  );
}
