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

import { IDEMPOTENT_METHODS, NETWORK_ERROR, type AttemptOutcome } from "./retryable.js";

export interface RetryPolicyRow {
  /** HTTP statuses, or the network-error outcome, that this row covers. */
  readonly outcomes: readonly AttemptOutcome[];
  /** `"all"` or the methods for which these outcomes are retried; empty = never retried. */
  readonly methods: "all" | readonly string[];
  readonly why: string;
}

/**
 * The policy as data, with why each row holds (`isRetryable` decides by the same rows; a test keeps them equal). Outcomes not listed here
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

