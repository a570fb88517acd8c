export { createClient, type ClientConfig, type EasemobClient } from "./create-client.js";
export type { Endpoint } from "./base-url.js";
export {
  EasemobApiError,
  InvalidRequestError,
  isApiError,
  toResult,
  UnexpectedResponseError,
  type ApiErrorFields,
  type ApiErrorOf,
  type ErrorContext,
  type ErrorStatusOf,
  type ErrorTypeOf,
  type OperationPromise,
  type Redactor,
  type Result,
  type Violation,
} from "./errors.js";
export { TokenRequestError, type Auth, type ClientCredentials, type FetchLike, type TokenFunction } from "./auth/index.js";
export { RETRY_POLICY, type RetryOptions, type RetryPolicyRow } from "./retry/index.js";
export {
  batch,
  BatchAbortedError,
  callOperation,
  items,
  operationMethods,
  pages,
  PagingError,
  withOperations,
  type BatchArgs,
  type BatchBody,
  type BatchOperationId,
  type BatchOptions,
  type BatchParams,
  type BatchResult,
  type BodyOf,
  type BoundHelpers,
  type CallInit,
  type DataOf,
  type ItemOf,
  type MaxPageSizeOf,
  type NameFailure,
  type OperationMethod,
  type OperationMethods,
  type OperationsClient,
  type PageArgs,
  type PagedOperationId,
  type PageOptions,
  type PageParams,
  type ParamsOf,
} from "./operations/index.js";
export { operationsById, type DocumentedErrors, type OperationId } from "./generated/operations.js";
export type { components, operations, paths } from "./generated/schema.js";
