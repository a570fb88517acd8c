// The `easemob-emulator` command as a CI script runs it, and startEmulator's lifecycle.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { startEmulator } from '../src/index.js';
import { AUTH, send } from './support/emulator.js';

const bin = fileURLToPath(new URL('../bin/easemob-emulator.js', import.meta.url));

async function firstLine(child: ReturnType<typeof spawn>): Promise<string> {
  const [chunk] = (await once(child.stdout!, 'data')) as [Buffer];
  return chunk.toString();
}

async function refused(url: string): Promise<boolean> {
  return fetch(url).then(
    () => false,
    () => true,
  );
}

it('prints its URL, serves both prefixes with the state file loaded, and stops on SIGTERM', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'emulator-cli-'));
  const state = join(dir, 'state.json');
  writeFileSync(state, JSON.stringify({ version: 1, apps: { 'my-org/my-app': { groups: [{ id: 'g1', owner: 'alice' }] }, 'app-id/7': { groups: [{ id: 'g7', owner: 'bob' }] } } }));
  const cli = spawn(process.execPath, [bin, '--port', '0', '--state', state], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const line = await firstLine(cli);
    const url = /^Emulator: (http:\/\/127\.0\.0\.1:\d+) /.exec(line)?.[1];
    expect(url, line).toBeDefined();
    expect((await send(`${url}/my-org/my-app/chatgroups/g1/users`, 'GET')).body.data).toEqual([{ owner: 'alice' }]);
    expect((await send(`${url}/app-id/7/chatgroups/g7/users`, 'GET')).body.data).toEqual([{ owner: 'bob' }]);
    const exited = once(cli, 'exit');
    cli.kill('SIGTERM');
    expect(await exited).toEqual([0, null]);
    expect(await refused(`${url}/_emulator/clock`)).toBe(true);
  } finally {
    cli.kill('SIGKILL');
  }
});

it('takes its port from EMULATOR_PORT and refuses an invalid one', async () => {
  const probe = await startEmulator();
  const port = probe.port;
  await probe.close();
  const cli = spawn(process.execPath, [bin], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, EMULATOR_PORT: String(port) } });
  try {
    expect(await firstLine(cli)).toContain(`http://127.0.0.1:${port} `);
  } finally {
    cli.kill('SIGINT');
    await once(cli, 'exit');
  }
  const bad = spawn(process.execPath, [bin, '--port', 'http'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const exited = once(bad, 'exit');
  const [stderr] = (await once(bad.stderr, 'data')) as [Buffer];
  expect(stderr.toString()).toContain('Invalid port: http');
  expect(await exited).toEqual([1, null]);
});

it('stops when the process that started it is killed', async () => {
  const starter = spawn(
    process.execPath,
    ['-e', `const c = require('node:child_process').spawn(process.execPath, [${JSON.stringify(bin)}], { stdio: ['ignore', 'inherit', 'inherit'] }); setInterval(() => {}, 1000);`],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = /(http:\/\/\S+)/.exec(await firstLine(starter))![1]!;
  expect((await send(`${url}/_emulator/clock`, 'GET', undefined, {})).status).toBe(200);
  starter.kill('SIGKILL');
  await expect.poll(() => refused(`${url}/_emulator/clock`), { timeout: 5_000, interval: 100 }).toBe(true);
});

it('startEmulator serves a free port, resets, and closes even with open keep-alive connections', async () => {
  const server = await startEmulator({ state: { version: 1, apps: { 'o/a': { groups: [{ id: 'g', owner: 'u' }] } } } });
  expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
  expect((await send(`${server.url}/o/a/chatgroups/g/users`, 'GET', undefined, AUTH)).status).toBe(200);
  await server.reset();
  expect((await send(`${server.url}/o/a/chatgroups/g/users`, 'GET', undefined, AUTH)).status).toBe(404);
  await server.close();
  expect(await refused(`${server.url}/_emulator/clock`)).toBe(true);
  const again = await startEmulator({ port: server.port });
  await again.close();
  expect(again.port).toBe(server.port);
});

it('refuses a port that is in use', async () => {
  const server = await startEmulator();
  try {
    await expect(startEmulator({ port: server.port })).rejects.toThrow(/already in use/);
  } finally {
    await server.close();
  }
});
