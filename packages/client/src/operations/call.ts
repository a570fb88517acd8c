import type { Middleware } from "openapi-fetch";
import type { EasemobClient } from "../create-client.js";
import { EasemobApiError, UnexpectedResponseError } from "../errors.js";
import { operationsById, type OperationId } from "../generated/operations.js";
import { secretsOf } from "../secrets.js";
import type { CallInit } from "./types.js";

/** One row of the generated table, as the run-time code reads it. */
export interface Route {
  method: string;
  path: string;
  body?: boolean;
  batch?: { in: "path" | "body"; name: string; maxItems?: number; pattern?: string };
  paging?: { kind: "page" | "cursor"; items: string; size?: number; max?: number };
}

export const routeOf = (id: OperationId): Route => operationsById[id] as Route;

type LooseRequest = (
  method: string,
  path: string,
  init: CallInit & { params: { path: Record<string, unknown>; query: Record<string, unknown> }; body?: unknown; parseAs: "text" },
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

/**
 * Sends one operation through the openapi-fetch client (so its middleware — the path guard,
 * auth — applies): `params` is split into path and query by the operation's path template.
 * Resolves to the parsed 200 answer; throws an `EasemobApiError` for any answer >= 400, and an
 * `UnexpectedResponseError` for a success whose body is not JSON.
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
    if (value !== undefined) (route.path.includes(`{${key}}`) ? path : query)[key] = value;
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
    // Parsed here, so that a body that is not JSON fails with the operation named.
    parseAs: "text",
    middleware: [...(init?.middleware ?? []), recordPath],
  });
  const context = { operationId: id, method, path: route.path, urlPath };
  if (!response.ok) throw EasemobApiError.from(response, error, context, secretsOf(client));
  if (typeof data !== "string" || data === "") return undefined;
  try {
    return JSON.parse(data);
  } catch {
    throw new UnexpectedResponseError(response, data, context, secretsOf(client));
  }
}
