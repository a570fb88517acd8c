/** What a resource module provides: handlers by operationId, and how its documented errors arise. */
import type { IncomingHttpHeaders } from 'node:http';
import type { Tokens } from '../auth.js';
import type { OperationInfo } from '../spec/document.js';
import type { AppState } from '../state/model.js';

export interface EmulatorSettings {
  /** A user that was never registered is created on first use instead of being "not found". */
  autoCreateUsers: boolean;
  /** Per-user limits behind "has joined too many groups/chatrooms" (plan-dependent on the real service). */
  maxGroupsPerUser: number;
  maxChatroomsPerUser: number;
  /** Contacts per user (documented: 100 on the free edition, 3,000 on Pro and Flagship). */
  maxContactsPerUser: number;
  /** How long after sending a message can be recalled without `force` (documented default: 2 minutes). */
  recallWindowMs: number;
}

/** One validated request, as a handler sees it. */
export interface Call {
  operation: OperationInfo;
  /** Path parameters, decoded and converted to their schema's types (arrays split on commas). */
  path: Record<string, any>;
  query: Record<string, any>;
  body: any;
  headers: IncomingHttpHeaders;
  app: AppState;
  now: number;
  settings: EmulatorSettings;
  tokens: Tokens;
  /** The message of a documented error, filled in: the `reason` of a failed item in a batch answer. */
  reason(example: string | readonly string[], ...values: Array<string | readonly string[]>): string;
}

/**
 * Fields of the success answer. Where the operation's documented answer is an envelope
 * (`action`, `uri`, `timestamp`...), the server fills those in; a handler gives `data`,
 * `entities`, `count`, `properties` or whatever else differs.
 */
export type Fields = Record<string, unknown>;

export type Handler = (call: Call) => Fields;

/** How one named error example of an operation is produced. */
export type ErrorSource =
  | 'state'
  /** From request validation (a documented limit such as 60 names per call). */
  | 'validation'
  /** Not produced, with the reason (a server internal, a feature not emulated). */
  | { not: string };

/** A validation failure the docs answer with a named example: which field, which keyword. */
export interface InvalidMapping {
  field: string;
  keyword?: string;
  example: string;
}

export interface ResourceModule {
  resource: string;
  handlers: Record<string, Handler>;
  /** operationId → example name → how it arises. */
  errors?: Record<string, Record<string, ErrorSource>>;
  /** operationId → validation failures answered with a documented example. */
  invalid?: Record<string, InvalidMapping[]>;
}

/** Why `applicationNotFound` rows are not produced. */
export const APP_ALWAYS_EXISTS: ErrorSource = { not: 'every org/app exists in the emulator: it is created on first use' };
