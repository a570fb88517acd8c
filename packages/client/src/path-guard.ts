import type { Middleware } from "openapi-fetch";
import { InvalidRequestError } from "./errors.js";
import { segmentProblem } from "./base-url.js";
import { operationsById } from "./generated/operations.js";

interface Rules {
  kind: "single" | "list";
  pattern?: RegExp;
}

/** The shape of one row of the generated operation table. */
export interface OperationRoute {
  method: string;
  path: string;
  pathParams: Readonly<Record<string, { kind: Rules["kind"]; pattern?: string }>>;
}

function nameProblem(value: unknown, pattern: RegExp | undefined): string | undefined {
  if (typeof value !== "string" && typeof value !== "number") return "must be a string";
  const text = String(value);
  // A comma makes the server read one name as a list; "." and ".." (and a decoded "/") retarget the request.
  if (text.includes(",")) return 'must not contain "," (the server splits names on commas)';
  if (text.includes("/")) return 'must not contain "/" (a decoded %2F would change the path)';
  const problem = segmentProblem(text);
  if (problem) return problem;
  if (pattern && !pattern.test(text)) return `must match ${pattern.source} (got ${JSON.stringify(text)})`;
  return undefined;
}

function check(field: string, value: unknown, { kind, pattern }: Rules): void {
  if (kind === "list") {
    if (!Array.isArray(value)) throw new InvalidRequestError(field, "must be an array of names");
    if (value.length === 0) throw new InvalidRequestError(field, "must name at least one");
    value.forEach((item, i) => {
      const problem = nameProblem(item, pattern);
      if (problem) throw new InvalidRequestError(`${field}[${i}]`, problem);
    });
    return;
  }
  const problem = nameProblem(value, pattern);
  if (problem) throw new InvalidRequestError(field, problem);
}

/** Refuses path values that would send a different request than the one asked for. */
export function pathGuardFor(routes: Iterable<OperationRoute>): Middleware {
  const rulesByRoute = new Map<string, Readonly<Record<string, Rules>>>();
  for (const op of routes) {
    const rules = Object.entries(op.pathParams).map(([name, { kind, pattern }]) => [
      name,
      { kind, ...(pattern === undefined ? {} : { pattern: new RegExp(pattern, "u") }) },
    ]);
    rulesByRoute.set(`${op.method.toUpperCase()} ${op.path}`, Object.fromEntries(rules));
  }
  return {
    onRequest({ request, schemaPath, params }) {
      const rules = rulesByRoute.get(`${request.method} ${schemaPath}`) ?? {};
      const values = (params.path ?? {}) as Record<string, unknown>;
      for (const name of schemaPath.match(/\{[^{}]+\}/g)?.map((m) => m.slice(1, -1)) ?? []) {
        check(`path.${name}`, values[name], rules[name] ?? { kind: "single" });
      }
      return undefined;
    },
  };
}

export const pathGuard = pathGuardFor(Object.values(operationsById));
