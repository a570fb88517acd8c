/** Builds the source of src/generated/operations.ts: operationId → method, path, path parameter rules. */

const METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"] as const;

interface Parameter {
  $ref?: string;
  name?: string;
  in?: string;
  schema?: ParameterSchema;
}
interface ParameterSchema {
  type?: string | string[];
  pattern?: string;
  items?: ParameterSchema;
}
interface Operation {
  operationId?: string;
  parameters?: Parameter[];
}
type PathItem = { parameters?: Parameter[] } & Partial<Record<(typeof METHODS)[number], Operation>>;
export interface OpenApiDocument {
  paths?: Record<string, PathItem>;
  components?: { parameters?: Record<string, Parameter> };
}

function resolve(doc: OpenApiDocument, parameter: Parameter): Parameter {
  const prefix = "#/components/parameters/";
  if (!parameter.$ref) return parameter;
  if (!parameter.$ref.startsWith(prefix)) throw new Error(`Unsupported parameter $ref ${parameter.$ref}`);
  const target = doc.components?.parameters?.[parameter.$ref.slice(prefix.length)];
  if (!target) throw new Error(`Unresolved parameter $ref ${parameter.$ref}`);
  return resolve(doc, target);
}

/** A path value is one name ("single") or a comma-joined list ("list"), each name optionally matching a pattern. */
function rulesOf(parameter: Parameter): { kind: "single" | "list"; pattern?: string } {
  const type = parameter.schema?.type;
  const list = type === "array" || (Array.isArray(type) && type.includes("array"));
  const pattern = list ? parameter.schema?.items?.pattern : parameter.schema?.pattern;
  return { kind: list ? "list" : "single", ...(pattern === undefined ? {} : { pattern }) };
}

export function operationTable(doc: OpenApiDocument): string {
  const rows: string[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      if (!operation.operationId) throw new Error(`${method.toUpperCase()} ${path} has no operationId`);
      const byName = new Map<string, Parameter>();
      for (const p of [...(item.parameters ?? []), ...(operation.parameters ?? [])]) {
        const resolved = resolve(doc, p);
        if (resolved.in === "path" && resolved.name) byName.set(resolved.name, resolved);
      }
      const pathParams = Object.fromEntries([...byName].map(([name, p]) => [name, rulesOf(p)]));
      rows.push(
        `  ${operation.operationId}: ${JSON.stringify({ method, path, pathParams })},`,
      );
    }
  }
  return [
    "export const operationsById = {",
    ...rows,
    "} as const;",
    "",
    "export type OperationId = keyof typeof operationsById;",
    "",
  ].join("\n");
}
