import type { EasemobClient } from "../create-client.js";
import type { operationsById } from "../generated/operations.js";
import { callOperation, routeOf } from "./call.js";
import type { BatchOperationId, BodyOf, CallInit, DataOf, ParamsOf } from "./types.js";

type BatchOf<Id extends BatchOperationId> = (typeof operationsById)[Id] extends { batch: infer B extends { in: string; name: string } } ? B : never;

/** The operation's parameters without the list of names (for a list path parameter). */
export type BatchParams<Id extends BatchOperationId> = BatchOf<Id>["in"] extends "path" ? Omit<ParamsOf<Id>, BatchOf<Id>["name"]> : ParamsOf<Id>;

/** The rest of the body sent with every call (e.g. `mute_duration`), for a list in the body. */
export type BatchBody<Id extends BatchOperationId> = BatchOf<Id>["in"] extends "body" ? Omit<BodyOf<Id>, BatchOf<Id>["name"]> : never;

export interface BatchOptions {
  /** Names per call; default: the spec's `maxItems` for the list, else all names in one call. */
  maxItems?: number;
  /** Calls in flight at once; default 1 (the API is rate limited per app). */
  concurrency?: number;
  /** Per-call options for every call (signal, headers...). */
  init?: CallInit;
}

type BodyOption<Id extends BatchOperationId> = [BatchBody<Id>] extends [never]
  ? { body?: never }
  : {} extends BatchBody<Id>
    ? { body?: BatchBody<Id> }
    : { body: BatchBody<Id> };

/** `(options?)`, required when the operation needs more body than the names (e.g. `mute_duration`). */
export type BatchArgs<Id extends BatchOperationId> = {} extends BodyOption<Id>
  ? [options?: BatchOptions & BodyOption<Id>]
  : [options: BatchOptions & BodyOption<Id>];

export interface NameFailure {
  name: string;
  /** The server's per-name `reason`, or why the name counts as failed. */
  reason: string;
  /** The error of the call that failed as a whole, when that is why. */
  error?: Error;
}

export interface BatchResult<Id extends BatchOperationId> {
  /** Names the server reports done, in the order given. */
  succeeded: string[];
  /** Names not done, in the order given, each with its reason. */
  failed: NameFailure[];
  /** One per call that failed as a whole (an `EasemobApiError`, or a transport error). */
  errors: Error[];
  /** The 200 answers, in call order. */
  responses: DataOf<Id>[];
}

type Outcome = { ok: true } | { ok: false; reason: string; error?: Error };

function perNameRecords(data: unknown): Record<string, unknown>[] | undefined {
  const body = (typeof data === "object" && data !== null ? data : {}) as { data?: unknown; entities?: unknown };
  const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && "user" in v;
  for (const value of [body.data, body.entities]) {
    if (Array.isArray(value) && value.some(isRecord)) return value.filter(isRecord);
    if (isRecord(value)) return [value];
  }
  return undefined;
}

/**
 * Reads one 200 answer name by name. Three documented forms:
 * - `{result, user, reason?}` records, in `data` (an object for one name, an array for
 *   several) or in `entities`: `result: false` is a per-name failure inside a 200;
 * - `data.newmembers`: the names added; a name sent but not listed was not added;
 * - anything else (`data.status: "ok"`, metadata...): the call applied to every name.
 * User IDs are case-insensitive on the server, so names are matched ignoring case.
 */
function outcomesOf(data: unknown, names: readonly string[]): Outcome[] {
  const records = perNameRecords(data);
  if (records) {
    const byName = new Map<string, Record<string, unknown>>();
    for (const record of records) byName.set(String(record["user"]).toLowerCase(), record);
    return names.map((name) => {
      const record = byName.get(name.toLowerCase());
      if (!record) return { ok: false, reason: "the answer has no result for this name" };
      if (record["result"] === true) return { ok: true };
      const reason = typeof record["reason"] === "string" ? record["reason"] : `result: ${JSON.stringify(record["result"])}`;
      return { ok: false, reason };
    });
  }
  const added = (data as { data?: { newmembers?: unknown } } | undefined)?.data?.newmembers;
  if (Array.isArray(added)) {
    const set = new Set(added.map((n) => String(n).toLowerCase()));
    return names.map((name) => (set.has(name.toLowerCase()) ? { ok: true } : { ok: false, reason: "not listed in data.newmembers" }));
  }
  return names.map(() => ({ ok: true }));
}

/**
 * Sends `names` through a batch operation in as many calls as its documented maximum requires
 * (the spec's `maxItems` of the list path parameter or body property, from the generated
 * table), and merges the answers name by name. A call refused as a whole (e.g. 403 "none are
 * members", 404 group not found) marks all its names failed with that error and the next call
 * still goes; an aborted signal stops everything and rejects.
 *
 *     const result = await batch(im.raw, "addGroupMembers", { group_id }, names);
 *     result.failed; // [{ name, reason, error? }]
 */
export async function batch<Id extends BatchOperationId>(
  client: EasemobClient,
  id: Id,
  params: BatchParams<Id>,
  names: readonly string[],
  ...[options]: BatchArgs<Id>
): Promise<BatchResult<Id>> {
  const spec = routeOf(id).batch;
  if (!spec) throw new TypeError(`${id} is not a batch operation`);
  const { maxItems = spec.maxItems ?? Infinity, concurrency = 1, init, body } = (options ?? {}) as BatchOptions & { body?: object };
  if (!(maxItems >= 1) || !(concurrency >= 1)) throw new RangeError("maxItems and concurrency must be at least 1");

  const unique = [...new Set(names)];
  const chunks: string[][] = [];
  for (let i = 0; i < unique.length; i += maxItems) chunks.push(unique.slice(i, i + maxItems));

  const results: { outcomes: Outcome[]; data?: unknown; error?: Error }[] = [];
  let next = 0;
  const worker = async () => {
    while (next < chunks.length) {
      init?.signal?.throwIfAborted();
      const index = next++;
      const chunk = chunks[index]!;
      try {
        const data =
          spec.in === "path"
            ? await callOperation(client, id, { ...params, [spec.name]: chunk }, undefined, init)
            : await callOperation(client, id, params, { ...body, [spec.name]: chunk }, init);
        results[index] = { outcomes: outcomesOf(data, chunk), data };
      } catch (error) {
        if (init?.signal?.aborted) throw error;
        const failure = error instanceof Error ? error : new Error(String(error));
        results[index] = { outcomes: chunk.map(() => ({ ok: false, reason: failure.message, error: failure })), error: failure };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, chunks.length) }, worker));

  const merged: BatchResult<Id> = { succeeded: [], failed: [], errors: [], responses: [] };
  results.forEach(({ outcomes, data, error }, index) => {
    if (error) merged.errors.push(error);
    else merged.responses.push(data as DataOf<Id>);
    outcomes.forEach((outcome, i) => {
      const name = chunks[index]![i]!;
      if (outcome.ok) merged.succeeded.push(name);
      else merged.failed.push({ name, reason: outcome.reason, ...(outcome.error ? { error: outcome.error } : {}) });
    });
  });
  return merged;
}
