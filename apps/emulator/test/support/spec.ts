/** The bundled spec as the tests read it: dereferenced, independent of the emulator's own reading. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

export interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  example?: unknown;
  schema?: { example?: unknown };
}
export interface Operation {
  operationId: string;
  parameters?: Parameter[];
  servers?: Array<{ url: string }>;
  requestBody?: { content: Record<string, { examples?: Record<string, { value: unknown }> }> };
  responses: Record<string, { content?: Record<string, { schema?: object; examples?: Record<string, { value: unknown }> }> }>;
}
export interface Entry {
  method: string;
  path: string;
  operation: Operation;
  parameters: Parameter[];
}

const file = createRequire(import.meta.url).resolve('@easemob-openapi/spec/openapi.dereferenced.json');
const document = JSON.parse(readFileSync(file, 'utf8')) as { paths: Record<string, Record<string, unknown>> };

export const entries: Entry[] = Object.entries(document.paths).flatMap(([path, item]) =>
  METHODS.flatMap(method => {
    const operation = item[method] as Operation | undefined;
    if (!operation) return [];
    const byName = new Map<string, Parameter>();
    for (const p of [...((item['parameters'] as Parameter[]) ?? []), ...(operation.parameters ?? [])]) byName.set(`${p.in}:${p.name}`, p);
    return [{ method, path, operation, parameters: [...byName.values()] }];
  }),
);

export const byId = new Map(entries.map(entry => [entry.operation.operationId, entry]));

const ajv = new Ajv2020({ strict: false, allErrors: true });
formats.default(ajv);
ajv.addFormat('int64', { type: 'number', validate: Number.isInteger });
const validators = new Map<object, ValidateFunction>();

/** Validates a body against the schema the spec gives the operation's response of that status. */
export function responseViolations(entry: Entry, status: number, body: unknown): string[] {
  const schema = entry.operation.responses[String(status)]?.content?.['application/json']?.schema;
  if (!schema) return [`${entry.operation.operationId} documents no JSON response ${status}`];
  let validate = validators.get(schema);
  if (!validate) validators.set(schema, (validate = ajv.compile(schema)));
  return validate(body) ? [] : (validate.errors ?? []).map(error => `${error.instancePath || '/'} ${error.message}`);
}

export function prefixesOf(entry: Entry): string[] {
  const servers = entry.operation.servers ?? [{ url: '/{org_name}/{app_name}' }, { url: '/app-id/{app_id}' }];
  return servers.map(server => (server.url.includes('/app-id/') ? '/app-id/test-app-id' : '/test-org/test-app'));
}
