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
function checked(param: string, value: unknown, [list, pattern]: PathRule): string {
  const field = `path.${param}`;
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

/** One segment of a path template: a literal, or a parameter with its rule. */
type Part = { literal: string } | { param: string; rule: PathRule };

function partsOf(schemaPath: string, rules: { readonly [param: string]: PathRule } | undefined): Part[] {
  return schemaPath
    .split("/")
    .slice(1)
    .map((segment) => {
      const match = /^\{([^{}]+)\}$/.exec(segment);
      return match ? { param: match[1]!, rule: rules?.[match[1]!] ?? SINGLE } : { literal: segment };
    });
}

/** Where the path segment starting at `from` ends: at the next "/", "?" or "#", or the end. */
function segmentEnd(url: string, from: number): number {
  for (let i = from; i < url.length; i++) {
    const c = url.charCodeAt(i);
    if (c === 47 || c === 63 || c === 35) return i;
  }
  return url.length;
}

/**
 * Refuses, before anything is sent, a request that would address something else than the one asked
 * for: each path value is checked against the spec's rules (`pathRules`), then the URL actually
 * built (whatever `pathSerializer` did, as `Request` normalized it) must be the client's base URL
 * followed by exactly the template's segments, each parameter's segment decoding to its value. A
 * per-call `fetch` other than the client's own two (with auth, and without it for the calls the
 * spec allows without a token) or a per-call `baseUrl` is refused too: it would send the token past the client's auth,
 * retries and origin.
 */
export function pathGuard(baseUrl: string, fetch: FetchLike, anonymousFetch: FetchLike): Middleware {
  const prefix = `${baseUrl}/`;
  const routes = new Map<string, Part[]>();
  return {
    onRequest({ request, schemaPath, params, options }) {
      if (options.fetch !== fetch && options.fetch !== anonymousFetch) {
        throw new InvalidRequestError("init.fetch", "is not taken per call (it would bypass auth and retries): give it as config.fetch");
      }
      if (options.baseUrl !== baseUrl) {
        throw new InvalidRequestError("init.baseUrl", "is not taken per call (the token would go there): give it as config.baseUrl");
      }
      const key = `${request.method} ${schemaPath}`;
      let parts = routes.get(key);
      if (!parts) routes.set(key, (parts = partsOf(schemaPath, pathRules[key])));
      const values = (params.path ?? {}) as Record<string, unknown>;
      const expected = parts.map((part) => ("literal" in part ? part.literal : checked(part.param, values[part.param], part.rule)));

      const url = request.url;
      let at = url.startsWith(prefix) ? prefix.length : -1;
      const wrong = expected.findIndex((text, i) => {
        if (at === -1) return true;
        const end = segmentEnd(url, at);
        const segment = url.slice(at, end);
        const last = i === expected.length - 1;
        // Too few segments, or too many after the last one.
        if ((url[end] === "/") === last) return true;
        at = end + 1;
        // Without a "%" the segment reads as it is written; with one, as the server will decode it.
        return segment.includes("%") ? decoded(segment) !== text : segment !== text;
      });
      if (wrong !== -1) {
        const part = parts[wrong];
        const field = part && "param" in part ? `path.${part.param}` : "path";
        const sent = url.split(/[?#]/, 1)[0]!.slice(baseUrl.length);
        throw new InvalidRequestError(field, `would be sent as ${sent}, not as ${schemaPath} asks (check pathSerializer)`);
      }
      return undefined;
    },
  };
}
