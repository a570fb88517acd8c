export type { Auth, ClientCredentials, FetchLike, TokenContext, TokenFunction, TokenSource } from "./types.js";
export { tokenSource } from "./token-source.js";
export { withAuth } from "./with-auth.js";
export { TokenRequestError, type TokenRequestErrorFields } from "./token-request-error.js";
