import type { EasemobClient } from "../create-client.js";
import { EasemobApiError, InvalidRequestError, UnexpectedResponseError } from "../errors.js";
import type { OperationId, operationsById } from "../generated/operations.js";
import { nameProblem } from "../path-guard.js";
import { callOperation, routeOf, type Route } from "./call.js";
import type { BatchOperationId, BodyOf, CallInit, DataOf, ParamsOf } from "./types.js";

type BatchOf<Id extends BatchOperationId> = (typeof operationsById)[Id] extends { batch: infer B extends { in: string; name: string } } ? B : never;

type ElementOf<L> = L extends readonly (infer I)[] ? I : never;

/** What one batch is a list of: names (strings), or the body's items (users to register, favorites...). */
export type BatchItem<Id extends BatchOperationId> = BatchOf<Id>["in"] extends "path"
  ? string
  : BatchOf<Id>["in"] extends "array"
    ? ElementOf<Extract<BodyOf<Id>, readonly unknown[]>>
    : ElementOf<BodyOf<Id>[BatchOf<Id>["name"] & keyof BodyOf<Id>]>;

/** The operation's parameters without the list of names (for a list path parameter). */
export type BatchParams<Id extends BatchOperationId> = BatchOf<Id>["in"] extends "path" ? Omit<ParamsOf<Id>, BatchOf<Id>["name"]> : ParamsOf<Id>;

/** The rest of the body sent with every call (e.g. `mute_duration`, a message's `type` and `body`), for a list in the body. */
export type BatchBody<Id extends BatchOperationId> = BatchOf<Id>["in"] extends "body" ? DistributiveOmit<BodyOf<Id>, BatchOf<Id>["name"]> : never;

/** `Omit` member by member, so that a message body stays a union discriminated by `type`. */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export interface BatchOptions {
  /** Names per call: a whole number from 1 to the spec's `maxItems` for the list; default that maximum, else all names in one call. */
  maxItems?: number;
  /** Calls in flight at once, a whole number >= 1; default 1 (the API is rate limited per app). */
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

export interface NameFailure<Item = string> {
  /** The name, or for an item its key (`username`), else `#` and its index in the list given. */
  name: string;
  /** The item itself, for a batch of items rather than names. */
  item?: Item;
  /** The server's per-name `reason`, or why the name counts as failed (or unknown). */
  reason: string;
  /** The error of the call that failed as a whole, or the `InvalidRequestError` of a name never sent. */
  error?: Error;
}

export interface BatchResult<Id extends BatchOperationId> {
  /** Names (or items) the server reports done, in the order given. */
  succeeded: BatchItem<Id>[];
  /**
   * Names not done, each with its reason: first the invalid names, never sent, then, in the order
   * given, those the server refused (a per-name result, or a refusal of the whole call).
   */
  failed: NameFailure<BatchItem<Id>>[];
  /**
   * Names whose call was sent but whose answer was lost (502, 504, a network error, a timeout, an
   * abort in flight, a success that was not JSON): the server may or may not have applied it, so
   * read the state before trying again.
   */
  unknown: NameFailure<BatchItem<Id>>[];
  /** Names given more than once (ignoring case, as the server does): each was sent once, the first time. Items are never merged. */
  duplicates: string[];
  /** Names (or items) whose call was never started (only after an abort). */
  notSent: BatchItem<Id>[];
  /** One per call that failed as a whole (an `EasemobApiError`, or a transport error). */
  errors: Error[];
  /** The 200 answers, in call order. */
  responses: DataOf<Id>[];
}

/**
 * The batch was aborted (its `init.signal`): no call is started after that, the calls in flight
 * are given up, and `result` says what had happened by then — what was applied, what failed, what
 * is unknown (the calls in flight among them) and what was never sent. The abort reason is `cause`.
 */
export class BatchAbortedError<Id extends BatchOperationId = BatchOperationId> extends Error {
  override readonly name = "BatchAbortedError";
  readonly operationId: Id;
  readonly result: BatchResult<Id>;

  constructor(operationId: Id, result: BatchResult<Id>, reason: unknown) {
    super(`${operationId}: batch aborted; ${result.succeeded.length} names done, ${result.notSent.length} not sent`, { cause: reason });
    this.operationId = operationId;
    this.result = result;
  }
}

type Outcome = { kind: "done" } | { kind: "failed" | "unknown"; reason: string; error?: Error };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

function perNameRecords(data: unknown): Record<string, unknown>[] | undefined {
  const body = isObject(data) ? data : {};
  const isRecord = (v: unknown): v is Record<string, unknown> => isObject(v) && "user" in v;
  for (const value of [body["data"], body["entities"]]) {
    if (Array.isArray(value) && value.some(isRecord)) return value.filter(isRecord);
    if (isRecord(value)) return [value];
  }
  return undefined;
}

/**
 * The failures an answer lists by name, when it lists them: records in `data` with a field naming
 * the failure (`registerUserFailReason`), or records under a key naming it
 * (`data.updateMetadataFailed`). `undefined` when the answer has no such list.
 */
function listedFailures(data: unknown): Map<string, string> | undefined {
  const inner = isObject(data) ? data["data"] : undefined;
  const named = (record: unknown) => (isObject(record) && typeof (record["username"] ?? record["user"]) === "string" ? String(record["username"] ?? record["user"]) : undefined);
  let failures: Map<string, string> | undefined;
  const add = (record: unknown, reason: string) => {
    const name = named(record);
    if (name !== undefined) (failures ??= new Map()).set(name.toLowerCase(), reason);
  };
  if (Array.isArray(inner)) {
    for (const record of inner) {
      const field = isObject(record) ? Object.keys(record).find((key) => /fail/i.test(key)) : undefined;
      if (field) add(record, String((record as Record<string, unknown>)[field]));
    }
  } else if (isObject(inner)) {
    for (const [key, list] of Object.entries(inner)) {
      if (!/fail/i.test(key) || !Array.isArray(list)) continue;
      failures ??= new Map();
      for (const record of list) add(record, `listed in data.${key}`);
    }
  }
  return failures;
}

/**
 * Reads one 200 answer name by name. The documented forms:
 * - `{result, user, reason?}` records, in `data` (an object for one name, an array for
 *   several) or in `entities`: `result: false` is a per-name failure inside a 200;
 * - `data.newmembers`: the names added; a name sent but not listed was not added;
 * - failures listed by name (`data[].registerUserFailReason`, `data.updateMetadataFailed`):
 *   those failed, the others were done;
 * - `data` mapping each name to a result (a message ID per receiver): a name missing from a map
 *   that names others was not sent to;
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
      if (!record) return { kind: "failed", reason: "the answer has no result for this name" };
      if (record["result"] === true) return { kind: "done" };
      const reason = typeof record["reason"] === "string" ? record["reason"] : `result: ${JSON.stringify(record["result"])}`;
      return { kind: "failed", reason };
    });
  }
  const inner = isObject(data) ? data["data"] : undefined;
  const added = isObject(inner) ? inner["newmembers"] : undefined;
  if (Array.isArray(added)) {
    const set = new Set(added.map((n) => String(n).toLowerCase()));
    return names.map((name) => (set.has(name.toLowerCase()) ? { kind: "done" } : { kind: "failed", reason: "not listed in data.newmembers" }));
  }
  const failures = listedFailures(data);
  if (failures) return names.map((name) => (failures.has(name.toLowerCase()) ? { kind: "failed", reason: failures.get(name.toLowerCase())! } : { kind: "done" }));
  if (isObject(inner) && !Array.isArray(inner)) {
    const keys = new Set(Object.keys(inner).map((key) => key.toLowerCase()));
    if (names.some((name) => keys.has(name.toLowerCase()))) {
      return names.map((name) => (keys.has(name.toLowerCase()) ? { kind: "done" } : { kind: "failed", reason: "the answer has no result for this name" }));
    }
  }
  return names.map(() => ({ kind: "done" }));
}

/** Whether a call that failed as a whole may still have been applied: it was sent and its answer was lost. */
function answerLost(error: Error): boolean {
  if (error instanceof EasemobApiError) return error.status === 502 || error.status === 504;
  return error instanceof UnexpectedResponseError || error instanceof TypeError || error.name === "TimeoutError";
}

function wholeNumber(field: string, value: number, max: number): number {
  if (!Number.isInteger(value) && value !== Infinity) throw new InvalidRequestError(field, "must be a whole number");
  if (value < 1 || value > max) throw new InvalidRequestError(field, `must be from 1 to ${max}`);
  return value;
}

/** One entry to send: what goes in the call, and the name its outcome is matched and reported by. */
interface Entry {
  value: unknown;
  name: string;
}

/** Splits the list into the entries to send (each name once), those refused before sending, and the repeated names. */
function sortEntries(list: readonly unknown[], spec: NonNullable<Route["batch"]>) {
  const toSend: Entry[] = [];
  const invalid: NameFailure<unknown>[] = [];
  const duplicates: string[] = [];
  const seen = new Set<string>();
  const pattern = spec.pattern === undefined ? undefined : new RegExp(spec.pattern, "u");
  const objects = spec.objects === true;
  list.forEach((value, i) => {
    const key = objects && isObject(value) && spec.key !== undefined ? value[spec.key] : undefined;
    const name = objects ? (typeof key === "string" && key !== "" ? key : `#${i}`) : String(value);
    const problem = objects
      ? !isObject(value)
        ? "must be an object"
        : spec.key !== undefined && name.startsWith("#")
          ? `must have a non-empty ${spec.key}`
          : undefined
      : typeof value !== "string" || value === ""
        ? "must be a non-empty string"
        : spec.in === "path"
          ? nameProblem(value, spec.pattern)
          : pattern && !pattern.test(value)
            ? `must match ${spec.pattern}`
            : undefined;
    if (problem) {
      const error = new InvalidRequestError(`${objects ? "items" : "names"}[${i}]`, problem);
      invalid.push({ name, reason: error.message, error, ...(objects ? { item: value } : {}) });
    } else if (objects) toSend.push({ value, name });
    // Items are sent as given, repeats included: an item may repeat a user on purpose (setGroupMembersMetadata).
    else if (seen.has(name.toLowerCase())) duplicates.push(name);
    else {
      seen.add(name.toLowerCase());
      toSend.push({ value, name });
    }
  });
  return { toSend, invalid, duplicates, objects };
}

/**
 * Sends `names` through a batch operation in as many calls as its documented maximum requires
 * (the spec's `maxItems` of the list path parameter or body property, from the generated
 * table), and merges the answers name by name.
 *
 * - Invalid names (empty, not a string, or breaking the spec's rules for the list, e.g. a comma in
 *   a path list) are never sent: they are reported in `failed` with an `InvalidRequestError`, and
 *   the valid names are still sent.
 * - A name given more than once (ignoring case) is sent once and listed in `duplicates`.
 * - A call refused as a whole (e.g. 403 "none are members", 404 group not found) marks all its
 *   names failed with that error; a call whose answer was lost (502, 504, network error, timeout)
 *   marks them unknown. Either way the next call still goes.
 * - An abort of `init.signal` starts no further call and rejects with a `BatchAbortedError`
 *   whose `result` holds what was done by then.
 *
 *     const result = await batch(im.raw, "addGroupMembers", { group_id }, names);
 *     result.failed; // [{ name, reason, error? }]
 */
export async function batch<Id extends BatchOperationId>(
  client: EasemobClient,
  id: Id,
  params: BatchParams<Id>,
  names: readonly BatchItem<Id>[],
  ...[options]: BatchArgs<Id>
): Promise<BatchResult<Id>> {
  const spec = routeOf(id as OperationId).batch;
  if (!spec) throw new InvalidRequestError("id", `${id} is not a batch operation`);
  const { maxItems: askedMax, concurrency: askedConcurrency = 1, init, body } = (options ?? {}) as BatchOptions & { body?: object };
  const documented = spec.maxItems ?? Infinity;
  const maxItems = wholeNumber("options.maxItems", askedMax ?? documented, documented);
  const concurrency = wholeNumber("options.concurrency", askedConcurrency, Infinity);
  if (!Array.isArray(names)) throw new InvalidRequestError("names", "must be an array of names");

  const { toSend, invalid, duplicates, objects } = sortEntries(names, spec);
  const chunks: Entry[][] = [];
  for (let i = 0; i < toSend.length; i += maxItems) chunks.push(toSend.slice(i, i + maxItems));

  const results: { outcomes: Outcome[]; data?: unknown; error?: Error }[] = [];
  const signal = init?.signal ?? undefined;
  let next = 0;
  const worker = async () => {
    while (next < chunks.length && !signal?.aborted) {
      const index = next++;
      const chunk = chunks[index]!;
      try {
        const values = chunk.map((entry) => entry.value);
        const data =
          spec.in === "path"
            ? await callOperation(client, id as OperationId, { ...params, [spec.name]: values }, undefined, init)
            : await callOperation(client, id as OperationId, params, spec.in === "array" ? values : { ...body, [spec.name]: values }, init);
        results[index] = { outcomes: outcomesOf(data, chunk.map((entry) => entry.name)), data };
      } catch (error) {
        const failure = error instanceof Error ? error : new Error(String(error));
        // A call given up in flight may have reached the server as well.
        const kind = signal?.aborted || answerLost(failure) ? "unknown" : "failed";
        results[index] = { outcomes: chunk.map(() => ({ kind, reason: failure.message, error: failure })), error: failure };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, chunks.length) }, worker));

  type Item = BatchItem<Id>;
  const merged: BatchResult<Id> = {
    succeeded: [],
    failed: invalid as NameFailure<Item>[],
    unknown: [],
    duplicates,
    notSent: [],
    errors: [],
    responses: [],
  };
  chunks.forEach((chunk, index) => {
    const result = results[index];
    if (!result) {
      merged.notSent.push(...chunk.map((entry) => entry.value as Item));
      return;
    }
    if (result.error) merged.errors.push(result.error);
    else merged.responses.push(result.data as DataOf<Id>);
    result.outcomes.forEach((outcome, i) => {
      const { name, value } = chunk[i]!;
      if (outcome.kind === "done") merged.succeeded.push(value as Item);
      else {
        const failure = { name, reason: outcome.reason, ...(outcome.error ? { error: outcome.error } : {}), ...(objects ? { item: value as Item } : {}) };
        merged[outcome.kind].push(failure);
      }
    });
  });
  if (signal?.aborted) throw new BatchAbortedError(id, merged, signal.reason);
  return merged;
}
