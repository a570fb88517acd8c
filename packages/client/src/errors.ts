import type { DocumentedErrors, OperationId } from "./generated/operations.js";

/** Thrown before anything is sent when a call or the client's configuration is invalid. */
export class InvalidRequestError extends TypeError {
  override readonly name = "InvalidRequestError";
  /** The option or parameter at fault, e.g. `path.username` or `config.host`. */
  readonly field: string;

  constructor(field: string, reason: string) {
    super(`${field} ${reason}`);
    this.field = field;
  }
}

/** Where a failed call went: never a header, a token or a query string. */
export interface ErrorContext {
  operationId?: OperationId | undefined;
  /** HTTP method (upper-cased in the error). */
  method: string;
  /** The spec's path template, e.g. `/chatgroups/{group_id}/users/{username}`. */
  path: string;
  /** The path actually requested (with the org/app prefix), without query; when known. */
  urlPath?: string | undefined;
}

export interface ApiErrorFields extends ErrorContext {
  status: number;
  error: string;
  errorDescription: string;
  exception?: string | undefined;
}

const MAX_TEXT = 200;

/** Bearer credentials a server or proxy might echo are cut out before they reach an error. */
const redact = (text: string) => text.replace(/\bBearer\s+\S+/gi, "Bearer [redacted]");

/** A text (non-JSON) body, e.g. a proxy's HTML page: one line, at most MAX_TEXT characters. */
function excerpt(text: string): string | undefined {
  const flat = text.replace(/<[^>]*>/g, " ").replace(/\s+/g, " ").trim();
  if (flat === "") return undefined;
  return flat.length > MAX_TEXT ? `${flat.slice(0, MAX_TEXT)}…` : flat;
}

/**
 * An answer the server refused (any status >= 400), with the fields of its error body:
 * `error` (a stable type such as `forbidden_op`; `""` when the body carried none),
 * `errorDescription`, `exception`, plus the operation, method and path it answered.
 * Operation methods throw it; `toResult` hands it back as `{ error }` instead.
 */
export class EasemobApiError extends Error {
  override readonly name = "EasemobApiError";
  readonly status: number;
  readonly error: string;
  readonly errorDescription: string;
  readonly exception: string | undefined;
  readonly operationId: OperationId | undefined;
  readonly method: string;
  readonly path: string;
  readonly urlPath: string | undefined;

  constructor(fields: ApiErrorFields) {
    const where = `${fields.operationId ? `${fields.operationId} ` : ""}(${fields.method} ${fields.path})`;
    const what = `${fields.status}${fields.error ? ` ${fields.error}` : ""}`;
    const description = fields.errorDescription.trim();
    super(`${where} failed: ${what}${description ? `: ${description}` : ""}`);
    this.status = fields.status;
    this.error = fields.error;
    this.errorDescription = fields.errorDescription;
    this.exception = fields.exception;
    this.operationId = fields.operationId;
    this.method = fields.method;
    this.path = fields.path;
    this.urlPath = fields.urlPath;
  }

  /**
   * Builds the error from a refused response and its body as openapi-fetch hands it over: parsed
   * JSON, or the raw text when the body was not JSON (a proxy's HTML page), or nothing.
   */
  static from(response: Response, body: unknown, context: ErrorContext): EasemobApiError {
    const fields = typeof body === "object" && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
    const text = (key: string) => (typeof fields[key] === "string" ? (fields[key] as string) : undefined);
    const description =
      text("error_description") ??
      (typeof body === "string" ? excerpt(body) : undefined) ??
      (response.statusText || `HTTP ${response.status}`);
    let urlPath = context.urlPath;
    if (urlPath === undefined && response.url) urlPath = new URL(response.url).pathname;
    return new EasemobApiError({
      status: response.status,
      error: text("error") ?? "",
      errorDescription: redact(description),
      exception: text("exception"),
      operationId: context.operationId,
      method: context.method.toUpperCase(),
      path: context.path,
      urlPath,
    });
  }
}

type Documented<Id extends OperationId> = DocumentedErrors[Id];

/** The documented error statuses of an operation, e.g. `401 | 403 | 404 | 429 | 503`. */
export type ErrorStatusOf<Id extends OperationId> = keyof Documented<Id> & number;

/** The documented `error` types of an operation (from its examples), e.g. `"forbidden_op" | "exceed_limit" | ...`. */
export type ErrorTypeOf<Id extends OperationId> = Documented<Id>[keyof Documented<Id>];

/**
 * The error an operation's call can produce, narrowed from the spec: switching on `status`
 * narrows `error` to that status's documented types. These are the documented answers; an
 * undocumented one still arrives at run time as an `EasemobApiError`, so keep a default branch.
 */
export type ApiErrorOf<Id extends OperationId> = [OperationId] extends [Id]
  ? EasemobApiError
  : Id extends OperationId
    ? {
        [S in ErrorStatusOf<Id>]: EasemobApiError & { readonly operationId: Id; readonly status: S; readonly error: Documented<Id>[S] };
      }[ErrorStatusOf<Id>]
    : never;

/** Whether `value` is an `EasemobApiError`, optionally from the operation `id` (narrowing its fields). */
export function isApiError<Id extends OperationId = OperationId>(value: unknown, id?: Id): value is ApiErrorOf<Id> {
  return value instanceof EasemobApiError && (id === undefined || value.operationId === id);
}

export type Result<T, E> = { data: T; error?: undefined } | { data?: undefined; error: E };

/**
 * A promise from an operation method: a plain `Promise<T>` whose type also remembers the
 * operation, so that `toResult` can type its error (no run-time difference).
 */
export type OperationPromise<T, Id extends OperationId> = Promise<T> & { readonly "~operation"?: Id };

/**
 * `{ data }` when the call succeeds, `{ error }` when the server refused it (an
 * `EasemobApiError`, narrowed to the operation's documented errors). Anything else — a
 * refused parameter (`InvalidRequestError`), an abort, a network failure — still rejects.
 */
export async function toResult<T, Id extends OperationId = OperationId>(
  call: OperationPromise<T, Id> | Promise<T>,
): Promise<Result<T, ApiErrorOf<Id>>> {
  try {
    return { data: await call };
  } catch (error) {
    if (error instanceof EasemobApiError) return { error: error as ApiErrorOf<Id> };
    throw error;
  }
}
