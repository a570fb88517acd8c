import type { DocumentedErrors, OperationId } from "./generated/operations.js";
import { excerpt, serverText, type Redactor } from "./server-text.js";

export type { Redactor };

/**
 * Thrown before anything is sent when a call or the client's configuration is invalid. Not a
 * `TypeError`: nothing here is a network failure, and nothing retries it.
 */
export class InvalidRequestError extends Error {
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

const nothingToRedact: Redactor = { redact: (text) => text.replace(/\bBearer\s+[\x21-\x7E]+/gi, "Bearer [redacted]") };

/** One problem a validating server (the mock) found in the request. */
export interface Violation {
  /** Where, as a field path: `body.usernames`, `query.pagesize`, `body.targets[2]`. */
  path: string;
  message: string;
}

export interface ApiErrorFields extends ErrorContext {
  status: number;
  error: string;
  errorDescription: string;
  exception?: string | undefined;
  violations?: readonly Violation[] | undefined;
}

const MAX_VIOLATIONS = 20;

/** `["request", "body", "targets", 2]` → `body.targets[2]`. */
function fieldPath(location: unknown): string {
  const parts = Array.isArray(location) ? location : [];
  const named = parts[0] === "request" ? parts.slice(1) : parts;
  return named.reduce<string>((path, part) => (typeof part === "number" ? `${path}[${part}]` : path ? `${path}.${String(part)}` : String(part)), "");
}

/**
 * Request problems the answer reports: Prism's `sl-violations` header (with a documented 400)
 * or the `validation` list of its problem+json body (a 422), each `{ location, message }`.
 */
function violationsOf(response: Response, body: Record<string, unknown>, secrets: Redactor): Violation[] {
  let list: unknown = body["validation"];
  const header = response.headers.get("sl-violations");
  if (header) {
    try {
      list = JSON.parse(header);
    } catch {
      list = undefined;
    }
  }
  if (!Array.isArray(list)) return [];
  return list.slice(0, MAX_VIOLATIONS).flatMap((item: { location?: unknown; message?: unknown } | null) => {
    const message = serverText(item?.message, secrets, 300);
    return message === undefined ? [] : [{ path: serverText(fieldPath(item?.location), secrets, 200) ?? "", message }];
  });
}

/**
 * An answer the server refused (any status >= 400), with the fields of its error body:
 * `error` (a stable type such as `forbidden_op`; `""` when the body carried none),
 * `errorDescription`, `exception`, the request problems a validating server listed
 * (`violations`), plus the operation, method and path it answered. Server text is capped and
 * never carries the client's token or secret. Operation methods throw it; `toResult` hands it
 * back as `{ error }` instead.
 */
export class EasemobApiError extends Error {
  override readonly name = "EasemobApiError";
  readonly status: number;
  readonly error: string;
  readonly errorDescription: string;
  readonly exception: string | undefined;
  /** What a validating server (the mock) found wrong in the request; empty otherwise. */
  readonly violations: readonly Violation[];
  readonly operationId: OperationId | undefined;
  readonly method: string;
  readonly path: string;
  readonly urlPath: string | undefined;

  constructor(fields: ApiErrorFields) {
    const where = `${fields.operationId ? `${fields.operationId} ` : ""}(${fields.method} ${fields.path})`;
    const what = `${fields.status}${fields.error ? ` ${fields.error}` : ""}`;
    const description = fields.errorDescription.trim();
    const violations = fields.violations ?? [];
    const problems = violations.map((v) => (v.path ? `${v.path}: ${v.message}` : v.message)).join("; ");
    super(`${where} failed: ${what}${description ? `: ${description}` : ""}${problems ? ` [${problems}]` : ""}`);
    this.status = fields.status;
    this.error = fields.error;
    this.errorDescription = fields.errorDescription;
    this.exception = fields.exception;
    this.violations = violations;
    this.operationId = fields.operationId;
    this.method = fields.method;
    this.path = fields.path;
    this.urlPath = fields.urlPath;
  }

  /**
   * Builds the error from a refused response and its body as openapi-fetch hands it over: parsed
   * JSON, or the raw text when the body was not JSON (a proxy's HTML page), or nothing. `secrets`
   * cuts the client's credentials out of every text taken from the answer.
   */
  static from(response: Response, body: unknown, context: ErrorContext, secrets: Redactor = nothingToRedact): EasemobApiError {
    const fields = typeof body === "object" && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
    const text = (key: string, max?: number) => serverText(fields[key], secrets, max);
    const description =
      text("error_description") ??
      text("detail") ??
      text("title") ??
      (typeof body === "string" ? excerpt(body, secrets) : undefined) ??
      (response.statusText || `HTTP ${response.status}`);
    let urlPath = context.urlPath;
    if (urlPath === undefined && response.url) urlPath = new URL(response.url).pathname;
    return new EasemobApiError({
      status: response.status,
      error: text("error", 200) ?? "",
      errorDescription: description,
      exception: text("exception", 200),
      violations: violationsOf(response, fields, secrets),
      operationId: context.operationId,
      method: context.method.toUpperCase(),
      path: context.path,
      urlPath,
    });
  }
}

/**
 * A success status whose body is not the JSON the operation documents (a captive portal's or
 * proxy's HTML page, a truncated body): the data cannot be trusted, so the call fails.
 */
export class UnexpectedResponseError extends Error {
  override readonly name = "UnexpectedResponseError";
  readonly operationId: OperationId | undefined;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  /** The answer's `Content-Type`, `""` when it had none. */
  readonly contentType: string;
  /** The start of the body on one line (tags dropped, credentials cut out). */
  readonly bodyExcerpt: string;

  constructor(response: Response, bodyText: string, context: ErrorContext, secrets: Redactor = nothingToRedact) {
    const contentType = serverText(response.headers.get("Content-Type") ?? "", secrets, 100) ?? "";
    const where = `${context.operationId ? `${context.operationId} ` : ""}(${context.method.toUpperCase()} ${context.path})`;
    super(`${where} answered ${response.status} with ${contentType || "no content type"}, not JSON`);
    this.operationId = context.operationId;
    this.method = context.method.toUpperCase();
    this.path = context.path;
    this.status = response.status;
    this.contentType = contentType;
    this.bodyExcerpt = excerpt(bodyText, secrets) ?? "";
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
