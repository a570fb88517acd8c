import { tokenOperationId } from "../generated/path-rules.js";

export interface TokenRequestErrorFields {
  /** HTTP status of the token endpoint's answer; `undefined` when no answer arrived (network failure). */
  status?: number | undefined;
  /** `error` of the error body, e.g. `invalid_grant`. */
  error?: string | undefined;
  /** `error_description` of the error body, e.g. `client_secret does not match`. */
  error_description?: string | undefined;
  /** `exception` of the error body (the server's Java exception class). */
  exception?: string | undefined;
}

/**
 * The token endpoint (`POST /token`) did not hand out a usable app token: it refused the request
 * (`status`, `error`, `error_description` from its body), answered without a usable token or with a
 * redirect, or could not be reached (`status` undefined, the network error as `cause`). Never carries
 * the client secret or any token: text from the server is cleaned of both, and capped, before it is
 * kept.
 */
export class TokenRequestError extends Error {
  override readonly name = "TokenRequestError";
  readonly operationId = tokenOperationId;
  readonly status: number | undefined;
  readonly error: string | undefined;
  readonly error_description: string | undefined;
  readonly exception: string | undefined;

  constructor(fields: TokenRequestErrorFields, reason?: string, options?: { cause?: unknown }) {
    const what = fields.status === undefined ? "no answer" : `${fields.status}${fields.error ? ` ${fields.error}` : ""}`;
    const detail = reason ?? fields.error_description;
    super(`App token request failed: ${what}${detail ? `: ${detail}` : ""}`, options);
    this.status = fields.status;
    this.error = fields.error;
    this.error_description = fields.error_description;
    this.exception = fields.exception;
  }

  /** The same as `error_description` (the spelling the package's other errors use). */
  get errorDescription(): string | undefined {
    return this.error_description;
  }
}
