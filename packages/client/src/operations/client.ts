import type { EasemobClient } from "../create-client.js";
import { batch, type BatchArgs, type BatchItem, type BatchParams, type BatchResult } from "./batching.js";
import { operationMethods } from "./methods.js";
import { items, pages, type ItemOf, type PageArgs } from "./paging.js";
import type { BatchOperationId, DataOf, OperationMethods, PagedOperationId } from "./types.js";

/** The paging and batching helpers, bound to one client. */
export interface BoundHelpers {
  pages<Id extends PagedOperationId, Size extends number = number>(id: Id, ...args: PageArgs<Id, Size>): AsyncGenerator<DataOf<Id>, void, undefined>;
  items<Id extends PagedOperationId, Size extends number = number>(id: Id, ...args: PageArgs<Id, Size>): AsyncGenerator<ItemOf<Id>, void, undefined>;
  batch<Id extends BatchOperationId>(
    id: Id,
    params: BatchParams<Id>,
    items: readonly BatchItem<Id>[],
    ...args: BatchArgs<Id>
  ): Promise<BatchResult<Id>>;
}

/** Every operation by name, the paging/batching helpers, and the openapi-fetch client as `raw`. */
export type OperationsClient = OperationMethods &
  BoundHelpers & {
    /** The openapi-fetch client underneath: `im.raw.GET("/thread")`, `im.raw.use(middleware)`. */
    readonly raw: EasemobClient;
  };

/**
 * `im.addGroupMember({ group_id, username })`, `im.items("listThreads")`,
 * `im.batch("addGroupMembers", { group_id }, names)`, `im.raw.GET(...)`: all over one
 * openapi-fetch client, whose middleware (path guard, auth...) applies to every call.
 */
export function withOperations(client: EasemobClient): OperationsClient {
  // Not generic on purpose: inferring a type parameter from `Client<paths>` and checking it
  // against its constraint costs about 150,000 type instantiations in every file that calls this.
  const helpers: BoundHelpers = {
    pages: (id, ...args) => pages(client, id, ...args),
    items: (id, ...args) => items(client, id, ...args),
    batch: (id, params, names, ...args) => batch(client, id, params, names, ...args),
  };
  return { ...operationMethods(client), ...helpers, raw: client };
}
