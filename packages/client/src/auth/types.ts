import type { FetchLike } from "../fetch-like.js";
import type { Secrets } from "../secrets.js";

export type { FetchLike };

/** Client credentials: the client fetches the app token from `POST {org}/{app}/token`, caches and renews it. */
export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
  /** Requested validity in seconds; `0` = never expires; omitted = the console's setting. */
  ttl?: number;
  /** Share of `expires_in` after which the token is renewed, in (0, 1]; default 0.5 (as the official SDKs). */
  renewAfter?: number;
}

/**
 * A caller-supplied token (an Agora token built from the App ID and App Certificate, or a token
 * obtained elsewhere). `getToken` is called on first use and again after a token is refused with
 * 401 — not before every request — so it should return a fresh, valid token each time it is called.
 */
export interface TokenFunction {
  getToken: () => string | Promise<string>;
}

/** A fixed app token (never renewed: a 401 is returned as is), client credentials, or a token function. */
export type Auth = string | ClientCredentials | TokenFunction;

/** Hands out the token to send, and a new one after the server refused one. */
export interface TokenSource {
  /** The token to send now, when one is at hand and fresh (no waiting, no request). */
  peek(): string | undefined;
  /**
   * The token to send now (fetched or created on first use, reused while valid). `signal` ends the
   * wait for it (rejecting with its reason), not a token request other callers share.
   */
  current(signal?: AbortSignal): Promise<string>;
  /**
   * A token to replace `rejected`, which the server answered 401 to. Concurrent calls with the same
   * rejected token share one renewal; a source that cannot renew returns `rejected` itself.
   */
  renew(rejected: string, signal?: AbortSignal): Promise<string>;
}

export interface TokenContext {
  /** Absolute URL of the token endpoint, e.g. `https://a1.easemob.com/my-org/my-app/token`. */
  tokenUrl: string;
  /** Sends the token request (with retries: it is safe to repeat). */
  fetch: FetchLike;
  /** Learns every token handed out and the client secret, so that errors can cut them out. */
  secrets?: Secrets;
  /** Milliseconds since the epoch; injectable for tests. Default `Date.now`. */
  now?: () => number;
}
