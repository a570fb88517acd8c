import type { TokenSource } from "./types.js";

/** A token, when to start renewing it, and when it stops being valid (ms since the epoch). */
export interface IssuedToken {
  token: string;
  renewAt: number;
  expiresAt: number;
}

/** After a renewal failed while the cached token is still valid, the next attempt waits this long. */
export const RENEWAL_PAUSE_MS = 10_000;

interface Flight {
  promise: Promise<string>;
  controller: AbortController;
  /** Callers waiting for it. A flight every caller gave up on is aborted and forgotten. */
  waiters: number;
  /** Started while the cached token was still valid: nobody waits for it, nobody aborts it. */
  background: boolean;
}

/**
 * A token source over `issue`, which obtains a new token (and must give up when its signal aborts):
 *
 * - the token is handed out until `renewAt`; from then until `expiresAt` it is still handed out while
 *   one renewal runs in the background; should that fail, the next one starts `RENEWAL_PAUSE_MS`
 *   later. Only a caller holding no valid token waits, and only it sees a failure;
 * - at most one `issue` runs at a time; concurrent callers share it, and its failure. A caller whose
 *   signal aborts stops waiting at once; when every caller has stopped waiting, the request is
 *   aborted and forgotten, so a later caller starts a fresh one instead of joining a doomed one;
 * - `renew(rejected)` drops the cached token only while `rejected` is still it, so any number of
 *   concurrent 401s for the same token cause a single renewal.
 */
export function cachedSource(issue: (signal: AbortSignal) => Promise<IssuedToken>, now: () => number): TokenSource {
  let cached: IssuedToken | undefined;
  let flight: Flight | undefined;
  let pausedUntil = 0;

  const start = (background: boolean): Flight => {
    const controller = new AbortController();
    const started: Flight = { controller, waiters: 0, background, promise: Promise.resolve("") };
    started.promise = issue(controller.signal)
      .then((issued) => {
        cached = issued;
        return issued.token;
      })
      .finally(() => {
        if (flight === started) flight = undefined;
      });
    // Nobody may be listening (a background renewal, a flight every caller left).
    started.promise.catch(() => {
      if (background) pausedUntil = now() + RENEWAL_PAUSE_MS;
    });
    flight = started;
    return started;
  };

  const join = (joined: Flight, signal: AbortSignal | undefined): Promise<string> => {
    if (!signal) {
      joined.waiters++;
      return joined.promise;
    }
    if (signal.aborted) return Promise.reject(signal.reason);
    joined.waiters++;
    return new Promise<string>((resolve, reject) => {
      const onAbort = () => {
        reject(signal.reason);
        if (--joined.waiters === 0 && !joined.background && flight === joined) {
          flight = undefined;
          joined.controller.abort(signal.reason);
        }
      };
      signal.addEventListener("abort", onAbort, { once: true });
      joined.promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
    });
  };

  const peek = (): string | undefined => (cached && now() < cached.renewAt ? cached.token : undefined);

  const current = (signal?: AbortSignal): Promise<string> => {
    const fresh = peek();
    if (fresh !== undefined) return Promise.resolve(fresh);
    const at = now();
    if (cached && at < cached.expiresAt) {
      if (!flight && at >= pausedUntil) start(true);
      return Promise.resolve(cached.token);
    }
    return join(flight ?? start(false), signal);
  };

  return {
    peek,
    current,
    renew(rejected, signal) {
      if (cached?.token === rejected) {
        cached = undefined;
        pausedUntil = 0;
      }
      return current(signal);
    },
  };
}
