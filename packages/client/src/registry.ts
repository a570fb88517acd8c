import type { FetchLike } from "./fetch-like.js";
import { Secrets } from "./secrets.js";

/** What a client made by `createClient` keeps for the operation calls made over it. */
export interface ClientParts {
  /** The credentials it sends, for the errors its calls build. */
  secrets: Secrets;
  /** Its retrying fetch without auth, for the calls the spec allows without a token. */
  anonymousFetch: FetchLike;
}

const byClient = new WeakMap<object, ClientParts>();
const noSecrets = new Secrets();

export function registerParts(client: object, parts: ClientParts): void {
  byClient.set(client, parts);
}

/** The credentials of `client`; an empty set for a client this package did not create. */
export const secretsOf = (client: object): Secrets => byClient.get(client)?.secrets ?? noSecrets;

/** The anonymous fetch of `client`; `undefined` for a client this package did not create. */
export const anonymousFetchOf = (client: object): FetchLike | undefined => byClient.get(client)?.anonymousFetch;
