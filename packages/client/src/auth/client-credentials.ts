import { isUsableToken } from "./bearer.js";
import type { IssuedToken } from "./cached-source.js";
import { cleanText, TokenRequestError } from "./token-request-error.js";
import type { FetchLike } from "./types.js";

/** Client credentials after validation, with the share of `expires_in` resolved. */
export interface CheckedCredentials {
  clientId: string;
  clientSecret: string;
  ttl: number | undefined;
  renewAfter: number;
}

function parse(text: string): Record<string, unknown> {
  try {
    const body: unknown = JSON.parse(text);
    return typeof body === "object" && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * `POST tokenUrl` with `{grant_type: "client_credentials", client_id, client_secret, ttl?}`. The
 * token is due for renewal once `renewAfter × expires_in` seconds have passed since the request was
 * sent (`expires_in` 0: never). Any failure is a `TokenRequestError` without the secret or a token.
 */
export async function requestAppToken(
  credentials: CheckedCredentials,
  tokenUrl: string,
  fetch: FetchLike,
  now: () => number,
): Promise<IssuedToken> {
  const { clientId, clientSecret, ttl, renewAfter } = credentials;
  const request = new Request(tokenUrl, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify({
      grant_type: "client_credentials",
      client_id: clientId,
      client_secret: clientSecret,
      ...(ttl === undefined ? {} : { ttl }),
    }),
  });
  const sentAt = now();
  let response: Response;
  let text: string;
  try {
    response = await fetch(request);
  } catch (cause) {
    throw new TokenRequestError({}, "the token endpoint could not be reached", { cause });
  }
  try {
    text = await response.text();
  } catch (cause) {
    throw new TokenRequestError({ status: response.status }, "the answer could not be read", { cause });
  }
  const body = parse(text);
  if (!response.ok) {
    const secrets = [clientSecret];
    throw new TokenRequestError({
      status: response.status,
      error: cleanText(body.error, secrets),
      error_description: cleanText(body.error_description, secrets),
      exception: cleanText(body.exception, secrets),
    });
  }
  const { access_token: token, expires_in: expiresIn } = body;
  if (!isUsableToken(token)) {
    throw new TokenRequestError({ status: response.status }, "the answer has no usable access_token");
  }
  if (typeof expiresIn !== "number" || !Number.isFinite(expiresIn) || expiresIn < 0) {
    throw new TokenRequestError({ status: response.status }, "the answer has no valid expires_in");
  }
  return { token, renewAt: expiresIn === 0 ? Infinity : sentAt + renewAfter * expiresIn * 1000 };
}
