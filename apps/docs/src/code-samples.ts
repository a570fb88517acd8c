// The code samples the docs show on every operation (`x-codeSamples`): curl for each URL prefix and
// TypeScript with @easemob-openapi/client, all sending the operation's documented request example.
import { readFileSync } from 'node:fs';

import { dereferencedSpecFile } from '@easemob-openapi/spec';
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
/** What the TypeScript samples pass as a user's token, where an operation accepts only that. */
export const userTokenPlaceholder = '<YourUserToken>';

type Security = { security?: Record<string, unknown>[] };
const spec = JSON.parse(readFileSync(dereferencedSpecFile, 'utf8')) as Security & {
  paths: Record<string, Record<string, Security & { operationId?: string }>>;
};
/** Operations whose only security is a user's token (the client then takes it as `init.userToken`). */
const userTokenOperations = new Set(
  Object.values(spec.paths)
    .flatMap((item) => Object.values(item))
    .filter((operation) => {
      const schemes = new Set((operation.security ?? spec.security ?? []).flatMap((requirement) => Object.keys(requirement)));
      return schemes.size === 1 && schemes.has('userToken');
    })
    .map((operation) => operation.operationId),
);

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

/** What a download asks for: the file's bytes, or a JSON error. */
export const binaryAccept = 'application/octet-stream, application/json';

/** A multipart body as curl `-F` parts: a file part as a file holding the example's text, the rest as text fields. */
function formParts(body: unknown, files: string[]): string[] {
  return Object.entries((body ?? {}) as Record<string, unknown>).map(([name, value]) => {
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    // A file part says its type: Prism's multipart parser crashes on a text/plain file part.
    return files.includes(name)
      ? `-F ${shellQuote(`${name}=${text};type=application/octet-stream;filename=${name}`)}`
      : `--form-string ${shellQuote(`${name}=${text}`)}`;
  });
}

/** An object body as form fields, `a=1&b=2`, percent-encoded as a browser form would send it. */
function formFields(body: unknown): string {
  return new URLSearchParams(Object.entries(body as Record<string, unknown>).map(([k, v]) => [k, String(v)])).toString();
}

export function curlSample(example: RequestExample, server: Server): CodeSample {
  const url = `${serverUrl(server)}${expandPath(example)}${queryString(example)}`;
  const lines = [`curl -X ${example.method.toUpperCase()} ${shellQuote(url)}`];
  const token = userTokenOperations.has(example.operationId) ? userTokenPlaceholder : tokenPlaceholder;
  if (!example.anonymous) lines.push(`-H ${shellQuote(`Authorization: Bearer ${token}`)}`);
  const fields = example.body !== undefined && example.bodyType === 'application/x-www-form-urlencoded';
  const json = example.body !== undefined && !example.multipart && !fields;
  if (json || fields) lines.push(`-H ${shellQuote(`Content-Type: ${fields ? example.bodyType : 'application/json'}`)}`);
  lines.push(`-H ${shellQuote(`Accept: ${example.binary ? binaryAccept : 'application/json'}`)}`);
  if (json) lines.push(`-d ${shellQuote(JSON.stringify(example.body, null, 2))}`);
  if (fields) lines.push(`-d ${shellQuote(formFields(example.body))}`);
  if (example.multipart) lines.push(...formParts(example.body, example.multipart.files));
  return { lang: 'bash', label: curlLabel(server), source: lines.join(' \\\n  ') };
}

/** A multipart body as the TypeScript sample passes it: file parts as Blobs. */
function formArgument(body: unknown, files: string[]): string {
  const fields = Object.entries((body ?? {}) as Record<string, unknown>).map(([name, value]) => {
    const literal = JSON.stringify(typeof value === 'string' ? value : JSON.stringify(value));
    return `${JSON.stringify(name)}: ${files.includes(name) ? `new Blob([${literal}])` : literal}`;
  });
  return `{ ${fields.join(', ')} }`;
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
  const argumentSource = args.map((arg, i) =>
    i === 1 && example.multipart ? formArgument(arg, example.multipart.files) : JSON.stringify(arg),
  );
  // The user's own token (from getToken with grant_type inherit), not the app token.
  if (userTokenOperations.has(example.operationId)) argumentSource.push(`{ userToken: ${JSON.stringify(userTokenPlaceholder)} }`);
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
    ...(sharedNames(example) || example.bodyType
      ? rawCall(example)
      : [
          `const result = await im.${example.operationId}(${argumentSource.join(', ')});`,
          // A download resolves to a Blob: print its content.
          example.binary ? 'console.log(await result.text());' : 'console.log(result);',
        ]),
  ].join('\n');
  return { lang: 'typescript', label: typescriptLabel, source: await format(source, { parser: 'typescript', printWidth: 80 }) };
}

/** A path and a query parameter with the same name (`userId`): the operation methods' flat params cannot hold both. */
const sharedNames = (example: RequestExample) => Object.keys(example.pathParams).some((name) => name in example.query);

/**
 * The call through the openapi-fetch client (`im.raw`): it keeps path and query apart, and
 * sends an object body as form fields when the Content-Type says so (the operation methods send JSON).
 */
function rawCall(example: RequestExample): string[] {
  const params = Object.fromEntries(
    Object.entries({ path: example.pathParams, query: example.query }).filter(([, values]) => Object.keys(values).length > 0),
  );
  const init = [
    `params: ${JSON.stringify(params)},`,
    ...(example.body === undefined ? [] : [`body: ${JSON.stringify(example.body)},`]),
    ...(example.bodyType ? [`headers: { "Content-Type": ${JSON.stringify(example.bodyType)} },`] : []),
  ];
  return [
    `const { data, error } = await im.raw.${example.method.toUpperCase()}(${JSON.stringify(example.pathTemplate)}, {`,
    ...init.map((line) => `  ${line}`),
    '});',
    'if (error) throw new Error(JSON.stringify(error));',
    'console.log(data);',
  ];
}

/** curl under every server the operation is served at, then TypeScript. */
export async function codeSamplesFor(example: RequestExample): Promise<CodeSample[]> {
  const orgAppServer = example.servers.find((server) => server.url.includes('{org_name}'));
  if (!orgAppServer) throw new Error(`${example.operationId}: no server with the {org_name}/{app_name} prefix`);
  return [...example.servers.map((server) => curlSample(example, server)), await typescriptSample(example, orgAppServer)];
}
