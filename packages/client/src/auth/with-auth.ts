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
  const renewing = async (request: Request, replay: Request | undefined, token: string, response: Response) => {
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
  const sending = (request: Request, token: string) => {
    const replay = request.body === null ? undefined : request.clone();
    return fetch(authorize(request, token)).then((response) => (response.status === 401 ? renewing(request, replay, token, response) : response));
  };
  // Promise-chained rather than async: a call with the token at hand allocates no extra frames.
  return (request) => {
    try {
      if (request.headers.has("Authorization")) return fetch(request);
      const token = tokens.peek();
      if (token !== undefined) return sending(request, token);
      return tokens.current(request.signal).then((current) => sending(request, current));
    } catch (error) {
      return Promise.reject(error);
    }
  };
}
