// The `easemob-mock` command as a CI script runs it: started, answering under a prefix, stopped by a signal.
import { execSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { expect, it } from 'vitest';

import { canConnect } from '../src/ports.js';

const bin = fileURLToPath(new URL('../bin/easemob-mock.js', import.meta.url));

it('prints its URL, serves both prefixes, and stops with its Prism on SIGTERM', async () => {
  const cli = spawn(process.execPath, [bin, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const [line] = (await once(cli.stdout, 'data')) as [Buffer];
    const url = /^Mock: (http:\/\/127\.0\.0\.1:(\d+)) /.exec(line.toString())?.[1];
    expect(url, line.toString()).toBeDefined();
    const headers = { Authorization: 'Bearer test-token' };
    for (const prefix of ['/my-org/my-app', '/app-id/12345']) {
      expect((await fetch(`${url}${prefix}/chatgroups/g1/admin`, { headers })).status).toBe(200);
    }
    const exited = once(cli, 'exit');
    cli.kill('SIGTERM');
    expect(await exited).toEqual([0, null]);
    expect(await canConnect('127.0.0.1', Number(new URL(url!).port))).toBe(false);
  } finally {
    cli.kill('SIGKILL');
  }
});

it('refuses an invalid port with a message and exit code 1', async () => {
  const cli = spawn(process.execPath, [bin, '--port', 'http'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const exited = once(cli, 'exit');
  const [stderr] = (await once(cli.stderr, 'data')) as [Buffer];
  expect(stderr.toString()).toContain('Invalid port: http');
  expect(await exited).toEqual([1, null]);
});

it('stops, freeing its port, when the pnpm running `pnpm mock` gets SIGTERM', async () => {
  const workspace = fileURLToPath(new URL('../../../', import.meta.url));
  const pnpm = spawn('pnpm', ['mock', '--port', '0'], { cwd: workspace, stdio: ['ignore', 'pipe', 'inherit'], detached: true });
  try {
    let output = '';
    while (!/Mock: http/.test(output)) output += ((await once(pnpm.stdout, 'data')) as [Buffer])[0].toString();
    const port = Number(/Mock: http:\/\/127\.0\.0\.1:(\d+)/.exec(output)?.[1]);
    pnpm.kill('SIGTERM');
    // The CLI notices within a second that its parent is gone; Prism follows it.
    const deadline = Date.now() + 20_000;
    while ((await canConnect('127.0.0.1', port)) && Date.now() < deadline) await new Promise(resolve => setTimeout(resolve, 100));
    // On failure, what is left of the group says which process did not stop.
    expect(await canConnect('127.0.0.1', port), execSync(`ps -o pid,ppid,pgid,cmd -g ${pnpm.pid} || true`).toString()).toBe(false);
  } finally {
    try {
      process.kill(-pnpm.pid!, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
});

it('says what to run when it has not been built', async () => {
  const copy = await mkdtemp(join(tmpdir(), 'mock-unbuilt-'));
  try {
    await cp(fileURLToPath(new URL('../bin/', import.meta.url)), join(copy, 'bin'), { recursive: true });
    const cli = spawn(process.execPath, [join(copy, 'bin/easemob-mock.js')], { stdio: ['ignore', 'ignore', 'pipe'] });
    const exited = once(cli, 'exit');
    const [stderr] = (await once(cli.stderr, 'data')) as [Buffer];
    expect(stderr.toString().trim().split('\n')).toEqual(['easemob-mock is not built yet: run `pnpm build` in the workspace first']);
    expect(await exited).toEqual([1, null]);
  } finally {
    await rm(copy, { recursive: true, force: true });
  }
});
