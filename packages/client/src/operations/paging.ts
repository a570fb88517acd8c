import type { EasemobClient } from "../create-client.js";
import type { operationsById } from "../generated/operations.js";
import { callOperation, routeOf } from "./call.js";
import type { CallInit, DataOf, PagedOperationId, ParamsOf } from "./types.js";

type PagingOf<Id extends PagedOperationId> = (typeof operationsById)[Id] extends { paging: infer P extends { items: string } } ? P : never;
type At<T, P extends string> = P extends `${infer Head}.${infer Rest}`
  ? At<NonNullable<T[Head & keyof T]>, Rest>
  : NonNullable<T[P & keyof T]>;

type ItemsOf<L> = L extends readonly (infer I)[] ? I : never;
type OrUnknown<T> = [T] extends [never] ? unknown : T;

/** One item of a paged list: a member, a thread, a user ID... (the array form, where an answer may also abridge the list to one item). */
export type ItemOf<Id extends PagedOperationId> = OrUnknown<ItemsOf<At<DataOf<Id>, PagingOf<Id>["items"]>>>;

/** Page-number parameters spelled otherwise than `pagenum`/`pagesize` (`pageNum`/`pageSize`). */
type PagingNames<Id extends PagedOperationId> = PagingOf<Id> extends { names: { page: infer P extends string; size: infer S extends string } } ? P | S : never;

/** The parameters of a paged operation other than the paging ones, which the iterator sets. */
export type PageParams<Id extends PagedOperationId> = Omit<ParamsOf<Id>, "pagenum" | "pagesize" | "cursor" | "limit" | PagingNames<Id>>;

/** `(params, options?)`, with `params` optional when the list needs none (e.g. `listThreads`). */
export type PageArgs<Id extends PagedOperationId> = {} extends PageParams<Id>
  ? [params?: PageParams<Id>, options?: PageOptions]
  : [params: PageParams<Id>, options?: PageOptions];

export interface PageOptions {
  /** `pagesize` or `limit` to ask for; default: the documented default, else its maximum, else 100 (`pagenum` lists). */
  pageSize?: number;
  /** First `pagenum` (default: the spec's first page, 1 unless documented otherwise). */
  startPage?: number;
  /** Cursor to start from (default: the first page). */
  cursor?: string;
  /** Stop after this many requests even if the list goes on. */
  maxPages?: number;
  /** Per-call options for every request (signal, headers...). */
  init?: CallInit;
}

/** Page size for a `pagenum` list whose spec states neither a default nor a maximum. */
const FALLBACK_PAGE_SIZE = 100;

function valueAt(data: unknown, path: string): unknown {
  let value = data;
  for (const key of path.split(".")) value = typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

function listAt(data: unknown, path: string): unknown[] {
  const value = valueAt(data, path);
  return Array.isArray(value) ? value : [];
}

/** The next cursor: in `properties.cursor`, or where the table says (a top-level `cursor`). */
function cursorOf(data: unknown, path = "properties.cursor"): string | undefined {
  const cursor = valueAt(data, path);
  return typeof cursor === "string" && cursor !== "" ? cursor : undefined;
}

/**
 * The pages of a paged list, each the operation's full 200 answer, requested one after the
 * other as the loop asks for them (empty pages are not yielded). Which operations are paged,
 * how, and where their items are comes from the generated table.
 *
 * - `pagenum`/`pagesize` lists: pages 1, 2, ... (0, 1, ... where the spec says counting starts
 *   at 0) until a page holds fewer items than `pagesize` or none (the documented rule: "ask for
 *   the next pagenum until a page comes back shorter").
 * - `cursor` lists: each answer's cursor (`properties.cursor`, or the top-level `cursor` where
 *   the spec puts it there) is sent back until a page holds no items or no cursor comes back.
 */
export async function* pages<Id extends PagedOperationId>(
  client: EasemobClient,
  id: Id,
  ...[params, options = {}]: PageArgs<Id>
): AsyncGenerator<DataOf<Id>, void, undefined> {
  const paging = routeOf(id).paging;
  if (!paging) throw new TypeError(`${id} is not a paged operation`);
  const maxPages = options.maxPages ?? Infinity;
  const call = (paged: object) => callOperation(client, id, { ...params, ...paged }, undefined, options.init) as Promise<DataOf<Id>>;

  if (paging.kind === "page") {
    const size = options.pageSize ?? paging.size ?? FALLBACK_PAGE_SIZE;
    const names = paging.names ?? { page: "pagenum", size: "pagesize" };
    for (let pagenum = options.startPage ?? paging.start ?? 1, sent = 0; sent < maxPages; pagenum++, sent++) {
      const data = await call({ [names.page]: pagenum, [names.size]: size });
      const count = listAt(data, paging.items).length;
      if (count === 0) return;
      yield data;
      if (count < size) return;
    }
    return;
  }

  let cursor = options.cursor;
  for (let sent = 0; sent < maxPages; sent++) {
    const data = await call({
      ...(options.pageSize === undefined ? {} : { limit: options.pageSize }),
      ...(cursor === undefined ? {} : { cursor }),
    });
    // Only an empty page ends a cursor list. A short page does not: the seed (002) says the
    // last page with data still carries a cursor, and it promises no more than that `limit`
    // is a maximum — so a page shorter than `limit` may be followed by more, and the cursor's
    // presence says nothing either. The one sure end marker is the empty page after the last
    // one, which costs a single extra request per listing.
    if (listAt(data, paging.items).length === 0) return;
    yield data;
    const next = cursorOf(data, paging.cursor);
    if (next === undefined) return;
    // A cursor that does not move would ask for the same page forever.
    if (next === cursor) throw new Error(`${id}: the server answered with the cursor it was sent; stopping to avoid an endless loop`);
    cursor = next;
  }
}

/** The items of a paged list, one at a time, across all its pages (see `pages`). */
export async function* items<Id extends PagedOperationId>(
  client: EasemobClient,
  id: Id,
  ...args: PageArgs<Id>
): AsyncGenerator<ItemOf<Id>, void, undefined> {
  const path = routeOf(id).paging?.items ?? "";
  for await (const page of pages(client, id, ...args)) yield* listAt(page, path) as ItemOf<Id>[];
}
