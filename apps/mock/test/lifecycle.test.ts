import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { canConnect } from '../src/ports.js';
import { startMock, type MockServer } from '../src/server.js';

const HOST = '127.0.0.1';

// Bare mode (no prefixes), which the bench compares the mock against.
let bare: MockServer;
beforeAll(async () => {
  bare = await startMock({ port: 0, host: HOST, prefixes: false });
});
afterAll(() => bare?.close());

it('serves on the origin it reports', () => {
  expect(bare.url).toBe(`http://${HOST}:${bare.port}`);
});

it('serves the spec paths as they are with prefixes: false', async () => {
  const headers = { Authorization: 'Bearer test-token' };
  expect((await fetch(`${bare.url}/chatgroups/g1/users`, { headers })).status).toBe(200);
  expect((await fetch(`${bare.url}/my-org/my-app/chatgroups/g1/users`, { headers })).status).toBe(404);
});

it('refuses a port that is already in use', async () => {
  await expect(startMock({ port: bare.port, host: HOST })).rejects.toThrow(/already in use/);
});

it('refuses a spec that does not exist', async () => {
  await expect(startMock({ spec: '/nonexistent/openapi.json' })).rejects.toThrow(/does not exist/);
});

it('reports why Prism failed to start', async () => {
  const notOpenApi = new URL('../package.json', import.meta.url).pathname;
  await expect(startMock({ spec: notOpenApi })).rejects.toThrow(/Prism exited before listening[^]*Unsupported document format/);
});

it('stops Prism on close(): the port refuses connections afterwards', async () => {
  await bare.close();
  expect(await bare.exited).toBeDefined();
  expect(await canConnect(HOST, bare.port)).toBe(false);
  await bare.close(); // idempotent
});

it('stops Prism when the process that started it is killed without running exit handlers', async () => {
  const starter = spawn(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `const { startMock } = await import(${JSON.stringify(new URL('../dist/index.js', import.meta.url).href)});
       const mock = await startMock();
       console.log(mock.port);
       setInterval(() => {}, 1000);`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const [line] = (await once(starter.stdout, 'data')) as [Buffer];
  const port = Number(line.toString().trim());
  expect(await canConnect(HOST, port)).toBe(true);
  starter.kill('SIGKILL');
  await expect.poll(() => canConnect(HOST, port), { timeout: 5_000, interval: 100 }).toBe(false);
});
