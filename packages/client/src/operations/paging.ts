import type { EasemobClient } from "../create-client.js";
import { InvalidRequestError } from "../errors.js";
import type { OperationId, operationsById } from "../generated/operations.js";
import { capped } from "../server-text.js";
import { callOperation, routeOf } from "./call.js";
import type { Above } from "./number-literals.js";
import type { BodyOf, CallInit, DataOf, PagedOperationId, ParamsOf } from "./types.js";

type PagingOf<Id extends PagedOperationId> = (typeof operationsById)[Id] extends { paging: infer P extends { items: string } } ? P : never;
type At<T, P extends string> = P extends `${infer Head}.${infer Rest}`
  ? At<NonNullable<T[Head & keyof T]>, Rest>
  : NonNullable<T[P & keyof T]>;

type ItemsOf<L> = L extends readonly (infer I)[] ? I : never;
type OrUnknown<T> = [T] extends [never] ? unknown : T;

/** One item of a paged list: a member, a thread, a user ID... (the array form, where an answer may also abridge the list to one item). */
export type ItemOf<Id extends PagedOperationId> = OrUnknown<ItemsOf<At<DataOf<Id>, PagingOf<Id>["items"]>>>;

/** Paging parameters spelled otherwise than `pagenum`/`pagesize`/`limit` (`pageNum`, `pageSize`, `page`, `size`), and a key list's start parameter. */
type PagingNames<Id extends PagedOperationId> =
  | (PagingOf<Id> extends { names: infer N } ? N[keyof N] & string : never)
  | (PagingOf<Id> extends { key: infer K extends string } ? K : never);

/** The parameters of a paged operation other than the paging ones, which the iterator sets. */
export type PageParams<Id extends PagedOperationId> = Omit<ParamsOf<Id>, "pagenum" | "pagesize" | "cursor" | "limit" | PagingNames<Id>>;

/** The body of a read paged in its body (the keyword searches), without the page fields the iterator sets. */
export type PageBody<Id extends PagedOperationId> = PagingOf<Id> extends { in: "body" } ? Omit<BodyOf<Id>, PagingNames<Id>> : never;

type BodyOption<Id extends PagedOperationId> = [PageBody<Id>] extends [never]
  ? { body?: never }
  : {} extends PageBody<Id>
    ? { body?: PageBody<Id> }
    : { body: PageBody<Id> };

/** The largest page size the spec allows for the operation; `never` when it states none. */
export type MaxPageSizeOf<Id extends PagedOperationId> = PagingOf<Id> extends { max: infer M extends number } ? M : never;

/** Refuses, at compile time, a `pageSize` literal above the documented maximum. */
type PageSizeCheck<Id extends PagedOperationId, Size extends number> = [MaxPageSizeOf<Id>] extends [never]
  ? {}
  : Above<Size, MaxPageSizeOf<Id>> extends true
    ? { pageSize?: never }
    : {};

type OptionsArg<Id extends PagedOperationId, Size extends number> = PageOptions & { pageSize?: Size } & PageSizeCheck<Id, Size> & BodyOption<Id>;

/**
 * `(params, options?)`, with `params` optional when the list needs none (e.g. `listThreads`), and
 * `options` required when the list needs a body (`{ body: { word } }` for `listKeywords`). A
 * `pageSize` literal above the spec's maximum does not compile; any other value above it throws.
 */
export type PageArgs<Id extends PagedOperationId, Size extends number = number> = {} extends BodyOption<Id>
  ? {} extends PageParams<Id>
    ? [params?: PageParams<Id>, options?: OptionsArg<Id, Size>]
    : [params: PageParams<Id>, options?: OptionsArg<Id, Size>]
  : [params: PageParams<Id>, options: OptionsArg<Id, Size>];

export interface PageOptions {
  /**
   * Page size to ask for (`pagesize`, `limit`...): a whole number from 1 to the documented
   * maximum; default: that maximum, else the documented default, else 100 (page-number lists).
   */
  pageSize?: number;
  /** First page number (default: the spec's first page, 1 unless documented otherwise). */
  startPage?: number;
  /** Cursor to start from (default: the first page); for a list paged by item (`listFavorites`), the ID of the first item. */
  cursor?: string;
  /** Stop after this many requests even if the list goes on. */
  maxPages?: number;
  /** Per-call options for every request (signal, headers...). */
  init?: CallInit;
}

/**
 * A paged list that would never end: a cursor came back that was already sent, or a page repeated
 * the items of an earlier one (a server that ignores the cursor or `pagenum`). Names the operation
 * and the cursor or page number at which the loop stopped.
 */
export class PagingError extends Error {
  override readonly name = "PagingError";
  readonly operationId: OperationId;
  /** The cursor (or a key list's start item) that came back again, or that brought a repeated page. */
  readonly cursor: string | undefined;
  /** The page number whose answer repeated an earlier page. */
  readonly pagenum: number | undefined;

  constructor(operationId: OperationId, where: { cursor?: string; pagenum?: number; param?: string }, what: string) {
    const at = where.pagenum !== undefined ? `pagenum ${where.pagenum}` : `${where.param ?? "cursor"} ${JSON.stringify(capped(where.cursor ?? "", 100))}`;
    super(`${operationId}: ${at} ${what}; stopping instead of asking for the same pages forever`);
    this.operationId = operationId;
    this.cursor = where.cursor;
    this.pagenum = where.pagenum;
  }
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

/**
 * A 53-bit fingerprint of a page's items (two multiply-xor lanes over the JSON text, as in the
 * public-domain cyrb53): enough to notice a page seen before without keeping every page.
 */
function fingerprint(items: unknown[]): number {
  const text = JSON.stringify(items);
  let a = 0xdeadbeef;
  let b = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 2654435761);
    b = Math.imul(b ^ code, 1597334677);
  }
  a = Math.imul(a ^ (a >>> 16), 2246822507) ^ Math.imul(b ^ (b >>> 13), 3266489909);
  b = Math.imul(b ^ (b >>> 16), 2246822507) ^ Math.imul(a ^ (a >>> 13), 3266489909);
  return 4294967296 * (2097151 & b) + (a >>> 0);
}

/** The caller's page size, checked against the spec's maximum (types refuse only literals above it). */
function checkedPageSize(id: OperationId, requested: number | undefined, max: number | undefined): number | undefined {
  if (requested === undefined) return undefined;
  if (!Number.isInteger(requested) || requested < 1 || (max !== undefined && requested > max)) {
    const range = max === undefined ? "a whole number >= 1" : `a whole number from 1 to ${max} (the documented maximum of ${id})`;
    throw new InvalidRequestError("options.pageSize", `must be ${range}`);
  }
  return requested;
}

/** One page: the answer as the server sent it, and the items it adds to the list. */
interface Page<Id extends PagedOperationId> {
  data: DataOf<Id>;
  items: unknown[];
}

/** The ID of a key list's item, the value its start parameter takes. */
const idOf = (item: unknown) => valueAt(item, "id");

async function* walk<Id extends PagedOperationId>(
  client: EasemobClient,
  id: Id,
  params: object | undefined,
  options: PageOptions & { body?: object },
): AsyncGenerator<Page<Id>, void, undefined> {
  const paging = routeOf(id).paging;
  if (!paging) throw new InvalidRequestError("id", `${id} is not a paged operation`);
  const maxPages = options.maxPages ?? Infinity;
  const pageSize = checkedPageSize(id, options.pageSize, paging.max);
  const call = async (paged: object) => {
    const data = (await (paging.in === "body"
      ? callOperation(client, id, params, { ...options.body, ...paged }, options.init)
      : callOperation(client, id, { ...params, ...paged }, undefined, options.init))) as DataOf<Id>;
    return { data, list: listAt(data, paging.items) };
  };
  const seenPages = new Set<number>();
  /** Whether these items were already served by an earlier page (and remembers them). */
  const repeated = (items: unknown[]) => seenPages.size === seenPages.add(fingerprint(items)).size;

  if (paging.kind === "page") {
    const size = pageSize ?? paging.size ?? FALLBACK_PAGE_SIZE;
    const names = { page: "pagenum", size: "pagesize", ...paging.names };
    for (let pagenum = options.startPage ?? paging.start ?? 1, sent = 0; sent < maxPages; pagenum++, sent++) {
      const { data, list } = await call({ [names.page]: pagenum, [names.size]: size });
      if (list.length === 0) return;
      if (repeated(list)) throw new PagingError(id, { pagenum }, "answered the same items as an earlier page");
      yield { data, items: list };
      if (list.length < size) return;
    }
    return;
  }

  // Cursor and key lists: only an empty page ends them. A short page does not: the seed (002)
  // says the last page with data still carries a cursor, and it promises no more than that
  // `limit` is a maximum — so a page shorter than `limit` may be followed by more, and the
  // cursor's presence says nothing either. The one sure end marker is the empty page after the
  // last one, which costs a single extra request per listing.
  const size = { [paging.names?.size ?? "limit"]: pageSize ?? paging.size };
  const startName = paging.kind === "key" ? paging.key! : "cursor";
  let cursor = options.cursor;
  const sentCursors = new Set<string>();
  for (let sent = 0; sent < maxPages; sent++) {
    if (cursor !== undefined) sentCursors.add(cursor);
    const { data, list } = await call({ ...size, ...(cursor === undefined ? {} : { [startName]: cursor }) });
    // A key list's page starts at the item it was asked from, the last one already read.
    const fresh = paging.kind === "key" && sent > 0 && list.length > 0 && idOf(list[0]) === cursor ? list.slice(1) : list;
    if (fresh.length === 0) return;
    if (repeated(fresh)) throw new PagingError(id, { cursor: cursor ?? "", param: startName }, "brought the same items as an earlier page");
    yield { data, items: fresh };
    const nextValue = paging.kind === "key" ? idOf(fresh.at(-1)) : valueAt(data, paging.cursor ?? "properties.cursor");
    const next = typeof nextValue === "string" && nextValue !== "" ? nextValue : undefined;
    if (next === undefined) return;
    if (sentCursors.has(next)) throw new PagingError(id, { cursor: next, param: startName }, "came back after it was already sent");
    cursor = next;
  }
}

/**
 * The pages of a paged list, each the operation's full 200 answer, requested one after the
 * other as the loop asks for them (empty pages are not yielded). Which operations are paged,
 * how, and where their items are comes from the generated table.
 *
 * - page-number lists (`pagenum`/`pagesize`, `pageNum`/`pageSize`, or `page`/`size` in the body of
 *   the keyword searches): pages 1, 2, ... (0, 1, ... where the spec says counting starts at 0)
 *   until a page holds fewer items than its size or none (the documented rule: "ask for the
 *   next pagenum until a page comes back shorter").
 * - cursor lists: each answer's cursor (where the table says: `cursor`, `data.cursor` or
 *   `properties.cursor`) is sent back until a page holds no items or no cursor comes back.
 * - lists paged by item (`listFavorites`): each page starts at the last item read, by its `id`
 *   (so every page after the first begins with that item again; `items` skips it), until a page
 *   brings no new item.
 *
 * Either way a `PagingError` ends a list that would never end: a cursor that comes back after it
 * was sent (a cycle of any length), or a page with exactly the items of an earlier page.
 */
export async function* pages<Id extends PagedOperationId, Size extends number = number>(
  client: EasemobClient,
  id: Id,
  ...[params, options]: PageArgs<Id, Size>
): AsyncGenerator<DataOf<Id>, void, undefined> {
  for await (const page of walk(client, id, params, options ?? {})) yield page.data;
}

/** The items of a paged list, one at a time, across all its pages (see `pages`). */
export async function* items<Id extends PagedOperationId, Size extends number = number>(
  client: EasemobClient,
  id: Id,
  ...[params, options]: PageArgs<Id, Size>
): AsyncGenerator<ItemOf<Id>, void, undefined> {
  for await (const page of walk(client, id, params, options ?? {})) yield* page.items as ItemOf<Id>[];
}
