import type { EasemobClient } from "../create-client.js";
import { operationsById, type OperationId } from "../generated/operations.js";
import { callOperation, routeOf } from "./call.js";
import type { AuthInit, CallInit, OperationMethods } from "./types.js";

/**
 * Every operationId of the spec as a method over `client`, built from the generated table:
 * `methods.addGroupMember({ group_id, username })`,
 * `methods.addGroupMembers({ group_id }, { usernames })`.
 * Path and query parameters share the first argument; the JSON body, if any, is the second;
 * per-call options (`signal`, `headers`...) come last.
 */
export function operationMethods(client: EasemobClient): OperationMethods {
  const methods: Record<string, unknown> = {};
  for (const id of Object.keys(operationsById) as OperationId[]) {
    methods[id] = routeOf(id).body
      ? (params: object | undefined, body: unknown, init?: CallInit & AuthInit) => callOperation(client, id, params, body, init)
      : (params?: object, init?: CallInit & AuthInit) => callOperation(client, id, params, undefined, init);
  }
  return methods as OperationMethods;
}
