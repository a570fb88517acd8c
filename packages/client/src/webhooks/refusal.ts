/**
 * Why a callback was refused:
 * - `malformed`: not UTF-8 JSON, not an object, or `callId` / `timestamp` / `security` missing or mistyped;
 * - `too-large`: a body over the receiver's size limit;
 * - `unsigned`: no `callId` or `security`, for an event not listed in `acceptUnsigned`;
 * - `bad-signature`: `security` is not MD5(callId + secret + timestamp) for any configured secret;
 * - `stale`: `timestamp` is further from the receiver's clock than `maxAgeMs` (a replay, or a late retry).
 */
export type RefusalReason = "malformed" | "too-large" | "unsigned" | "bad-signature" | "stale";

export interface Refusal {
  ok: false;
  reason: RefusalReason;
  /** What is wrong, for logs: it never holds the secret or the expected signature. */
  message: string;
  /** The HTTP status the adapters answer with (the server retries a non-200 once, then drops or stores it). */
  status: 400 | 401 | 413;
}

const statusOf: Record<RefusalReason, Refusal["status"]> = {
  malformed: 400,
  "too-large": 413,
  unsigned: 401,
  "bad-signature": 401,
  stale: 401,
};

export function refusal(reason: RefusalReason, message: string): Refusal {
  return { ok: false, reason, message, status: statusOf[reason] };
}
