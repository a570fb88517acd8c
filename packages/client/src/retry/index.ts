export type { FetchLike } from "../fetch-like.js";
export { withRetries, type RetryOptions } from "./with-retries.js";
export { RETRY_POLICY, type RetryPolicyRow } from "./policy.js";
export {
  backoffMs,
  IDEMPOTENT_METHODS,
  isRetryable,
  NETWORK_ERROR,
  retryAfterMs,
  type AttemptOutcome,
  type BackoffOptions,
} from "./retryable.js";
