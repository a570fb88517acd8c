import createFetchClient, { type Client, type ClientOptions } from "openapi-fetch";
import { baseUrlOf, type Endpoint } from "./base-url.js";
import { InvalidRequestError } from "./errors.js";
import type { paths } from "./generated/schema.js";
import { pathGuard } from "./path-guard.js";

/** Where the API is, plus openapi-fetch options (a custom `fetch`, serializers...). */
export type ClientConfig = Endpoint & Omit<ClientOptions, "baseUrl" | "headers">;

export type EasemobClient = Client<paths>;

const endpointKeys = new Set(["host", "orgName", "appName", "appId", "baseUrl"]);

/**
 * A typed openapi-fetch client for the Easemob IM REST API that sends
 * `Authorization: Bearer <token>` and refuses, before sending, path values that
 * would address a different resource.
 */
export function createClient(config: ClientConfig, token: string): EasemobClient {
  if (typeof token !== "string" || token.trim() === "") {
    throw new InvalidRequestError("token", "must be a non-empty string");
  }
  if (/[\r\n]/.test(token)) throw new InvalidRequestError("token", "must not contain line breaks");
  const options: Omit<ClientOptions, "baseUrl" | "headers"> = Object.fromEntries(
    Object.entries(config).filter(([key]) => !endpointKeys.has(key)),
  );
  const client = createFetchClient<paths>({
    ...options,
    baseUrl: baseUrlOf(config),
    headers: { Accept: "application/json", Authorization: `Bearer ${token}` },
  });
  client.use(pathGuard);
  return client;
}
