export { createClient, type ClientConfig, type EasemobClient } from "./create-client.js";
export type { Endpoint } from "./base-url.js";
export { InvalidRequestError } from "./errors.js";
export { TokenRequestError, type Auth, type ClientCredentials, type FetchLike, type TokenFunction } from "./auth/index.js";
export { RETRY_POLICY, type RetryOptions, type RetryPolicyRow } from "./retry/index.js";
export { operationsById, type OperationId } from "./generated/operations.js";
export type { components, operations, paths } from "./generated/schema.js";
