/**
 * The document the mock serves: the bundled spec with its servers made relative to the
 * mock's origin, and body-less operations accepting an empty JSON object. Paths stay relative to the two prefixes, as in the spec; Prism never sees
 * the prefixes because prefix-preload strips them from each request first.
 */

/** The URL prefixes of the real API, both two path segments long. */
export const PREFIXES = ['/{org_name}/{app_name}', '/app-id/{app_id}'] as const;

interface ServerVariable {
  default: string;
  description?: string;
  enum?: string[];
}

interface Server {
  url: string;
  description?: string;
  variables?: Record<string, ServerVariable>;
}

export interface OpenApiDocument {
  servers?: Server[];
  [key: string]: unknown;
}

/** `https://{host}/app-id/{app_id}` becomes `/app-id/{app_id}`, without the host variable. */
function relativeServer({ url, variables, ...server }: Server): Server {
  const path = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
  const used = Object.entries(variables ?? {}).filter(([name]) => path.includes(`{${name}}`));
  return { url: path, ...server, ...(used.length > 0 ? { variables: Object.fromEntries(used) } : {}) };
}

const METHODS_WITH_BODIES = ['post', 'put', 'patch', 'delete'];

/** What a body-less operation accepts in the mock: nothing, or the `{}` some official examples send. */
const EMPTY_OBJECT_BODY = {
  required: false,
  description: 'Mock only: the server ignores a body here; `{}` is accepted as clients send it.',
  content: { 'application/json': { schema: { type: 'object', maxProperties: 0 } } },
};

function acceptEmptyBodies(paths: unknown): unknown {
  if (!paths || typeof paths !== 'object') return paths;
  return Object.fromEntries(
    Object.entries(paths as Record<string, Record<string, unknown>>).map(([path, item]) => [
      path,
      Object.fromEntries(
        Object.entries(item).map(([method, operation]) => {
          const bodyless =
            METHODS_WITH_BODIES.includes(method) && typeof operation === 'object' && operation !== null && !('requestBody' in operation);
          return [method, bodyless ? { ...operation, requestBody: EMPTY_OBJECT_BODY } : operation];
        }),
      ),
    ]),
  );
}

export function mockSpec(spec: OpenApiDocument): OpenApiDocument {
  const servers = (spec.servers ?? []).map(relativeServer);
  const urls = servers.map(server => server.url).sort();
  // The preload serves exactly these prefixes; a spec that adds or changes one needs it changed too.
  if (urls.join(' ') !== [...PREFIXES].sort().join(' ')) {
    throw new Error(`The spec's servers (${urls.join(', ')}) are not the mock's prefixes (${PREFIXES.join(', ')})`);
  }
  return { ...spec, servers, paths: acceptEmptyBodies(spec['paths']) };
}
