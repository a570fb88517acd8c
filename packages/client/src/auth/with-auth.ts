import { InvalidRequestError } from "../errors.js";
import { isUsableToken } from "./bearer.js";
import type { FetchLike, TokenSource } from "./types.js";

function authorize(request: Request, token: string): Request {
  // Checked before Headers.set, whose error message would quote the token.
  if (!isUsableToken(token)) throw new InvalidRequestError("token", "is empty or has characters a header cannot carry");
  request.headers.set("Authorization", `Bearer ${token}`);
  return request;
}

/**
 * Sends every request with `Authorization: Bearer <token>` from `tokens`. On a 401 it asks for a
 * renewed token once and replays the request with it (the body is cloned before the first send, so
 * the replay carries the same bytes); when the source cannot renew (a fixed token), or the replay is
 * refused again, that 401 is returned as is. Waiting for a token honours the request's abort signal.
 * The header is set on the request it is handed. A request that already carries `Authorization`
 * (a user token given for an operation that takes one) is sent as it is.
 */
export function withAuth(fetch: FetchLike, tokens: TokenSource): FetchLike {
  return async (request) => {
    if (request.headers.has("Authorization")) return fetch(request);
    const replay = request.body === null ? undefined : request.clone();
    const token = tokens.peek() ?? (await tokens.current(request.signal));
    const response = await fetch(authorize(request, token));
    if (response.status !== 401) return response;
    let renewed: string;
    try {
      renewed = await tokens.renew(token, request.signal);
    } catch (error) {
      await response.body?.cancel().catch(() => undefined);
      throw error;
    }
    if (renewed === token) return response;
    await response.body?.cancel().catch(() => undefined);
    return fetch(authorize(replay ?? new Request(request), renewed));
  };
}
