/** The bundled, dereferenced spec and the few OpenAPI shapes the cases read from it. */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

export const METHODS = ["get", "put", "post", "delete", "patch"] as const;
export type Method = (typeof METHODS)[number];

export interface Schema {
  type?: string | string[];
  title?: string;
  format?: string;
  contentMediaType?: string;
  oneOf?: Schema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minProperties?: number;
  maxProperties?: number;
  required?: string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  example?: unknown;
  enum?: unknown[];
}
export interface Parameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  schema?: Schema;
  example?: unknown;
}
export interface Example {
  summary?: string;
  value: unknown;
}
export interface MediaType {
  schema?: Schema;
  examples?: Record<string, Example>;
}

/** The request body media types the cases send: JSON, or a multipart form (a file upload). */
/** The request body media types the cases send: JSON, uploads, and HTML-form fields (`a=1&b=2`). */
export const REQUEST_MEDIA_TYPES = ["application/json", "multipart/form-data", "application/x-www-form-urlencoded"] as const;

/** The media type an operation's request body is sent as, and its description. */
export function requestMediaOf(operation: Operation): { type: (typeof REQUEST_MEDIA_TYPES)[number]; media: MediaType } | undefined {
  for (const type of REQUEST_MEDIA_TYPES) {
    const media = operation.requestBody?.content[type];
    if (media) return { type, media };
  }
  return undefined;
}

/** The 200 answer is not JSON (a file's bytes, e.g. a download). */
export function answersBinary(operation: Operation): boolean {
  const content = operation.responses["200"]?.content;
  return content !== undefined && !content["application/json"] && Object.keys(content).length > 0;
}
export interface Operation {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, MediaType> };
  responses: Record<string, { content?: Record<string, MediaType> }>;
}
type PathItem = { parameters?: Parameter[] } & Partial<Record<Method, Operation>>;

/** One operation with its path-level and operation-level parameters merged. */
export interface OperationEntry {
  method: Method;
  path: string;
  operation: Operation;
  parameters: Parameter[];
}

const specFile = createRequire(import.meta.url).resolve("@easemob-openapi/spec/openapi.dereferenced.json");
const spec = JSON.parse(readFileSync(specFile, "utf8")) as { paths: Record<string, PathItem> };

export const operations: OperationEntry[] = Object.entries(spec.paths).flatMap(([path, item]) =>
  METHODS.flatMap((method) => {
    const operation = item[method];
    if (!operation) return [];
    const byName = new Map<string, Parameter>();
    for (const p of [...(item.parameters ?? []), ...(operation.parameters ?? [])]) byName.set(`${p.in}:${p.name}`, p);
    return [{ method, path, operation, parameters: [...byName.values()] }];
  }),
);
