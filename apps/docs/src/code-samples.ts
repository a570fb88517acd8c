// The code samples the docs show on every operation (`x-codeSamples`): curl for each URL prefix and
// TypeScript with @easemob-openapi/client, all sending the operation's documented request example.
import { format } from 'prettier';

import { expandPath, queryString, type RequestExample, type Server } from './request-examples.js';

/** One entry of Redoc's `x-codeSamples`; Redoc shows it when `label` is one of its configured languages. */
export interface CodeSample {
  lang: string;
  label: string;
  source: string;
}

export const typescriptLabel = 'TypeScript';
export const clientPackage = '@easemob-openapi/client';
/** What the curl samples send as the token: a placeholder the reader replaces. */
export const tokenPlaceholder = '<YourAppToken>';
/** The TypeScript samples read the app's credentials from these, never from the source. */
export const credentialVariables = { clientId: 'EASEMOB_CLIENT_ID', clientSecret: 'EASEMOB_CLIENT_SECRET' } as const;

/** The server URL with every variable at its default, e.g. https://a1.easemob.com/your-org/your-app */
export function serverUrl(server: Server): string {
  return server.url.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = server.variables?.[name]?.default;
    if (value === undefined) throw new Error(`server ${server.url}: variable ${name} has no default`);
    return value;
  });
}

export function curlLabel(server: Server): string {
  return server.url.includes('/app-id/') ? 'curl · App ID' : 'curl · org/app';
}

/** Single-quoted for a POSIX shell: nothing inside is expanded. */
function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/** An object body as form fields, `a=1&b=2`, percent-encoded as a browser form would send it. */
function formFields(body: unknown): string {
  return new URLSearchParams(Object.entries(body as Record<string, unknown>).map(([k, v]) => [k, String(v)])).toString();
}

export function curlSample(example: RequestExample, server: Server): CodeSample {
  const url = `${serverUrl(server)}${expandPath(example)}${queryString(example)}`;
  const lines = [`curl -X ${example.method.toUpperCase()} ${shellQuote(url)}`];
  if (!example.anonymous) lines.push(`-H ${shellQuote(`Authorization: Bearer ${tokenPlaceholder}`)}`);
  const form = example.bodyType === 'application/x-www-form-urlencoded';
  if (example.body !== undefined) lines.push(`-H 'Content-Type: ${form ? example.bodyType : 'application/json'}'`);
  lines.push(`-H 'Accept: application/json'`);
  if (example.body !== undefined) {
    const data = form ? formFields(example.body) : JSON.stringify(example.body, null, 2);
    lines.push(`-d ${shellQuote(data)}`);
  }
  return { lang: 'bash', label: curlLabel(server), source: lines.join(' \\\n  ') };
}

/** createClient's endpoint keys for the server variables. */
const endpointKeys: Record<string, string> = { host: 'host', org_name: 'orgName', app_name: 'appName', app_id: 'appId' };

function endpointOf(server: Server): Record<string, string> {
  return Object.fromEntries(
    Object.entries(server.variables ?? {}).map(([name, { default: value }]) => {
      const key = endpointKeys[name];
      if (!key) throw new Error(`server ${server.url}: no createClient option for variable ${name}`);
      return [key, value];
    }),
  );
}

/**
 * The TypeScript sample, formatted by prettier. It needs the org/app server: client credentials
 * are exchanged for a token at `{org}/{app}/token` only.
 */
export async function typescriptSample(example: RequestExample, orgAppServer: Server): Promise<CodeSample> {
  const params = { ...example.pathParams, ...example.query };
  const hasParams = Object.keys(params).length > 0;
  const args = example.body !== undefined ? [params, example.body] : hasParams ? [params] : [];
  const credentials = Object.entries(credentialVariables)
    .map(([key, variable]) => `${key}: process.env.${variable}!`)
    .join(', ');
  const source = [
    `import { createClient, withOperations } from ${JSON.stringify(clientPackage)};`,
    '',
    'const im = withOperations(',
    `  createClient(${JSON.stringify(endpointOf(orgAppServer))},`,
    '    // The client exchanges these for an app token and renews it before it expires.',
    `    { ${credentials} }),`,
    ');',
    '',
    ...(example.operationId === 'getToken'
      ? ['// createClient already gets this token for every call; request one yourself only to hand it elsewhere.']
      : []),
    ...(example.bodyType === 'application/x-www-form-urlencoded'
      ? [
          // The operation methods send JSON; a form body goes through the openapi-fetch client underneath.
          '// This operation takes form fields: send them through im.raw with their Content-Type.',
          `const { data: result } = await im.raw.${example.method.toUpperCase()}(${JSON.stringify(example.pathTemplate)}, ${JSON.stringify({
            params: {
              ...(Object.keys(example.pathParams).length > 0 ? { path: example.pathParams } : {}),
              ...(Object.keys(example.query).length > 0 ? { query: example.query } : {}),
            },
            body: example.body,
            headers: { 'Content-Type': example.bodyType },
          })});`,
        ]
      : [`const result = await im.${example.operationId}(${args.map((arg) => JSON.stringify(arg)).join(', ')});`]),
    'console.log(result);',
  ].join('\n');
  return { lang: 'typescript', label: typescriptLabel, source: await format(source, { parser: 'typescript', printWidth: 80 }) };
}

/** curl under every server the operation is served at, then TypeScript. */
export async function codeSamplesFor(example: RequestExample): Promise<CodeSample[]> {
  const orgAppServer = example.servers.find((server) => server.url.includes('{org_name}'));
  if (!orgAppServer) throw new Error(`${example.operationId}: no server with the {org_name}/{app_name} prefix`);
  return [...example.servers.map((server) => curlSample(example, server)), await typescriptSample(example, orgAppServer)];
}
