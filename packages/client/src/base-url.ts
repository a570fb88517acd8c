import { InvalidRequestError } from "./errors.js";

/** Where the API is: the Easemob prefix, the Agora Chat app-id prefix, or a full base URL. */
export type Endpoint =
  | { host: string; orgName: string; appName: string }
  | { host: string; appId: string }
  | { baseUrl: string };

/** A segment that URL parsing would drop or reinterpret ("." and ".." collapse the path). */
export function segmentProblem(value: string): string | undefined {
  if (value === "") return "must not be empty";
  if (value === "." || value === "..") return `must not be "${value}" (URL parsing would collapse the path)`;
  return undefined;
}

function segment(field: string, value: unknown): string {
  if (typeof value !== "string") throw new InvalidRequestError(field, "must be a string");
  const problem = segmentProblem(value) ?? (value.includes("/") ? 'must not contain "/"' : undefined);
  if (problem) throw new InvalidRequestError(field, problem);
  return encodeURIComponent(value);
}

/** `a1.easemob.com` means https; a URL origin (`http://127.0.0.1:4010`) is used as given. */
function origin(host: unknown): string {
  if (typeof host !== "string" || host === "") throw new InvalidRequestError("config.host", "must be a non-empty string");
  let url: URL;
  try {
    url = new URL(host.includes("://") ? host : `https://${host}`);
  } catch {
    throw new InvalidRequestError("config.host", "is not a host name or URL origin");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new InvalidRequestError("config.host", "must be an http(s) origin");
  if (url.pathname !== "/" || /[?#]/.test(host) || url.username || url.password) {
    throw new InvalidRequestError("config.host", "must be a host name or an origin, without path, query, fragment or credentials");
  }
  return url.origin;
}

/**
 * A full base URL, as given but checked like `host`: http(s), and nothing that would move the calls
 * elsewhere (a `?query` or `#fragment` swallows every path appended to it; credentials in the URL
 * would be sent to whoever answers).
 */
function checkedBaseUrl(baseUrl: unknown): string {
  let url: URL | undefined;
  try {
    url = typeof baseUrl === "string" ? new URL(baseUrl) : undefined;
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== "https:" && url.protocol !== "http:")) {
    throw new InvalidRequestError("config.baseUrl", "must be an absolute http(s) URL");
  }
  if (/[?#]/.test(baseUrl as string) || url.username || url.password) {
    throw new InvalidRequestError("config.baseUrl", "must not carry a query, a fragment or credentials");
  }
  return url.href.replace(/\/+$/, "");
}

export function baseUrlOf(endpoint: Endpoint): string {
  if ("baseUrl" in endpoint) return checkedBaseUrl(endpoint.baseUrl);
  if ("appId" in endpoint) {
    return `${origin(endpoint.host)}/app-id/${segment("config.appId", endpoint.appId)}`;
  }
  return `${origin(endpoint.host)}/${segment("config.orgName", endpoint.orgName)}/${segment("config.appName", endpoint.appName)}`;
}
