// What `withRetries` needs to decide and wait: kept apart from `RETRY_POLICY`, whose explanations
// only the readers of the table need, so that they stay out of a bundle of `createClient`.

/** Methods that may be repeated without changing the outcome (RFC 9110 §9.2.2). */
export const IDEMPOTENT_METHODS: readonly string[] = ["GET", "HEAD", "OPTIONS", "PUT", "DELETE"];

/** The outcome of an attempt whose fetch rejected with a `TypeError` (not an abort). */
export const NETWORK_ERROR = "network error";

/** Outcomes refused before the server applied anything: retried for every method. */
export const REFUSED_OUTCOMES: readonly AttemptOutcome[] = [429, 503];
/** Outcomes after which the request may have been applied: retried only when it is safe to repeat. */
export const UNSURE_OUTCOMES: readonly AttemptOutcome[] = [502, 504, NETWORK_ERROR];

export type AttemptOutcome = number | typeof NETWORK_ERROR;

/**
 * Whether an attempt with this method that ended with this status (or network error) is retried
 * (the rows of `RETRY_POLICY`). `idempotent` marks a request that is safe to repeat whatever its
 * method (the token request: a POST that changes nothing on the server).
 */
export function isRetryable(method: string, outcome: AttemptOutcome, idempotent = false): boolean {
  if (REFUSED_OUTCOMES.includes(outcome)) return true;
  return UNSURE_OUTCOMES.includes(outcome) && (idempotent || IDEMPOTENT_METHODS.includes(method.toUpperCase()));
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
