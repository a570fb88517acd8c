import type { Middleware } from "openapi-fetch";
import type { EasemobClient } from "../create-client.js";
import { EasemobApiError } from "../errors.js";
import { operationsById, type OperationId } from "../generated/operations.js";
import type { CallInit } from "./types.js";

/** One row of the generated table, as the run-time code reads it. */
export interface Route {
  method: string;
  path: string;
  pathParams: Readonly<Record<string, unknown>>;
  body?: boolean;
  batch?: { in: "path" | "body"; name: string; maxItems?: number };
  paging?: { kind: "page" | "cursor"; items: string; size?: number; names?: { page: string; size: string } };
}

export const routeOf = (id: OperationId): Route => operationsById[id] as Route;

type LooseRequest = (
  method: string,
  path: string,
  init: CallInit & { params: { path: Record<string, unknown>; query: Record<string, unknown> }; body?: unknown },
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

/**
 * Sends one operation through the openapi-fetch client (so its middleware — the path guard,
 * auth — applies): `params` is split into path and query by the generated table. Resolves to
 * the parsed 200 answer; throws an `EasemobApiError` for any answer >= 400.
 */
export async function callOperation(
  client: EasemobClient,
  id: OperationId,
  params: object | undefined,
  body: unknown,
  init?: CallInit,
): Promise<unknown> {
  const route = routeOf(id);
  const path: Record<string, unknown> = {};
  const query: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params ?? {})) {
    if (value !== undefined) (key in route.pathParams ? path : query)[key] = value;
  }
  let urlPath: string | undefined;
  // Records the path actually sent (prefix included, query excluded) for the error, never headers.
  const recordPath: Middleware = {
    onRequest({ request }) {
      urlPath = new URL(request.url).pathname;
    },
  };
  const method = route.method.toUpperCase();
  const { data, error, response } = await (client.request as unknown as LooseRequest)(method, route.path, {
    ...init,
    params: { path, query },
    ...(body === undefined ? {} : { body }),
    middleware: [...(init?.middleware ?? []), recordPath],
  });
  if (response.ok) return data;
  throw EasemobApiError.from(response, error, { operationId: id, method, path: route.path, urlPath });
}
