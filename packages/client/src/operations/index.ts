export { callOperation } from "./call.js";
export { operationMethods } from "./methods.js";
export { withOperations, type BoundHelpers, type OperationsClient } from "./client.js";
export { items, pages, PagingError, type ItemOf, type MaxPageSizeOf, type PageArgs, type PageOptions, type PageParams } from "./paging.js";
export {
  batch,
  BatchAbortedError,
  type BatchArgs,
  type BatchBody,
  type BatchOptions,
  type BatchParams,
  type BatchResult,
  type NameFailure,
} from "./batching.js";
export type {
  BatchOperationId,
  AuthInit,
  BodyOf,
  CallInit,
  CallInitOf,
  DataOf,
  OperationMethod,
  OperationMethods,
  PagedOperationId,
  ParamsOf,
} from "./types.js";
