import createFetchClient, { type Client, type ClientOptions } from "openapi-fetch";
import { tokenSource, withAuth, type Auth, type FetchLike } from "./auth/index.js";
import { baseUrlOf, type Endpoint } from "./base-url.js";
import { InvalidRequestError } from "./errors.js";
import type { paths } from "./generated/schema.js";
import { pathGuard } from "./path-guard.js";
import { withRetries, type RetryOptions } from "./retry/index.js";
import { registerParts } from "./registry.js";
import { Secrets } from "./secrets.js";

/** Where the API is, how to send (a custom `fetch`, retry bounds) and other openapi-fetch options. */
export type ClientConfig = Endpoint &
  Omit<ClientOptions, "baseUrl" | "headers" | "fetch"> & {
    /** Sends one request; default the platform `fetch`. Wrapped with auth and retries. */
    fetch?: FetchLike;
    /** Retry bounds for 429/503 (and 502/504/network errors on idempotent methods); `{ maxAttempts: 1 }` disables. */
    retry?: RetryOptions;
  };

export type EasemobClient = Client<paths>;

const ownKeys = new Set(["host", "orgName", "appName", "appId", "baseUrl", "fetch", "retry"]);

/** A token request waits at most this long (retries included) unless `retry.timeoutMs` says otherwise. */
export const TOKEN_TIMEOUT_MS = 30_000;

/** The token endpoint is documented under the org/app prefix only. */
function tokenUrlOf(config: Endpoint, baseUrl: string, auth: Auth): string {
  if ("appId" in config && typeof auth === "object" && "clientId" in auth) {
    throw new InvalidRequestError(
      "auth",
      "client credentials need the org/app prefix ({ host, orgName, appName }); with an App ID pass { getToken } or a token",
    );
  }
  return `${baseUrl}/token`;
}

/**
 * A typed openapi-fetch client for the Easemob IM REST API. It authenticates every request
 * (a fixed token, client credentials fetched and renewed for you, or your own token function),
 * renews the token and replays once on 401, retries what is safe to retry, refuses, before
 * sending, a request whose URL would address a different resource, and keeps its credentials
 * out of every error.
 */
export function createClient(config: ClientConfig, auth: Auth): EasemobClient {
  const baseUrl = baseUrlOf(config);
  const send: FetchLike = config.fetch ?? ((request) => globalThis.fetch(request));
  const secrets = new Secrets();
  // Asking again for a token changes nothing on the server: retried like a GET, and bounded in time
  // so that a token endpoint that hangs cannot hold every call.
  const tokenFetch = withRetries(send, { ...config.retry, timeoutMs: config.retry?.timeoutMs ?? TOKEN_TIMEOUT_MS }, { idempotent: true });
  const tokens = tokenSource(auth, { tokenUrl: tokenUrlOf(config, baseUrl, auth), fetch: tokenFetch, secrets });
  const options: Omit<ClientOptions, "baseUrl" | "headers" | "fetch"> = Object.fromEntries(
    Object.entries(config).filter(([key]) => !ownKeys.has(key)),
  );
  // Retries outside auth: each attempt carries the current token, and a 401 renews once.
  const fetch = withRetries(withAuth(send, tokens), config.retry);
  const anonymousFetch = withRetries(send, config.retry);
  const client = createFetchClient<paths>({ ...options, baseUrl, fetch, headers: { Accept: "application/json" } });
  client.use(pathGuard(baseUrl, fetch, anonymousFetch));
  registerParts(client, { secrets, anonymousFetch });
  return client;
}
