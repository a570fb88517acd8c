/** The bundled, dereferenced spec and the few OpenAPI shapes the cases read from it. */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

export const METHODS = ["get", "put", "post", "delete", "patch"] as const;
export type Method = (typeof METHODS)[number];

export interface Schema {
  type?: string | string[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  required?: string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  example?: unknown;
  enum?: unknown[];
  oneOf?: Schema[];
  title?: string;
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
