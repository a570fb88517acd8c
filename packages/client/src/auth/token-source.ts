import { InvalidRequestError } from "../errors.js";
import { Secrets } from "../secrets.js";
import { isUsableToken } from "./bearer.js";
import { cachedSource } from "./cached-source.js";
import { requestAppToken, type CheckedCredentials } from "./client-credentials.js";
import type { Auth, TokenContext, TokenSource } from "./types.js";

const SHAPES = "must be an app token string, { clientId, clientSecret } or { getToken }";

function fixedSource(token: string, secrets: Secrets): TokenSource {
  if (!isUsableToken(token)) {
    throw new InvalidRequestError("auth", "must be a non-empty token of visible ASCII characters (no spaces or line breaks)");
  }
  secrets.add(token);
  const same = Promise.resolve(token);
  return { peek: () => token, current: () => same, renew: () => same };
}

function functionSource(getToken: unknown, now: () => number, secrets: Secrets): TokenSource {
  if (typeof getToken !== "function") throw new InvalidRequestError("auth.getToken", "must be a function");
  return cachedSource(async () => {
    const token: unknown = await (getToken as () => unknown)();
    if (!isUsableToken(token)) {
      throw new InvalidRequestError("auth.getToken", "returned an empty token or one with characters a header cannot carry");
    }
    secrets.add(token);
    return { token, renewAt: Infinity, expiresAt: Infinity };
  }, now);
}

function checkCredentials(auth: Record<string, unknown>): CheckedCredentials {
  const { clientId, clientSecret, ttl, renewAfter = 0.5 } = auth;
  if (typeof clientId !== "string" || clientId.trim() === "") {
    throw new InvalidRequestError("auth.clientId", "must be a non-empty string");
  }
  if (typeof clientSecret !== "string" || clientSecret.trim() === "") {
    throw new InvalidRequestError("auth.clientSecret", "must be a non-empty string");
  }
  if (ttl !== undefined && (typeof ttl !== "number" || !Number.isSafeInteger(ttl) || ttl < 0)) {
    throw new InvalidRequestError("auth.ttl", "must be a whole number of seconds >= 0 (0 = never expires)");
  }
  if (typeof renewAfter !== "number" || !(renewAfter > 0 && renewAfter <= 1)) {
    throw new InvalidRequestError("auth.renewAfter", "must be a share of expires_in greater than 0 and at most 1");
  }
  return { clientId, clientSecret, ttl, renewAfter };
}

function checkTokenUrl(tokenUrl: unknown): string {
  let url: URL | undefined;
  try {
    url = typeof tokenUrl === "string" ? new URL(tokenUrl) : undefined;
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== "https:" && url.protocol !== "http:")) {
    throw new InvalidRequestError("context.tokenUrl", "must be an absolute http(s) URL");
  }
  return url.href;
}

/**
 * The token source for an `Auth` option; the configuration is checked here, synchronously
 * (an `InvalidRequestError` naming the field, never quoting a secret).
 *
 * - a string: that token, always; `renew` returns it unchanged, so a 401 is returned as is.
 * - `{ clientId, clientSecret, ttl?, renewAfter? }`: fetched from `context.tokenUrl` on first use,
 *   reused until `renewAfter` (default 0.5) × `expires_in` has passed, then renewed in the
 *   background while it is still valid (a failed renewal leaves it in use until it expires), and
 *   renewed once per rejected token; one request in flight at a time, shared by every caller.
 * - `{ getToken }`: called on first use and again when its token is rejected (never per request);
 *   concurrent callers share one call.
 *
 * Every token handed out, and the client secret, is added to `context.secrets`.
 */
export function tokenSource(auth: Auth, context: TokenContext): TokenSource {
  const now = context.now ?? Date.now;
  const secrets = context.secrets ?? new Secrets();
  if (typeof auth === "string") return fixedSource(auth, secrets);
  if (typeof auth !== "object" || auth === null) throw new InvalidRequestError("auth", SHAPES);
  const fields = auth as unknown as Record<string, unknown>;
  const hasFunction = "getToken" in fields;
  const hasCredentials = "clientId" in fields || "clientSecret" in fields;
  if (hasFunction && hasCredentials) throw new InvalidRequestError("auth", `${SHAPES}, not both`);
  if (hasFunction) return functionSource(fields.getToken, now, secrets);
  if (!hasCredentials) throw new InvalidRequestError("auth", SHAPES);
  const credentials = checkCredentials(fields);
  secrets.add(credentials.clientSecret);
  const tokenUrl = checkTokenUrl(context.tokenUrl);
  if (typeof context.fetch !== "function") throw new InvalidRequestError("context.fetch", "must be a function");
  const { fetch } = context;
  return cachedSource((signal) => requestAppToken(credentials, tokenUrl, fetch, now, secrets, signal), now);
}
