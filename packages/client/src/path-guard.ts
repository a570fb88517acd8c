import type { Middleware } from "openapi-fetch";
import { InvalidRequestError } from "./errors.js";
import { segmentProblem } from "./base-url.js";
import { operationsById } from "./generated/operations.js";

type Kind = "single" | "list";

const kindsByRoute = new Map<string, Readonly<Record<string, Kind>>>(
  Object.values(operationsById).map((op) => [`${op.method.toUpperCase()} ${op.path}`, op.pathParams]),
);

function nameProblem(value: unknown): string | undefined {
  if (typeof value !== "string" && typeof value !== "number") return "must be a string";
  const text = String(value);
  // A comma makes the server read one name as a list; "." and ".." (and a decoded "/") retarget the request.
  if (text.includes(",")) return 'must not contain "," (the server splits names on commas)';
  if (text.includes("/")) return 'must not contain "/" (a decoded %2F would change the path)';
  return segmentProblem(text);
}

function check(field: string, value: unknown, kind: Kind): void {
  if (kind === "list") {
    if (!Array.isArray(value)) throw new InvalidRequestError(field, "must be an array of names");
    if (value.length === 0) throw new InvalidRequestError(field, "must name at least one");
    value.forEach((item, i) => {
      const problem = nameProblem(item);
      if (problem) throw new InvalidRequestError(`${field}[${i}]`, problem);
    });
    return;
  }
  const problem = nameProblem(value);
  if (problem) throw new InvalidRequestError(field, problem);
}

/** Refuses path values that would send a different request than the one asked for. */
export const pathGuard: Middleware = {
  onRequest({ request, schemaPath, params }) {
    const kinds = kindsByRoute.get(`${request.method} ${schemaPath}`) ?? {};
    const values = (params.path ?? {}) as Record<string, unknown>;
    for (const name of schemaPath.match(/\{[^{}]+\}/g)?.map((m) => m.slice(1, -1)) ?? []) {
      check(`path.${name}`, values[name], kinds[name] ?? "single");
    }
    return undefined;
  },
};
