export type { FetchLike } from "../fetch-like.js";
export { withRetries, type RetryOptions } from "./with-retries.js";
export {
  backoffMs,
  IDEMPOTENT_METHODS,
  isRetryable,
  NETWORK_ERROR,
  RETRY_POLICY,
  retryAfterMs,
  type AttemptOutcome,
  type BackoffOptions,
  type RetryPolicyRow,
} from "./policy.js";
