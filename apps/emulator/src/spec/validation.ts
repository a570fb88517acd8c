/**
 * Request validation compiled once from the spec (JSON Schema 2020-12): one validator for the path
 * parameters, one for the query and one for the JSON body of each operation. Parameter values
 * arrive as text; they are split (arrays, comma-separated as the real server reads them) and
 * converted to the schema's type before validation.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import { resolveRef, type OpenApiDocument, type OperationInfo, type Parameter, type Schema } from './document.js';

export type Location = 'path' | 'query' | 'body';

export interface Violation {
  location: Location;
  /** The field that failed: a parameter name or a path into the body such as `usernames[2]`. */
  field: string;
  keyword: string;
  message: string;
}

type Coerce = (raw: string) => unknown;

interface CompiledParameter {
  name: string;
  coerce: Coerce;
}

export interface OperationValidator {
  path: CompiledParameter[];
  query: CompiledParameter[];
  validatePath: ValidateFunction;
  validateQuery: ValidateFunction;
  validateBody: ValidateFunction | undefined;
  /** For a `oneOf` body that failed: the errors of the branch the caller meant, if one stands out. */
  explainBody: ((body: unknown) => ErrorObject[] | undefined) | undefined;
}

const SPEC_ID = 'spec';
const NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;

/** A copy of an inline schema whose local references point into the registered document. */
function rebase(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(rebase);
  if (!schema || typeof schema !== 'object') return schema;
  return Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [key, key === '$ref' && typeof value === 'string' && value.startsWith('#') ? SPEC_ID + value : rebase(value)]),
  );
}

function typesOf(document: OpenApiDocument, schema: Schema | undefined): string[] {
  const resolved = schema && resolveRef<Schema>(document, schema);
  const type = resolved?.type;
  return type === undefined ? [] : Array.isArray(type) ? type : [type];
}

function scalarCoercer(types: string[]): Coerce {
  if (types.includes('integer') || types.includes('number')) return raw => (NUMBER.test(raw) ? Number(raw) : raw);
  if (types.includes('boolean')) return raw => (raw === 'true' ? true : raw === 'false' ? false : raw);
  return raw => raw;
}

function coercerOf(document: OpenApiDocument, parameter: Parameter): Coerce {
  const types = typesOf(document, parameter.schema);
  if (!types.includes('array')) return scalarCoercer(types);
  const items = resolveRef<Schema>(document, parameter.schema!).items;
  const item = scalarCoercer(typesOf(document, items));
  return raw => raw.split(',').map(item);
}

function objectSchema(parameters: Parameter[]): unknown {
  return {
    type: 'object',
    properties: Object.fromEntries(parameters.map(p => [p.name, rebase(p.schema ?? {})])),
    required: parameters.filter(p => p.required || p.in === 'path').map(p => p.name),
  };
}

function fieldOf(error: ErrorObject): string {
  const parts = error.instancePath.split('/').slice(1).map(part => part.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (error.keyword === 'required') parts.push(String(error.params['missingProperty']));
  if (error.keyword === 'additionalProperties') parts.push(String(error.params['additionalProperty']));
  return parts.reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path ? `${path}.${part}` : part), '');
}

/**
 * The violation to report among Ajv's errors. In a `oneOf`, the branches whose discriminating
 * `enum`/`const` failed are not the one the caller meant: report an error from another branch.
 */
function pickError(errors: ErrorObject[]): ErrorObject {
  const wrongBranches = errors
    .filter(error => error.keyword === 'enum' || error.keyword === 'const')
    .map(error => error.schemaPath.replace(/\/properties\/.*$/, ''));
  const meaningful = errors.filter(
    error =>
      error.keyword !== 'oneOf' &&
      error.keyword !== 'anyOf' &&
      !(wrongBranches.length < errors.length && wrongBranches.some(branch => branch.includes('/oneOf/') && error.schemaPath.startsWith(branch))),
  );
  return meaningful[0] ?? errors[0]!;
}

export function describeErrors(location: Location, errors: ErrorObject[]): Violation {
  const error = pickError(errors);
  const field = fieldOf(error) || (location === 'body' ? '' : 'parameters');
  const where = location === 'body' ? (field ? `Request body property ${field}` : 'Request body') : `Request ${location} parameter ${field}`;
  const problem = error.keyword === 'required' ? 'is required' : (error.message ?? 'is invalid');
  return { location, field, keyword: error.keyword, message: `${where} ${problem}` };
}

/** A branch's error that says the value is not of that branch: its `type`, or a discriminating property. */
const discriminates = (error: ErrorObject) =>
  (error.keyword === 'type' && error.instancePath === '') || ((error.keyword === 'enum' || error.keyword === 'const') && error.instancePath.split('/').length === 2);

/**
 * Ajv reports a failed `oneOf` with every branch's first error, and with schema paths relative to
 * each `$ref` target: which branch the caller meant cannot be told from them. Each branch is
 * checked on its own instead, with all its errors, once a body has failed (never on success).
 */
function branchExplainer(ajv: Ajv2020, document: OpenApiDocument, schema: Schema): OperationValidator['explainBody'] {
  const branches = resolveRef<Schema>(document, schema)['oneOf'];
  if (!Array.isArray(branches)) return undefined;
  let compiled: ValidateFunction[] | undefined;
  return body => {
    compiled ??= branches.map(branch => ajv.compile(rebase(branch) as object));
    const failures = compiled.map(validate => (validate(body) ? [] : [...(validate.errors ?? [])]));
    return failures.find(errors => errors.length > 0 && !errors.some(discriminates));
  };
}

function newAjv(document: OpenApiDocument, allErrors: boolean): Ajv2020 {
  // Formats are checked; `int64` and `int32` are OpenAPI's names for integer ranges.
  const ajv = new Ajv2020({ strict: false, validateSchema: false, allErrors });
  formats.default(ajv);
  ajv.addFormat('int64', { type: 'number', validate: Number.isInteger });
  ajv.addFormat('int32', { type: 'number', validate: value => Number.isInteger(value) && Math.abs(value) <= 2 ** 31 });
  ajv.addSchema(document, SPEC_ID);
  return ajv;
}

export function createValidators(document: OpenApiDocument, operations: OperationInfo[]): Map<OperationInfo, OperationValidator> {
  const ajv = newAjv(document, false);
  const explaining = newAjv(document, true);
  const validators = new Map<OperationInfo, OperationValidator>();
  for (const operation of operations) {
    const path = operation.parameters.filter(p => p.in === 'path');
    const query = operation.parameters.filter(p => p.in === 'query');
    const compile = (parameters: Parameter[]) => parameters.map(p => ({ name: p.name, coerce: coercerOf(document, p) }));
    validators.set(operation, {
      path: compile(path),
      query: compile(query),
      validatePath: ajv.compile(objectSchema(path) as object),
      validateQuery: ajv.compile(objectSchema(query) as object),
      validateBody: operation.bodySchema ? ajv.compile(rebase(operation.bodySchema) as object) : undefined,
      explainBody: operation.bodySchema ? branchExplainer(explaining, document, operation.bodySchema) : undefined,
    });
  }
  return validators;
}
