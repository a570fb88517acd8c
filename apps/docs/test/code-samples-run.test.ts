// Every code sample the docs show, taken from the built pages' spec: the TypeScript ones type-check
// against the built client, every request sample runs against the mock and gets the documented 200,
// and every webhook's receiver accepts the documented callback, signed, and gives the documented answer.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { format, promisify } from 'node:util';

import { callbackSignature } from '@easemob-openapi/client/webhooks';
import { startEmulator, type EmulatorServer } from '@easemob-openapi/emulator';
import { startMock, type MockServer } from '@easemob-openapi/mock';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { credentialVariables, serverUrl, typescriptLabel } from '../src/code-samples.js';
import { callbackSecretVariable, handlerExport, receiverLabel } from '../src/webhook-samples.js';
import { builtOperations, builtSpec, builtWebhooks, introCurlBlocks, introEmulatorBlocks, introTypescriptBlocks } from './built-spec.js';

const run = promisify(execFile);
const docsDir = fileURLToPath(new URL('..', import.meta.url));
/** Where the samples send requests in production; the tests send them to the mock instead. */
const productionOrigin = new URL(serverUrl(builtSpec.servers[0]!)).origin;
/** Where the introduction's mock examples expect the mock. */
const documentedMockOrigin = 'http://127.0.0.1:4010';
/** The callback rule's secret the receivers read, and the tests sign callbacks with. */
const callbackSecret = 'the-callback-rule-secret';

interface Exchange {
  method: string;
  /** The path after the two-segment URL prefix, e.g. /chatgroups/66XXXX85/users */
  path: string;
  status: number;
  violations: string | null;
}

let mock: MockServer;
let samplesDir: string;
const exchanges: Exchange[] = [];
const logged: unknown[][] = [];
const realFetch = globalThis.fetch;

/** The platform fetch, with the production origin swapped for the mock's and every answer recorded. */
async function fetchViaMock(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const request = new Request(input, init);
  const url = request.url.startsWith(productionOrigin) ? mock.url + request.url.slice(productionOrigin.length) : request.url;
  const response = await realFetch(new Request(url, request));
  const { pathname } = new URL(url);
  exchanges.push({
    method: request.method,
    path: `/${pathname.split('/').slice(3).join('/')}`,
    status: response.status,
    violations: response.headers.get('sl-violations'),
  });
  return response;
}

beforeAll(async () => {
  mock = await startMock();
  samplesDir = mkdtempSync(join(docsDir, '.samples-'));
  process.env[credentialVariables.clientId] = 'YXA6-client-id';
  process.env[credentialVariables.clientSecret] = 'YXA6-client-secret';
  process.env.MOCK_URL = mock.url;
  process.env[callbackSecretVariable] = callbackSecret;
  vi.stubGlobal('fetch', fetchViaMock);
  vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void logged.push(args));
}, 30_000);

afterAll(async () => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  if (samplesDir) rmSync(samplesDir, { recursive: true, force: true });
  await mock?.close();
});

const typescriptSamples = builtOperations.map((operation) => {
  const sample = operation.samples.find((s) => s.label === typescriptLabel);
  return { ...operation, file: `${operation.operationId}.ts`, source: sample?.source ?? '' };
});
const receiverSamples = builtWebhooks.map((webhook) => {
  const sample = webhook.samples.find((s) => s.label === receiverLabel);
  return { ...webhook, file: `webhook-${webhook.name}.ts`, source: sample?.source ?? '' };
});
const introExamples = introTypescriptBlocks.map((source, i) => ({ file: `introduction-${i + 1}.ts`, source }));
const emulatorExamples = introEmulatorBlocks.map((source, i) => ({ file: `introduction-emulator-${i + 1}.ts`, source }));
const curlSamples = builtOperations.flatMap((operation) =>
  operation.samples.filter((sample) => sample.lang === 'bash').map((sample) => ({ ...operation, label: sample.label, source: sample.source })),
);

/** Runs a curl command in a shell, with the status, `sl-violations` headers and body of its answer. */
async function runCurl(command: string): Promise<{ status: number; violations: string[]; body: string }> {
  const { stdout } = await run('sh', ['-c', `${command} --silent --show-error --include`]);
  const [head = '', ...body] = stdout.split('\r\n\r\n');
  const [statusLine = '', ...headerLines] = head.split('\r\n');
  return {
    status: Number(/^HTTP\/1\.1 (\d{3})\b/.exec(statusLine)?.[1]),
    violations: headerLines.filter((line) => /^sl-violations:/i.test(line)),
    body: body.join('\r\n\r\n'),
  };
}

/**
 * A documented callback as the server would send it now: the examples' times are years old, so the
 * receiver would refuse them as stale; one that carries a signature gets it recomputed for the new time.
 */
function signedNow(payload: Record<string, unknown>): Record<string, unknown> {
  const timestamp = Date.now();
  const callback = { ...payload, timestamp };
  return typeof payload.callId === 'string' && 'security' in payload
    ? { ...callback, security: callbackSignature(payload.callId, callbackSecret, timestamp) }
    : callback;
}

/** Runs a TypeScript file as a user's module would run, and what it sent and logged. */
async function runModule(file: string): Promise<{ exchanges: Exchange[]; logged: unknown[][] }> {
  exchanges.length = 0;
  logged.length = 0;
  await import(pathToFileURL(join(samplesDir, file)).href);
  return { exchanges: [...exchanges], logged: [...logged] };
}

describe('TypeScript samples', () => {
  it('exist on every operation and webhook, and the introduction has some', () => {
    expect(typescriptSamples.filter((s) => !s.source).map((s) => s.operationId)).toEqual([]);
    expect(receiverSamples.filter((s) => !s.source).map((s) => s.name)).toEqual([]);
    expect(receiverSamples.length).toBeGreaterThan(0);
    expect(introExamples.length).toBeGreaterThanOrEqual(2);
  });

  it('type-check against the built client', () => {
    const files = [...typescriptSamples, ...receiverSamples, ...introExamples, ...emulatorExamples].map(({ file, source }) => {
      writeFileSync(join(samplesDir, file), source);
      return join(samplesDir, file);
    });
    const program = ts.createProgram(files, {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
      types: ['node'],
    });
    const problems = ts.getPreEmitDiagnostics(program).map((diagnostic) => {
      const where = diagnostic.file ? `${diagnostic.file.fileName.slice(samplesDir.length + 1)}:${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1}` : '';
      return `${where} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
    });
    expect(problems).toEqual([]);
  });

  it.each(typescriptSamples)('$operationId runs against the mock and prints the documented 200', async (sample) => {
    const { exchanges: sent, logged: printed } = await runModule(sample.file);
    expect(sent.filter((e) => e.violations !== null || e.status >= 300)).toEqual([]);
    const call = sent.find((e) => e.method === sample.method.toUpperCase() && e.path === sample.requestPath);
    expect(call?.status, `${sample.method.toUpperCase()} ${sample.pathTemplate} was sent and answered 200`).toBe(200);
    expect(printed).toEqual([[sample.documented200]]);
  });

  it.each(receiverSamples)('the $name receiver takes its documented callback, signed, and answers as documented', async (sample) => {
    const module = (await import(pathToFileURL(join(samplesDir, sample.file)).href)) as Record<string, unknown>;
    const handle = module[handlerExport] as (request: Request) => Promise<Response>;
    const callback = signedNow(Object.values(sample.payloads)[0] as Record<string, unknown>);
    logged.length = 0;
    const answer = await handle(new Request('https://app.example/easemob/callbacks', { method: 'POST', body: JSON.stringify(callback) }));
    expect(answer.status).toBe(200);
    expect(logged, 'the handler got the callback under its own name').toEqual([[callback]]);
    const body = await answer.text();
    if (sample.documentedAnswers.length === 0) expect(body).toBe('');
    else expect(sample.documentedAnswers).toContainEqual(JSON.parse(body));
  });

  it.each(introExamples)('introduction example $file runs against the mock', async ({ file }) => {
    const { exchanges: sent } = await runModule(file);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.filter((e) => e.violations !== null)).toEqual([]);
  });
  describe('against the emulator', () => {
    let emulator: EmulatorServer;
    beforeAll(async () => {
      emulator = await startEmulator();
      vi.stubEnv('EMULATOR_URL', emulator.url);
    });
    afterAll(async () => {
      vi.unstubAllEnvs();
      await emulator?.close();
    });

    it('the emulator section has its flow example', () => {
      expect(emulatorExamples).toHaveLength(1);
    });

    it.each(emulatorExamples)('introduction example $file runs its flow and prints what its comments say', async ({ file, source }) => {
      const { logged: printed } = await runModule(file);
      // Each `console.log(...); // <what it prints>` comment is the line the reader is promised.
      const promised = [...source.matchAll(/console\.log\(.*\); \/\/ (.*)$/gm)].map((match) => match[1]);
      expect(promised.length).toBeGreaterThan(0);
      // Trailing whitespace aside: the documented 403 message ends with a newline, which a comment cannot show.
      expect(printed.map((args) => format(...args).trimEnd())).toEqual(promised);
    });
  });
});

describe('curl samples', () => {
  it('exist for both URL prefixes on every operation served under both', () => {
    const labels = new Set(curlSamples.map((s) => s.label));
    expect([...labels].sort()).toEqual(['curl · App ID', 'curl · org/app']);
    for (const operation of builtOperations) {
      expect(operation.samples.filter((s) => s.lang === 'bash').length, operation.operationId).toBeGreaterThanOrEqual(1);
    }
  });

  it.each(curlSamples)('$operationId ($label) gets the documented 200 from the mock', async (sample) => {
    expect(sample.source).toContain(productionOrigin);
    const answer = await runCurl(sample.source.replace(productionOrigin, mock.url));
    expect(answer.status).toBe(200);
    expect(answer.violations).toEqual([]);
    expect(sample.binary ? answer.body : JSON.parse(answer.body)).toEqual(sample.documented200);
  });

  it.each(introCurlBlocks)('introduction example %s gets the status it asks the mock for', async (source) => {
    expect(source).toContain(documentedMockOrigin);
    const answer = await runCurl(source.replace(documentedMockOrigin, mock.url));
    expect(answer.status).toBe(Number(/Prefer: code=(\d+)/.exec(source)?.[1] ?? 200));
    expect(answer.violations).toEqual([]);
  });
});
