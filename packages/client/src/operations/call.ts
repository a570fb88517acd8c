import type { Middleware } from "openapi-fetch";
import type { EasemobClient } from "../create-client.js";
import { EasemobApiError, InvalidRequestError, UnexpectedResponseError } from "../errors.js";
import { operationsById, type OperationId } from "../generated/operations.js";
import { isUsableToken } from "../auth/bearer.js";
import { anonymousFetchOf, secretsOf } from "../registry.js";
import type { AuthInit, CallInit } from "./types.js";

/** One row of the generated table, as the run-time code reads it. */
export interface Route {
  method: string;
  path: string;
  /** The spec allows the call without a token. */
  anonymous?: boolean;
  /** Only a user's token is accepted (given per call as `init.userToken`). */
  userToken?: boolean;
  body?: boolean;
  /** The body goes as multipart/form-data; these parts are files. */
  multipart?: readonly string[];
  /** The 200 answer is a file's bytes, read as a Blob. */
  binary?: boolean;
  /** The body is sent as this media type (form fields) instead of JSON. */
  bodyType?: string;
  /** The list one call takes: names, or (`objects`) the body's items, `key` naming each. */
  batch?: { in: "path" | "body" | "array"; name: string; maxItems?: number; pattern?: string; objects?: boolean; key?: string };
  paging?: {
    kind: "page" | "cursor" | "key";
    items: string;
    size?: number;
    max?: number;
    start?: number;
    cursor?: string;
    /** `page`/`size` travel in the JSON body (keyword searches), not the query. */
    in?: "body";
    /** The parameter naming the item a `key` list starts from (included). */
    key?: string;
    names?: { page?: string; size: string };
  };
}

export const routeOf = (id: OperationId): Route => operationsById[id] as Route;

type LooseRequest = (
  method: string,
  path: string,
  init: CallInit & {
    params: { path: Record<string, unknown>; query: Record<string, unknown> };
    body?: unknown;
    parseAs: "text" | "blob" | "stream";
  },
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

/**
 * A multipart body as FormData: a FormData is sent as is; a plain object becomes one part per
 * field (each item of an array its own part), a file part given as a string or bytes becomes a
 * file named after the part.
 */
export function formDataOf(body: unknown, files: readonly string[]): FormData {
  if (body instanceof FormData) return body;
  const form = new FormData();
  for (const [name, value] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === undefined) continue;
      if (item instanceof Blob) form.append(name, item, item instanceof File ? item.name : name);
      else if (files.includes(name)) form.append(name, new Blob([item as string | ArrayBuffer | Uint8Array<ArrayBuffer>]), name);
      else form.append(name, typeof item === "string" ? item : JSON.stringify(item));
    }
  }
  return form;
}

/** The user's token of an operation that takes only that, checked before it goes in a header. */
function authorization(route: Route, id: OperationId, userToken: unknown): { Authorization?: string } {
  if (!route.userToken) return {};
  if (!isUsableToken(userToken)) throw new InvalidRequestError("init.userToken", `${id} needs the user's token (a non-empty token of visible ASCII characters)`);
  return { Authorization: `Bearer ${userToken}` };
}

/** The client's fetch without auth, for a call the spec allows without a token. */
function anonymousFetch(client: EasemobClient, route: Route, id: OperationId) {
  if (!route.anonymous) throw new InvalidRequestError("init.anonymous", `${id} is not callable without a token`);
  const fetch = anonymousFetchOf(client);
  if (!fetch) throw new InvalidRequestError("init.anonymous", "needs a client made by createClient");
  return fetch;
}

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
  init?: CallInit & AuthInit,
): Promise<unknown> {
  const route = routeOf(id);
  const { anonymous, userToken, as, ...rest } = (init ?? {}) as CallInit & AuthInit & { as?: unknown };
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
  // A file download answers bytes (its errors are still JSON); form fields say so, and openapi-fetch encodes them.
  const accept = route.binary ? { Accept: "application/octet-stream, application/json" } : {};
  const contentType = route.bodyType && body !== undefined ? { "Content-Type": route.bodyType } : {};
  const headers = { ...accept, ...contentType, ...authorization(route, id, userToken), ...rest.headers };
  const { data, error, response } = await (client.request as unknown as LooseRequest)(method, route.path, {
    ...rest,
    ...(anonymous ? { fetch: anonymousFetch(client, route, id) } : {}),
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
    params: { path, query },
    ...(body === undefined ? {} : { body: route.multipart ? formDataOf(body, route.multipart) : body }),
    // Parsed here, so that a body that is not JSON fails with the operation named; a download stays a Blob or a stream.
    parseAs: route.binary ? (as === "stream" ? "stream" : "blob") : "text",
    middleware: [...(rest.middleware ?? []), recordPath],
  });
  const context = { operationId: id, method, path: route.path, urlPath };
  const secrets = typeof userToken === "string" ? secretsOf(client).with(userToken) : secretsOf(client);
  if (!response.ok) throw EasemobApiError.from(response, error, context, secrets);
  if (route.binary) return data;
  if (typeof data !== "string" || data === "") return undefined;
  try {
    return JSON.parse(data);
  } catch {
    throw new UnexpectedResponseError(response, data, context, secrets);
  }
}
