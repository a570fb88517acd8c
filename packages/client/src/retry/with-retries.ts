import type { FetchLike } from "../fetch-like.js";
import { backoffMs, isRetryable, NETWORK_ERROR, retryAfterMs } from "./retryable.js";

/** Node's timers fire at once past 2^31 - 1 ms (about 24.8 days): longer waits are cut to that. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

export interface RetryOptions {
  /** Total attempts including the first; default 4; 1 disables retries. */
  maxAttempts?: number | undefined;
  /** No retry is started whose wait would end later than this after the call began; default 30 000. */
  maxElapsedMs?: number | undefined;
  /** Backoff base: the first wait is at most this; default 200. */
  baseDelayMs?: number | undefined;
  /** Cap of one backoff wait (not of a `Retry-After` wait); default 10 000. */
  maxDelayMs?: number | undefined;
  /** Aborts the whole call (attempts, waits, reading the returned body) with a `TimeoutError`; default none. */
  timeoutMs?: number | undefined;
  /** Source of jitter in [0, 1); default `Math.random`. */
  random?: (() => number) | undefined;
}

interface Settings {
  maxAttempts: number;
  maxElapsedMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
  timeoutMs: number | undefined;
  random: () => number;
}

/**
 * Wraps a fetch so that refused or failed attempts are retried according to `RETRY_POLICY`
 * (see `./policy.ts`; decided by `./retryable.ts`):
 *
 * - 429 and 503 are retried for every method; 502, 504 and network errors (the fetch rejected
 *   with a `TypeError`) only for GET, HEAD, OPTIONS, PUT and DELETE; everything else is
 *   returned as is.
 * - Between attempts it waits `Retry-After` when the response has one, else a full-jitter
 *   exponential backoff.
 * - At most `maxAttempts` requests are sent. When the next wait would end past the time budget
 *   (`maxElapsedMs` from the start of the call, or `timeoutMs` if that is sooner), or a
 *   `Retry-After` asks for longer than what is left, it stops and returns the last response
 *   (or rethrows the last network error).
 * - The request body is replayed intact: each attempt but the last sends a clone of the
 *   untouched original.
 * - The caller's `request.signal` and `timeoutMs` are honoured during every attempt and every
 *   wait: the call rejects at once with the signal's reason (a `DOMException` named
 *   `AbortError` by default, `TimeoutError` for the timeout) and sends nothing more.
 * - The bodies of responses that are retried are cancelled so their connections are freed.
 * - It never logs, and the errors it raises itself never contain header values.
 * - `idempotent: true` retries the request like a GET whatever its method (the token request).
 * - Every wait, and the timeout, is at most `MAX_TIMER_MS`.
 */
export function withRetries(fetch: FetchLike, options: RetryOptions = {}, { idempotent = false } = {}): FetchLike {
  const settings = resolveOptions(options);
  if (settings.maxAttempts === 1 && settings.timeoutMs === undefined) return fetch;

  type Outcome = { response: Response } | { error: unknown };
  const retrying = async (request: Request, started: number, first?: Outcome): Promise<Response> => {
    const signal =
      settings.timeoutMs === undefined
        ? request.signal
        : AbortSignal.any([request.signal, AbortSignal.timeout(settings.timeoutMs)]);
    const budgetMs = Math.min(settings.maxElapsedMs, settings.timeoutMs ?? Infinity);
    const method = request.method;
    // Without a body a Request can be sent any number of times; with one, keep the original
    // unread and send clones (each clone tees the body stream), the original last.
    const replayable = request.body === null;

    for (let attempt = 1; ; attempt++) {
      // A first outcome already at hand is judged below, like any other (an abort since then included).
      if (attempt > 1 || !first) signal.throwIfAborted();
      const last = attempt >= settings.maxAttempts;
      const source = replayable || last ? request : request.clone();
      const sent = signal === request.signal ? source : new Request(source, { signal });

      let response: Response;
      try {
        if (attempt === 1 && first) {
          if ("error" in first) throw first.error;
          response = first.response;
        } else response = await fetch(sent);
      } catch (error) {
        if (signal.aborted) throw signal.reason;
        if (last || !(error instanceof TypeError) || !isRetryable(method, NETWORK_ERROR, idempotent)) throw error;
        const wait = backoffMs(attempt, settings, settings.random);
        if (performance.now() - started + wait > budgetMs) throw error;
        await sleep(wait, signal);
        continue;
      }

      if (last || !isRetryable(method, response.status, idempotent)) return response;
      const wait = retryAfterMs(response.headers, Date.now()) ?? backoffMs(attempt, settings, settings.random);
      if (performance.now() - started + wait > budgetMs) return response;
      discard(response);
      await sleep(wait, signal);
    }
  };

  // The common call (no body to keep, no timeout to arm) is sent at once and only handed to the
  // retry loop when its outcome asks for it: promise-chained, no async frame per call.
  return (request) => {
    if (request.body !== null || settings.timeoutMs !== undefined) return retrying(request, performance.now());
    if (request.signal.aborted) return Promise.reject(request.signal.reason);
    const started = performance.now();
    let sent: Promise<Response>;
    try {
      sent = fetch(request);
    } catch (error) {
      return retrying(request, started, { error });
    }
    return sent.then(
      (response) => (isRetryable(request.method, response.status, idempotent) ? retrying(request, started, { response }) : response),
      (error: unknown) => retrying(request, started, { error }),
    );
  };
}

function resolveOptions(options: RetryOptions): Settings {
  const settings: Settings = {
    maxAttempts: options.maxAttempts ?? 4,
    maxElapsedMs: options.maxElapsedMs ?? 30_000,
    baseDelayMs: options.baseDelayMs ?? 200,
    maxDelayMs: options.maxDelayMs ?? 10_000,
    timeoutMs: options.timeoutMs,
    random: options.random ?? Math.random,
  };
  if (!Number.isInteger(settings.maxAttempts) || settings.maxAttempts < 1) {
    throw new RangeError("retry option maxAttempts must be an integer >= 1");
  }
  for (const key of ["maxElapsedMs", "baseDelayMs", "maxDelayMs"] as const) {
    const value = settings[key];
    if (typeof value !== "number" || Number.isNaN(value) || value < 0) {
      throw new RangeError(`retry option ${key} must be a number >= 0`);
    }
  }
  if (settings.timeoutMs !== undefined) {
    if (typeof settings.timeoutMs !== "number" || !Number.isFinite(settings.timeoutMs) || settings.timeoutMs <= 0) {
      throw new RangeError("retry option timeoutMs must be a finite number > 0");
    }
    settings.timeoutMs = Math.min(MAX_TIMER_MS, Math.ceil(settings.timeoutMs));
  }
  if (typeof settings.random !== "function") throw new TypeError("retry option random must be a function");
  return settings;
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, Math.min(ms, MAX_TIMER_MS));
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

/** Cancels a response body that will not be read, freeing its connection. */
function discard(response: Response): void {
  if (response.body !== null && !response.bodyUsed) {
    response.body.cancel().catch(() => undefined);
  }
}
