import type { TokenSource } from "./types.js";

/** A token and the time (ms since the epoch) from which it should no longer be handed out. */
export interface IssuedToken {
  token: string;
  renewAt: number;
}

/**
 * A token source over `issue`, which obtains a new token: the token is reused until `renewAt`,
 * at most one `issue` runs at a time (concurrent callers share it, and share its failure), and
 * `renew(rejected)` issues a new token only while `rejected` is still the cached one — so any
 * number of concurrent 401s for the same token cause a single renewal.
 */
export function cachedSource(issue: () => Promise<IssuedToken>, now: () => number): TokenSource {
  let cached: IssuedToken | undefined;
  let pending: Promise<string> | undefined;

  const current = (): Promise<string> => {
    if (pending) return pending;
    if (cached && now() < cached.renewAt) return Promise.resolve(cached.token);
    pending = issue()
      .then((issued) => {
        cached = issued;
        return issued.token;
      })
      .finally(() => {
        pending = undefined;
      });
    return pending;
  };

  return {
    current,
    renew(rejected) {
      if (cached?.token === rejected) cached = undefined;
      return current();
    },
  };
}
