import type { Secrets } from "../secrets.js";
import { serverText } from "../server-text.js";
import { isUsableToken } from "./bearer.js";
import type { IssuedToken } from "./cached-source.js";
import { TokenRequestError } from "./token-request-error.js";
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

const isRedirect = (response: Response) => response.type === "opaqueredirect" || (response.status >= 300 && response.status < 400);

/**
 * `POST tokenUrl` with `{grant_type: "client_credentials", client_id, client_secret, ttl?}`. The
 * token is due for renewal once `renewAfter × expires_in` seconds have passed since the request was
 * sent, and expires after `expires_in` (0: never). A redirect is refused, never followed: following
 * it would send the secret to wherever it points. Any failure is a `TokenRequestError` without the
 * secret or a token; `signal` aborts the request.
 */
export async function requestAppToken(
  credentials: CheckedCredentials,
  tokenUrl: string,
  fetch: FetchLike,
  now: () => number,
  secrets: Secrets,
  signal: AbortSignal,
): Promise<IssuedToken> {
  const { clientId, clientSecret, ttl, renewAfter } = credentials;
  const request = new Request(tokenUrl, {
    method: "POST",
    redirect: "manual",
    signal,
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
  if (isRedirect(response)) {
    await response.body?.cancel().catch(() => undefined);
    throw new TokenRequestError({ status: response.status }, "the token endpoint answered with a redirect, which is not followed (it would resend the secret)");
  }
  try {
    text = await response.text();
  } catch (cause) {
    throw new TokenRequestError({ status: response.status }, "the answer could not be read", { cause });
  }
  const body = parse(text);
  if (!response.ok) {
    throw new TokenRequestError({
      status: response.status,
      error: serverText(body.error, secrets, 200),
      error_description: serverText(body.error_description, secrets),
      exception: serverText(body.exception, secrets, 200),
    });
  }
  const { access_token: token, expires_in: expiresIn } = body;
  if (!isUsableToken(token)) {
    throw new TokenRequestError({ status: response.status }, "the answer has no usable access_token");
  }
  if (typeof expiresIn !== "number" || !Number.isFinite(expiresIn) || expiresIn < 0) {
    throw new TokenRequestError({ status: response.status }, "the answer has no valid expires_in");
  }
  secrets.add(token);
  if (expiresIn === 0) return { token, renewAt: Infinity, expiresAt: Infinity };
  return { token, renewAt: sentAt + renewAfter * expiresIn * 1000, expiresAt: sentAt + expiresIn * 1000 };
}
