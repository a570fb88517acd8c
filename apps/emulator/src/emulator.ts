/**
 * The request pipeline: prefix → route → auth → faults → body → validation → handler (or the
 * documented example) → answer. Everything per operation is derived from the bundled spec at
 * start-up; nothing here knows an operation by name.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { Tokens, type Credentials } from './auth.js';
import { Clock } from './clock.js';
import { ControlPlane } from './control/control-plane.js';
import { Faults } from './faults.js';
import { BodyTooLarge, EMPTY_BODY, hasBody, MAX_BODY_BYTES, parseForm, parseJson, readBody } from './http/body.js';
import { envelopeKeys, successBody, type RequestFacts } from './http/envelope.js';
import { DocumentedError, ErrorCatalog, HttpError, errorBody } from './http/errors.js';
import { HANDLERS, INVALID_MAPPINGS } from './resources/index.js';
import type { Call, EmulatorSettings, Handler, InvalidMapping } from './resources/module.js';
import { operationsOf, type OpenApiDocument, type OperationInfo, type PrefixKind } from './spec/document.js';
import { Router } from './spec/router.js';
import { createValidators, describeErrors, type OperationValidator, type Violation } from './spec/validation.js';
import { Store } from './state/store.js';

export interface EmulatorConfig {
  document: OpenApiDocument;
  controlPlane: OpenApiDocument;
  credentials: Credentials | undefined;
  settings: EmulatorSettings;
}

interface Served {
  operation: OperationInfo;
  validator: OperationValidator;
  keys: string[] | undefined;
  handler: Handler | undefined;
  invalid: InvalidMapping[];
}

const JSON_TYPE = 'application/json;charset=UTF-8';
/** Marks answers served from the spec's example because the resource is not modelled. */
export const EXAMPLE_HEADER = 'x-easemob-emulator';

function decodeSegments(path: string): string[] | undefined {
  try {
    return path.split('/').slice(1).map(decodeURIComponent);
  } catch {
    return undefined;
  }
}

/** `*` in a mapping's field stands for any one key or index: `metaData.*`, `[*].username`. */
function fieldPattern(field: string): RegExp {
  return new RegExp(`^${field.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^.\\[\\]]+')}$`);
}

function fieldMatches(mapping: InvalidMapping, violation: Violation): boolean {
  if (mapping.keyword && mapping.keyword !== violation.keyword) return false;
  return mapping.field.includes('*') ? fieldPattern(mapping.field).test(violation.field) : mapping.field === violation.field;
}

export class Emulator {
  readonly store = new Store();
  readonly clock = new Clock();
  readonly faults = new Faults();
  readonly tokens: Tokens;
  readonly operations: OperationInfo[];
  private readonly served = new Map<OperationInfo, Served>();
  private readonly router: Router;
  private readonly catalog: ErrorCatalog;
  private readonly controlPlane: ControlPlane;

  constructor(private readonly config: EmulatorConfig) {
    this.tokens = new Tokens(config.credentials);
    this.operations = operationsOf(config.document);
    this.router = new Router(this.operations);
    this.catalog = new ErrorCatalog(this.operations);
    const validators = createValidators(config.document, this.operations);
    for (const operation of this.operations) {
      this.served.set(operation, {
        operation,
        validator: validators.get(operation)!,
        keys: envelopeKeys(operation),
        handler: HANDLERS.get(operation.operationId),
        invalid: INVALID_MAPPINGS.get(operation.operationId) ?? [],
      });
    }
    this.controlPlane = new ControlPlane(this, config.controlPlane);
  }

  /** Operations answered from their documented example: no module models their resource. */
  get exampleOperations(): OperationInfo[] {
    return this.operations.filter(operation => !this.served.get(operation)!.handler);
  }

  reset(app?: string): void {
    this.store.reset(app);
    this.tokens.reset(app);
  }

  readonly listener = (request: IncomingMessage, response: ServerResponse): void => {
    this.handle(request, response).catch((error: unknown) => {
      console.error('easemob-emulator: internal error', error);
      if (!response.headersSent) this.send(response, 500, errorBody('internal_error', 'The emulator failed to answer this request', this.clock.now()));
      else response.destroy();
    });
  };

  send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    const text = JSON.stringify(body);
    response.writeHead(status, { 'content-type': JSON_TYPE, 'content-length': Buffer.byteLength(text), ...headers });
    response.end(text);
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = request.url ?? '/';
    const queryAt = url.indexOf('?');
    const pathname = queryAt === -1 ? url : url.slice(0, queryAt);
    const query = new URLSearchParams(queryAt === -1 ? '' : url.slice(queryAt + 1));
    if (pathname.startsWith('/_emulator/') || pathname === '/_emulator') return this.controlPlane.handle(request, response, pathname, query);

    const now = this.clock.now();
    const segments = decodeSegments(pathname);
    if (!segments) return this.send(response, 400, errorBody('illegal_argument', 'The request path has a malformed percent-encoding', now));
    const [first, second, ...rest] = segments;
    if (!first || !second || rest.length === 0) {
      return this.send(response, 404, errorBody('resource_not_found', 'Paths start with /{org_name}/{app_name}/ or /app-id/{app_id}/', now));
    }
    const kind: PrefixKind = first === 'app-id' ? 'app-id' : 'org-app';
    const route = this.router.match((request.method ?? 'GET').toLowerCase(), rest);
    if ('notFound' in route) {
      if (route.methods.length > 0) {
        const allow = route.methods.map(method => method.toUpperCase()).join(', ');
        return this.send(response, 405, errorBody('method_not_allowed', `${request.method} is not allowed here; allowed: ${allow}`, now), { allow });
      }
      return this.send(response, 404, errorBody('resource_not_found', `No operation at ${request.method} /${rest.join('/')}`, now));
    }
    const served = this.served.get(route.operation)!;
    const operation = served.operation;
    if (!operation.prefixes.has(kind)) {
      return this.send(response, 404, errorBody('resource_not_found', `${operation.operationId} is not served under the ${kind === 'app-id' ? '/app-id/{app_id}' : '/{org_name}/{app_name}'} prefix`, now));
    }
    const appKey = `${first}/${second}`;
    try {
      if (operation.needsToken) this.authenticate(operation, appKey, request.headers.authorization, now);
      const fault = this.faults.inject(appKey, operation.operationId, operation.rateLimit, now);
      if (fault) throw this.statusExample(operation, fault, now);
      if (this.faults.latencyMs > 0) await delay(this.faults.latencyMs);
      const raw = hasBody(request) ? await readBody(request) : EMPTY_BODY;
      const call = this.validate(served, route.params, query, raw, request, appKey, now);
      // `path` in answers is the path below the app prefix, as the server writes it.
      const below = pathname.slice(pathname.indexOf('/', pathname.indexOf('/', 1) + 1));
      const body = this.answer(served, call, { method: request.method ?? 'GET', uri: `http://${request.headers.host ?? 'localhost'}${pathname}`, pathname: below, query, app: call.app, now });
      if (served.handler) return this.send(response, operation.successStatus, body);
      const type = operation.successContentType;
      if (type && !type.includes('json')) {
        // A binary answer (a file download): the example's text as its bytes.
        const bytes = Buffer.from(typeof body === 'string' ? body : '');
        response.writeHead(operation.successStatus, { 'content-type': type, 'content-length': bytes.length, [EXAMPLE_HEADER]: 'example' });
        return void response.end(bytes);
      }
      this.send(response, operation.successStatus, body, { [EXAMPLE_HEADER]: 'example' });
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        response.setHeader('connection', 'close');
        return this.send(response, 413, errorBody('request_entity_too_large', `The request body is larger than ${MAX_BODY_BYTES} bytes`, now));
      }
      const answer = error instanceof DocumentedError ? this.catalog.answer(operation, error, now) : error;
      if (!(answer instanceof HttpError)) throw answer;
      this.send(response, answer.status, answer.body, answer.headers);
    }
  }

  private authenticate(operation: OperationInfo, app: string, authorization: string | undefined, now: number): void {
    const check = this.tokens.check(app, authorization, now);
    if (check === 'valid') return;
    throw this.catalog.answer(operation, new DocumentedError(check === 'expired' ? 'expiredToken' : 'unauthorized', []), now);
  }

  /** The operation's documented answer for a status (429, 503), its first example. */
  private statusExample(operation: OperationInfo, status: number, now: number): HttpError {
    const example = [...operation.errorExamples.values()].find(candidate => candidate.status === status);
    const value = example?.value ?? { error: status === 429 ? 'too_many_requests' : 'service_unavailable', error_description: String(status) };
    return new HttpError(status, errorBody(String(value['error']), String(value['error_description']), now));
  }

  private invalid(served: Served, violation: Violation, now: number): HttpError {
    const mapping = served.invalid.find(candidate => fieldMatches(candidate, violation));
    if (mapping) return this.catalog.answer(served.operation, new DocumentedError(mapping.example, []), now);
    return new HttpError(400, errorBody('illegal_argument', violation.message, now, 'java.lang.IllegalArgumentException'));
  }

  private validate(served: Served, rawPath: Record<string, string>, query: URLSearchParams, raw: Buffer, request: IncomingMessage, appKey: string, now: number): Call {
    const { operation, validator } = served;
    const path: Record<string, unknown> = {};
    for (const { name, coerce } of validator.path) {
      const value = rawPath[name];
      if (value !== undefined) path[name] = coerce(value);
    }
    const parameters: Record<string, unknown> = {};
    for (const { name, coerce } of validator.query) {
      const value = query.get(name);
      if (value !== null) parameters[name] = coerce(value);
    }
    if (!validator.validatePath(path)) throw this.invalid(served, describeErrors('path', validator.validatePath.errors!), now);
    if (!validator.validateQuery(parameters)) throw this.invalid(served, describeErrors('query', validator.validateQuery.errors!), now);
    let body: unknown;
    if (operation.bodyFormat === 'binary') body = raw;
    else if (validator.validateBody) {
      const parsed = operation.bodyFormat === 'form' ? parseForm(raw) : parseJson(raw);
      if (!parsed.ok) throw this.invalid(served, { location: 'body', field: 'body', keyword: 'parse', message: `Request body is not valid JSON: ${parsed.message}` }, now);
      body = parsed.value;
      if (body === undefined) {
        if (operation.bodyRequired) throw this.invalid(served, { location: 'body', field: 'body', keyword: 'required', message: 'Request body is required' }, now);
      } else if (!validator.validateBody(body)) {
        throw this.invalid(served, describeErrors('body', validator.explainBody?.(body) ?? validator.validateBody.errors!), now);
      }
    }
    // An operation without a body takes whatever comes (`{}` from old SDK examples) and ignores it.
    return {
      operation,
      path,
      query: parameters,
      body,
      headers: request.headers,
      app: this.store.app(appKey),
      now,
      settings: this.config.settings,
      tokens: this.tokens,
      reason: (example, ...values) => String(this.catalog.answer(operation, new DocumentedError(example, values), now).body['error_description']),
    };
  }

  private answer(served: Served, call: Call, facts: RequestFacts): unknown {
    if (!served.handler) return served.operation.successExample ?? {};
    return successBody(served.keys, served.handler(call), facts);
  }
}

