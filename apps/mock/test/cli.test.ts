// The `easemob-mock` command as a CI script runs it: started, answering under a prefix, stopped by a signal.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
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
