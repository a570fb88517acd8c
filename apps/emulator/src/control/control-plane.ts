/**
 * `/_emulator/...`: the endpoints of the emulator itself, described by control-plane.yaml. Request
 * bodies are validated against that document's schemas, so the document and the code cannot
 * drift apart unnoticed.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import type { Emulator } from '../emulator.js';
import type { FaultConfig } from '../faults.js';
import { BodyTooLarge, parseJson, readBody } from '../http/body.js';
import type { OpenApiDocument } from '../spec/document.js';
import { describeErrors } from '../spec/validation.js';
import type { Snapshot } from '../state/snapshot.js';

type Route = (body: any, query: URLSearchParams) => unknown;

const BASE = '/_emulator';
/** Snapshots of a loaded app (a million memberships) are far larger than any API request. */
const MAX_SNAPSHOT_BYTES = 512 * 1024 * 1024;

export class ControlPlane {
  private readonly routes = new Map<string, { run: Route; validate: ValidateFunction | undefined; required: boolean }>();

  constructor(
    private readonly emulator: Emulator,
    private readonly document: OpenApiDocument,
  ) {
    const ajv = new Ajv2020({ strict: false, validateSchema: false });
    ajv.addSchema(document, 'control');
    const routes: Record<string, Route> = {
      'GET /openapi.json': () => this.document,
      'GET /operations': () => ({
        modelled: emulator.operations.filter(operation => !emulator.exampleOperations.includes(operation)).map(operation => operation.operationId),
        examples: emulator.exampleOperations.map(operation => operation.operationId),
      }),
      'POST /reset': (body: { app?: string } | undefined) => {
        emulator.reset(body?.app);
        return { reset: body?.app ?? 'all' };
      },
      'GET /state': () => emulator.store.export(),
      'PUT /state': (body: Snapshot) => {
        emulator.store.import(body, emulator.clock.now());
        return { apps: Object.keys(body.apps) };
      },
      'GET /clock': () => this.clock(),
      'POST /clock': (body: { advanceMs?: number; set?: number; freeze?: boolean; real?: true }) => {
        if (body.real) emulator.clock.real();
        if (body.set !== undefined) emulator.clock.set(body.set);
        if (body.advanceMs !== undefined) emulator.clock.advance(body.advanceMs);
        if (body.freeze !== undefined) emulator.clock.freeze(body.freeze);
        return this.clock();
      },
      'GET /faults': () => emulator.faults.get(),
      'POST /faults': (body: FaultConfig) => {
        emulator.faults.set(body);
        return emulator.faults.get();
      },
    };
    for (const [key, run] of Object.entries(routes)) {
      const [method, path] = key.split(' ') as [string, string];
      const operation = (document.paths[BASE + path] as Record<string, { requestBody?: { required?: boolean } }>)[method.toLowerCase()];
      const pointer = `control#/paths/${encodeURIComponent((BASE + path).replace(/~/g, '~0').replace(/\//g, '~1'))}/${method.toLowerCase()}/requestBody/content/application~1json/schema`;
      this.routes.set(key, { run, validate: operation?.requestBody ? ajv.compile({ $ref: pointer }) : undefined, required: operation?.requestBody?.required === true });
    }
  }

  private clock() {
    const now = this.emulator.clock.now();
    return { now, offsetMs: now - Date.now(), frozen: this.emulator.clock.frozen };
  }

  async handle(request: IncomingMessage, response: ServerResponse, pathname: string, query: URLSearchParams): Promise<void> {
    const route = this.routes.get(`${request.method} ${pathname.slice(BASE.length)}`);
    const invalid = (description: string, status = 400) => this.emulator.send(response, status, { error: 'invalid_request', error_description: description });
    if (!route) return invalid(`No control-plane endpoint ${request.method} ${pathname}; see ${BASE}/openapi.json`, 404);
    let raw: Buffer;
    try {
      raw = await readBody(request, MAX_SNAPSHOT_BYTES);
    } catch (error) {
      if (error instanceof BodyTooLarge) return invalid('The request body is too large', 413);
      throw error;
    }
    const parsed = parseJson(raw);
    if (!parsed.ok) return invalid(`Request body is not valid JSON: ${parsed.message}`);
    if (route.required && parsed.value === undefined) return invalid('Request body is required');
    if (route.validate && parsed.value !== undefined && !route.validate(parsed.value)) {
      return invalid(describeErrors('body', route.validate.errors!).message);
    }
    this.emulator.send(response, 200, route.run(parsed.value, query));
  }
}
