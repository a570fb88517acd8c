// Each operation's documented request, read from the dereferenced spec: what its code samples send.

export type ParameterValue = string | number | boolean | (string | number | boolean)[];

export interface RequestExample {
  operationId: string;
  method: string;
  /** The path template, e.g. `/chatgroups/{group_id}/users`. */
  pathTemplate: string;
  pathParams: Record<string, ParameterValue>;
  query: Record<string, ParameterValue>;
  /** The first named request body example, when the operation takes a body. */
  body?: unknown;
  /** The body is a multipart form (an upload), not JSON; `files` names its file parts. */
  multipart?: { files: string[] };
  /** The 200 answer is a file's bytes, not JSON (a download). */
  binary: boolean;
  /** Set where the body is form fields (`a=1&b=2`), not JSON. */
  bodyType?: 'application/x-www-form-urlencoded';
  /** The operation may be called without a token (`security` lists `{}`), like the token endpoint. */
  anonymous: boolean;
  /** Where it is served: the operation's own `servers`, else its path's, else the spec's. */
  servers: Server[];
}

export interface Server {
  url: string;
  variables?: Record<string, { default: string }>;
}

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  example?: unknown;
  examples?: Record<string, { value?: unknown }>;
}

interface MediaType {
  example?: unknown;
  examples?: Record<string, { value?: unknown }>;
  schema?: { properties?: Record<string, { format?: string; contentMediaType?: string }> };
}

interface Operation {
  operationId?: string;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content?: Record<string, MediaType> };
  responses?: Record<string, { content?: Record<string, unknown> }>;
  security?: Record<string, string[]>[];
  servers?: Server[];
}

export interface DereferencedSpec {
  security?: Record<string, string[]>[];
  servers: Server[];
  paths: Record<string, Record<string, unknown> & { parameters?: Parameter[]; servers?: Server[] }>;
}

export const httpMethods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** Every operation of the spec with a request built from its documented examples, in spec order. */
export function requestExamples(spec: DereferencedSpec): RequestExample[] {
  return Object.entries(spec.paths).flatMap(([pathTemplate, pathItem]) =>
    httpMethods
      .filter((method) => pathItem[method] !== undefined)
      .map((method) => requestExampleOf(spec, pathTemplate, method, pathItem[method] as Operation, pathItem)),
  );
}

function requestExampleOf(
  spec: DereferencedSpec,
  pathTemplate: string,
  method: string,
  operation: Operation,
  pathItem: { parameters?: Parameter[]; servers?: Server[] },
): RequestExample {
  const operationId = operation.operationId;
  if (!operationId) throw new Error(`${method.toUpperCase()} ${pathTemplate} has no operationId`);
  // Operation parameters override path-item ones with the same name and location.
  const parameters = new Map<string, Parameter>();
  for (const parameter of [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])]) {
    parameters.set(`${parameter.in}:${parameter.name}`, parameter);
  }
  const pathParams: Record<string, ParameterValue> = {};
  const query: Record<string, ParameterValue> = {};
  for (const parameter of parameters.values()) {
    if (parameter.in !== 'path' && parameter.in !== 'query') continue;
    const value = exampleOf(parameter);
    if (value === undefined) {
      if (parameter.required) throw new Error(`${operationId}: required ${parameter.in} parameter ${parameter.name} has no example`);
      continue;
    }
    (parameter.in === 'path' ? pathParams : query)[parameter.name] = value as ParameterValue;
  }
  const example: RequestExample = {
    operationId,
    method,
    pathTemplate,
    pathParams,
    query,
    anonymous: (operation.security ?? spec.security ?? []).some((requirement) => Object.keys(requirement).length === 0),
    servers: operation.servers ?? pathItem.servers ?? spec.servers,
    binary: isBinary(operation),
  };
  const json = operation.requestBody?.content?.['application/json'];
  const fields = json ? undefined : operation.requestBody?.content?.['application/x-www-form-urlencoded'];
  const form = json || fields ? undefined : operation.requestBody?.content?.['multipart/form-data'];
  if (operation.requestBody) {
    const media = json ?? fields ?? form;
    const body = media ? exampleOf(media) : undefined;
    if (body === undefined) throw new Error(`${operationId}: its request body has no JSON, form-fields or multipart example`);
    example.body = body;
    if (fields) example.bodyType = 'application/x-www-form-urlencoded';
    if (form) {
      const files = Object.entries(form.schema?.properties ?? {}).filter(([, p]) => p.format === 'binary' || p.contentMediaType !== undefined);
      example.multipart = { files: files.map(([name]) => name) };
    }
  }
  return example;
}

/** The 200 answer has no JSON media type: a file's bytes. */
function isBinary(operation: Operation): boolean {
  const content = operation.responses?.['200']?.content;
  return content !== undefined && !content['application/json'] && Object.keys(content).length > 0;
}

function exampleOf(holder: { example?: unknown; examples?: Record<string, { value?: unknown }> }): unknown {
  if (holder.example !== undefined) return holder.example;
  const first = Object.values(holder.examples ?? {})[0];
  return first?.value;
}

/** The path with its parameters filled in: lists joined by commas (style simple), each value percent-encoded. */
export function expandPath({ pathTemplate, pathParams, operationId }: RequestExample): string {
  return pathTemplate.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = pathParams[name];
    if (value === undefined) throw new Error(`${operationId}: no value for path parameter ${name}`);
    return (Array.isArray(value) ? value : [value]).map((item) => encodeURIComponent(String(item))).join(',');
  });
}

/** `?a=1&b=2`, or an empty string without query parameters. */
export function queryString({ query }: RequestExample): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) search.append(name, String(item));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
