/**
 * Retry policy: which outcomes are retried, for which methods, and how long to wait.
 *
 * | outcome                 | retried for                    | why |
 * | ----------------------- | ------------------------------ | --- |
 * | 429 Too Many Requests   | every method                   | rate limited: the server refused the request before applying it |
 * | 503 Service Unavailable | every method                   | overloaded or throttled: refused before being applied (Easemob's docs: pause and retry on 429/503) |
 * | 502, 504                | GET, HEAD, OPTIONS, PUT, DELETE | a gateway gave up; the server may already have applied the request, so only methods safe to repeat |
 * | network error           | GET, HEAD, OPTIONS, PUT, DELETE | the connection failed (fetch rejected with a `TypeError`); the request may have reached the server |
 * | any other status        | none                           | returned as is: 2xx succeeded, other 4xx/5xx would fail the same way again |
 *
 * A POST (or PATCH) is therefore retried only when the server answered 429 or 503, i.e. when
 * it cannot have applied the request; the app-token request is the exception, retried like a GET,
 * since asking again for a token changes nothing. An abort (the caller's signal or the timeout)
 * is never retried, nor is an error the client raised itself (an invalid parameter, a refused
 * token request): only a `TypeError` from the fetch counts as a network error.
 *
 * Waits: exponential backoff with full jitter,
 * `random() * min(maxDelayMs, baseDelayMs * 2^(attempt - 1))` after attempt `attempt`
 * (1-based), unless the response carries `Retry-After` (delay-seconds or an HTTP date), which is
 * then waited instead, uncapped by `maxDelayMs` but never past the call's time budget.
 */

/** Methods that may be repeated without changing the outcome (RFC 9110 §9.2.2). */
export const IDEMPOTENT_METHODS: readonly string[] = ["GET", "HEAD", "OPTIONS", "PUT", "DELETE"];

/** The outcome of an attempt whose fetch rejected with a `TypeError` (not an abort). */
export const NETWORK_ERROR = "network error";

export type AttemptOutcome = number | typeof NETWORK_ERROR;

export interface RetryPolicyRow {
  /** HTTP statuses, or the network-error outcome, that this row covers. */
  readonly outcomes: readonly AttemptOutcome[];
  /** `"all"` or the methods for which these outcomes are retried; empty = never retried. */
  readonly methods: "all" | readonly string[];
  readonly why: string;
}

/**
 * The policy as data (the source of truth for `isRetryable`). Outcomes not listed here
 * (2xx, other 4xx and 5xx) are returned as is.
 */
export const RETRY_POLICY: readonly RetryPolicyRow[] = [
  {
    outcomes: [429],
    methods: "all",
    why: "rate limited: the server refused the request before applying it",
  },
  {
    outcomes: [503],
    methods: "all",
    why: "overloaded or throttled: the server refused the request before applying it",
  },
  {
    outcomes: [502, 504],
    methods: IDEMPOTENT_METHODS,
    why: "a gateway gave up: the server may have applied the request, so only methods safe to repeat",
  },
  {
    outcomes: [NETWORK_ERROR],
    methods: IDEMPOTENT_METHODS,
    why: "the connection failed: the request may have reached the server, so only methods safe to repeat",
  },
];

/**
 * Whether an attempt with this method that ended with this status (or network error) is retried.
 * `idempotent` marks a request that is safe to repeat whatever its method (the token request: a
 * POST that changes nothing on the server).
 */
export function isRetryable(method: string, outcome: AttemptOutcome, idempotent = false): boolean {
  const upper = method.toUpperCase();
  for (const row of RETRY_POLICY) {
    if (!row.outcomes.includes(outcome)) continue;
    return row.methods === "all" || idempotent || row.methods.includes(upper);
  }
  return false;
}

/**
 * The wait a `Retry-After` header asks for, in milliseconds from `now` (epoch ms), or
 * `undefined` when the header is absent or malformed. A date in the past means 0.
 */
export function retryAfterMs(headers: Headers, now: number): number | undefined {
  const value = headers.get("Retry-After")?.trim();
  if (value === undefined || value === "") return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // An HTTP date (IMF-fixdate, or the obsolete RFC 850 / asctime forms Date.parse also reads).
  if (!/[a-z]/i.test(value)) return undefined;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

export interface BackoffOptions {
  baseDelayMs: number;
  maxDelayMs: number;
}

/**
 * Full-jitter exponential backoff: the wait after attempt `attempt` (1-based) failed,
 * `random() * min(maxDelayMs, baseDelayMs * 2^(attempt - 1))`.
 */
export function backoffMs(attempt: number, options: BackoffOptions, random: () => number): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  const r = random();
  const jitter = Number.isFinite(r) ? Math.min(1, Math.max(0, r)) : 1;
  return jitter * ceiling;
}
