import type { Middleware } from "openapi-fetch";
import { InvalidRequestError } from "./errors.js";
import { segmentProblem } from "./base-url.js";
import type { FetchLike } from "./fetch-like.js";
import { pathRules, type PathRule } from "./generated/path-rules.js";

const SINGLE: PathRule = [0];
const compiled = new Map<string, RegExp>();
const matches = (pattern: string, text: string) => {
  let regex = compiled.get(pattern);
  if (!regex) compiled.set(pattern, (regex = new RegExp(pattern, "u")));
  return regex.test(text);
};

export function nameProblem(value: unknown, pattern: string | undefined): string | undefined {
  if (typeof value !== "string" && typeof value !== "number") return "must be a string";
  const text = String(value);
  // A comma makes the server read one name as a list; "." and ".." (and a decoded "/") retarget the request.
  if (text.includes(",")) return 'must not contain "," (the server splits names on commas)';
  if (text.includes("/")) return 'must not contain "/" (a decoded %2F would change the path)';
  const problem = segmentProblem(text);
  if (problem) return problem;
  if (pattern !== undefined && !matches(pattern, text)) return `must match ${pattern} (got ${JSON.stringify(text)})`;
  return undefined;
}

/** Checks one path value against its rule; returns the text its segment must read as, decoded. */
function checked(field: string, value: unknown, [list, pattern]: PathRule): string {
  if (list) {
    if (!Array.isArray(value)) throw new InvalidRequestError(field, "must be an array of names");
    if (value.length === 0) throw new InvalidRequestError(field, "must name at least one");
    value.forEach((item, i) => {
      const problem = nameProblem(item, pattern);
      if (problem) throw new InvalidRequestError(`${field}[${i}]`, problem);
    });
    return value.join(",");
  }
  const problem = nameProblem(value, pattern);
  if (problem) throw new InvalidRequestError(field, problem);
  return String(value);
}

function decoded(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** A path template split into segments, each a literal or the name of one parameter. */
type Template = readonly ({ literal: string } | { param: string })[];

function templateOf(schemaPath: string): Template {
  return schemaPath
    .split("/")
    .slice(1)
    .map((segment) => {
      const match = /^\{([^{}]+)\}$/.exec(segment);
      return match ? { param: match[1]! } : { literal: segment };
    });
}

/**
 * Refuses, before anything is sent, a request that would address something else than the one asked
 * for: each path value is checked against the spec's rules (`pathRules`), then the URL actually
 * built (whatever `pathSerializer` did) must be the client's base URL followed by exactly the
 * template's segments, each parameter's segment decoding to its value. A per-call `fetch` or
 * `baseUrl` is refused too: it would send the token past the client's auth, retries and origin.
 */
export function pathGuard(baseUrl: string, fetch: FetchLike): Middleware {
  const { origin, pathname } = new URL(baseUrl);
  const basePath = pathname.replace(/\/$/, "");
  const templates = new Map<string, Template>();
  return {
    onRequest({ request, schemaPath, params, options }) {
      if (options.fetch !== fetch) {
        throw new InvalidRequestError("init.fetch", "is not taken per call (it would bypass auth and retries): give it as config.fetch");
      }
      if (options.baseUrl !== baseUrl) {
        throw new InvalidRequestError("init.baseUrl", "is not taken per call (the token would go there): give it as config.baseUrl");
      }
      let template = templates.get(schemaPath);
      if (!template) templates.set(schemaPath, (template = templateOf(schemaPath)));
      const rules = pathRules[`${request.method} ${schemaPath}`];
      const values = (params.path ?? {}) as Record<string, unknown>;
      const expected = template.map((part) =>
        "literal" in part ? part.literal : checked(`path.${part.param}`, values[part.param], rules?.[part.param] ?? SINGLE),
      );

      const url = new URL(request.url);
      const under = url.origin === origin && url.pathname.startsWith(`${basePath}/`);
      const sent = under ? url.pathname.slice(basePath.length + 1).split("/") : [];
      const at = expected.findIndex((text, i) => decoded(sent[i] ?? "") !== text);
      if (at !== -1 || sent.length !== expected.length) {
        const part = template[at];
        const field = part && "param" in part ? `path.${part.param}` : "path";
        throw new InvalidRequestError(field, `would be sent as ${url.pathname}${url.search ? "?…" : ""}, not as ${schemaPath} asks (check pathSerializer)`);
      }
      return undefined;
    },
  };
}
