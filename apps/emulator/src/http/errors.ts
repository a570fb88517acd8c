/**
 * Error answers in the server's shape, `{error, exception, timestamp, duration, error_description}`.
 * State errors name a documented example (`fail('groupNotFound', groupId)`); its type, status and
 * message come from the bundled spec, with the example's placeholders (`XX`, sample IDs such as
 * `6621186077491` or `user10`) replaced by the request's values.
 */
import type { JsonObject, NamedExample, OperationInfo } from '../spec/document.js';

/** A ready answer with a status that is not the operation's success. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: JsonObject,
    readonly headers: Record<string, string> = {},
  ) {
    super(String(body['error_description'] ?? body['error'] ?? status));
  }
}

/**
 * An error from state, answered with the operation's named example of that name. Areas of the spec
 * name the same error differently (`groupNotFound`, `roomNotFound`): the first name the operation
 * documents is used, else the first the spec documents anywhere.
 */
export class DocumentedError extends Error {
  readonly examples: readonly string[];

  constructor(
    example: string | readonly string[],
    readonly values: ReadonlyArray<string | readonly string[]>,
    /** For an error of an operation the bundled spec does not document yet: status, type, message. */
    readonly fallback?: readonly [number, string, string],
  ) {
    const examples = typeof example === 'string' ? [example] : example;
    super(examples.join(' | '));
    this.examples = examples;
  }
}

export function fail(example: string | readonly string[], ...values: Array<string | readonly string[]>): never {
  throw new DocumentedError(example, values);
}

/** Like fail(), for an error that a later spec is expected to document under that name. */
export function failUndocumented(example: string, fallback: readonly [number, string, string], ...values: string[]): never {
  throw new DocumentedError(example, values, fallback);
}

const DEFAULT_EXCEPTION = 'com.easemob.emulator.EmulatorException';
// The documented examples write the values they stand for as XX, XXX, ..., or as sample IDs.
const PLACEHOLDER = /X{2,}|\b\d{10,}\b|\buser\d+(?:, user\d+)*/g;

export function fillPlaceholders(description: string, values: ReadonlyArray<string | readonly string[]>): string {
  let index = 0;
  return description.replace(PLACEHOLDER, placeholder => {
    const value = values[index++];
    if (value === undefined) return placeholder;
    return typeof value === 'string' ? value : value.join(', ');
  });
}

export function errorBody(error: string, description: string, now: number, exception = DEFAULT_EXCEPTION): JsonObject {
  return { error, exception, timestamp: now, duration: 0, error_description: description };
}

function fromExample(example: NamedExample, values: ReadonlyArray<string | readonly string[]>, now: number): HttpError {
  const { error, error_description: description, exception } = example.value;
  return new HttpError(
    example.status,
    errorBody(String(error), fillPlaceholders(String(description ?? ''), values), now, typeof exception === 'string' ? exception : undefined),
  );
}

/**
 * Named examples across the whole spec, for an operation that does not document an error the
 * state can still produce (a room that does not exist, on an operation whose page lists no 404).
 * Where several operations document the same name, the most common wording wins.
 */
export class ErrorCatalog {
  private readonly byName = new Map<string, NamedExample>();
  private readonly byOperation: Map<string, OperationInfo>;

  constructor(operations: OperationInfo[]) {
    this.byOperation = new Map(operations.map(operation => [operation.operationId, operation]));
    const tallies = new Map<string, Map<string, { example: NamedExample; count: number }>>();
    for (const operation of operations) {
      for (const [name, example] of operation.errorExamples) {
        const variants = tallies.get(name) ?? new Map();
        tallies.set(name, variants);
        const wording = `${example.status} ${String(example.value['error'])} ${fillPlaceholders(String(example.value['error_description']), ['', '', '', ''])}`;
        const tally = variants.get(wording) ?? { example, count: 0 };
        tally.count++;
        variants.set(wording, tally);
      }
    }
    for (const [name, variants] of tallies) {
      const [best] = [...variants.values()].sort((a, b) => b.count - a.count);
      this.byName.set(name, best!.example);
    }
  }

  /** A name, or `operationId#name` for that operation's example whatever the current one documents. */
  find(operation: OperationInfo | undefined, name: string): NamedExample | undefined {
    const hash = name.indexOf('#');
    if (hash !== -1) return this.byOperation.get(name.slice(0, hash))?.errorExamples.get(name.slice(hash + 1)) ?? this.find(undefined, name.slice(hash + 1));
    return operation?.errorExamples.get(name) ?? this.byName.get(name);
  }

  /** The answer to a DocumentedError raised while serving `operation`. */
  answer(operation: OperationInfo | undefined, error: DocumentedError, now: number): HttpError {
    const example = this.pick(operation, error.examples);
    if (example) return fromExample(example, error.values, now);
    if (!error.fallback) throw new Error(`No documented example named ${error.message} in the spec`);
    const [status, type, description] = error.fallback;
    return new HttpError(status, errorBody(type, fillPlaceholders(description, error.values), now));
  }

  private pick(operation: OperationInfo | undefined, names: readonly string[]): NamedExample | undefined {
    for (const name of names) {
      const own = name.includes('#') ? this.find(undefined, name) : operation?.errorExamples.get(name);
      if (own) return own;
    }
    for (const name of names) {
      const anywhere = this.find(undefined, name);
      if (anywhere) return anywhere;
    }
    return undefined;
  }
}
