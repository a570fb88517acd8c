import type { HeadersOptions, Middleware } from "openapi-fetch";
import type { OperationPromise } from "../errors.js";
import type { OperationId, operationsById } from "../generated/operations.js";
import type { components, operations } from "../generated/schema.js";

type Op<Id extends OperationId> = operations[Id];
type Table = typeof operationsById;
/** `{}` for a missing (`never`/`undefined`) parameter group. */
type Group<T> = [NonNullable<T>] extends [never] ? {} : NonNullable<T>;
type Flat<T> = { [K in keyof T]: T[K] } & {};

/** Path and query parameters of an operation, in one object: `{ group_id, pagenum?, pagesize? }`. */
export type ParamsOf<Id extends OperationId> = Flat<Group<Op<Id>["parameters"]["path"]> & Group<Op<Id>["parameters"]["query"]>>;

/** The names of an operation's file parts (multipart uploads), from the generated table. */
type FilePartOf<Id extends OperationId> = Table[Id] extends { multipart: readonly (infer F extends string)[] } ? F : never;

/** A file's content: a Blob or File (named after itself), bytes, or text (named after the part). */
export type FileContent = Blob | Uint8Array<ArrayBuffer> | ArrayBuffer | string;

/** A multipart body: its fields, each file part as a `FileContent`; or a ready FormData. */
type FormBody<B, Files extends string> = { [K in keyof B]: K extends Files ? FileContent : B[K] } | FormData;

type MessageContent = components["schemas"]["MessageContent"];

/**
 * A body that carries a message (`type` and `body`: the sends and imports) with `body` exactly the
 * one its `type` documents. The spec's schema intersects a loose `body` (any object) with the typed
 * forms, so without this `{ type: "custom", body: { msg } }` would compile.
 */
type TypedMessage<B> = B extends { type: infer T; body: unknown }
  ? [Extract<MessageContent, { type: T }>] extends [never]
    ? B
    : { [K in keyof B]: K extends "body" ? Extract<MessageContent, { type: T }>["body"] : B[K] }
  : B;

type ContentOf<Id extends OperationId> = NonNullable<Op<Id>["requestBody"]> extends { content: infer C } ? C : never;

/**
 * The request body of an operation: JSON (a message typed by its `type`), multipart fields, or
 * form fields (sent as `application/x-www-form-urlencoded`); `never` when it takes none.
 */
export type BodyOf<Id extends OperationId> = [NonNullable<Op<Id>["requestBody"]>] extends [never]
  ? never
  : ContentOf<Id> extends { "application/json": infer B }
    ? TypedMessage<B>
    : ContentOf<Id> extends { "multipart/form-data": infer B }
      ? FormBody<B, FilePartOf<Id>>
      : ContentOf<Id> extends { "application/x-www-form-urlencoded": infer B }
        ? B
        : never;

/** The parsed 200 answer of an operation: the JSON body, or a Blob for a file download (a stream with `{ as: "stream" }`). */
export type DataOf<Id extends OperationId> = Op<Id>["responses"] extends { 200: { content: { "application/json": infer D } } }
  ? D
  : Op<Id>["responses"] extends { 200: { content: { "application/octet-stream": unknown } } }
    ? Blob
    : unknown;

/**
 * Per-call options: an abort signal, extra headers (e.g. the mock's `Prefer`), middleware... Not a
 * `fetch`: one given per call would bypass auth and retries (give it as `config.fetch`).
 */
export type CallInit = Omit<RequestInit, "body" | "headers" | "method"> & {
  headers?: HeadersOptions;
  middleware?: Middleware[];
};

/** Who a call goes as, where the spec gives a choice: without a token, or with a user's token. */
export interface AuthInit {
  /** Send without the app token, where the spec allows it (`getToken`, open `registerUsers`). */
  anonymous?: boolean;
  /** The user's token, for an operation that accepts only that (`setUserPushTemplate`). */
  userToken?: string;
}

/** Per-call options of one operation: `anonymous` only where the spec allows it, `userToken` required where it is the only way. */
export type CallInitOf<Id extends OperationId> = CallInit &
  (Table[Id] extends { anonymous: true } ? Pick<AuthInit, "anonymous"> : Table[Id] extends { userToken: true } ? Required<Pick<AuthInit, "userToken">> : {});

/** A file download read as a stream of its bytes instead of a Blob. */
export interface StreamInit {
  as: "stream";
}

type InitArg<Id extends OperationId> = Table[Id] extends { userToken: true } ? [init: CallInitOf<Id>] : [init?: CallInitOf<Id>];

type ParamsArg<Id extends OperationId> = {} extends ParamsOf<Id> ? [params?: ParamsOf<Id>] : [params: ParamsOf<Id>];

/** A download: a Blob, or with `{ as: "stream" }` the body's stream, to pipe a large file without holding it. */
type DownloadMethod<Id extends OperationId> = {
  (params: ParamsOf<Id>, init: CallInitOf<Id> & StreamInit): OperationPromise<ReadableStream<Uint8Array<ArrayBuffer>>, Id>;
  (params: ParamsOf<Id>, init?: CallInitOf<Id> & { as?: "blob" }): OperationPromise<Blob, Id>;
};

/**
 * `(params, init?)` for an operation without a body, `(params, body, init?)` for one with a
 * body. Resolves to the 200 answer; rejects with an `EasemobApiError` when the server refuses.
 */
export type OperationMethod<Id extends OperationId> = Table[Id] extends { binary: true }
  ? DownloadMethod<Id>
  : [BodyOf<Id>] extends [never]
    ? (...args: [...ParamsArg<Id>, init?: CallInitOf<Id>]) => OperationPromise<DataOf<Id>, Id>
    : (params: ParamsOf<Id>, body: BodyOf<Id>, ...init: InitArg<Id>) => OperationPromise<DataOf<Id>, Id>;

/** Every operation of the spec, callable by its operationId. */
export type OperationMethods = { readonly [Id in OperationId]: OperationMethod<Id> };

/** Operations whose list is paged (`pagenum`/`pagesize` or `cursor`/`limit`). */
export type PagedOperationId = { [Id in OperationId]: Table[Id] extends { paging: object } ? Id : never }[OperationId];

/** Operations that take a list of names whose size the spec may limit. */
export type BatchOperationId = { [Id in OperationId]: Table[Id] extends { batch: object } ? Id : never }[OperationId];
