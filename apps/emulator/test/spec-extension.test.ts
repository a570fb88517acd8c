// An operation the spec gains is served with no code of its own: a spec extended with one that no
// module models is answered from its documented example, marked by a header, and listed as such.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { EXAMPLE_HEADER } from '../src/index.js';
import { send, useEmulator } from './support/emulator.js';

const example = { action: 'get', data: { probe: true }, timestamp: 1, duration: 0 };
const probe = {
  get: {
    operationId: 'getProbe',
    responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object' }, examples: { first: { value: example } } } } } },
  },
};

const dir = mkdtempSync(join(tmpdir(), 'emulator-extension-'));
const specFile = join(dir, 'openapi.json');
const bundled = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('@easemob-openapi/spec/openapi.json'), 'utf8'));
writeFileSync(specFile, JSON.stringify({ ...bundled, paths: { ...bundled.paths, '/probe': probe } }));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const emulator = useEmulator({ spec: specFile });

it('serves an operation no module models from its first documented example, marked by a header', async () => {
  const answer = await send(`${emulator().url}/my-org/my-app/probe`, 'GET');
  expect([answer.status, answer.headers.get(EXAMPLE_HEADER), answer.body]).toEqual([200, 'example', example]);
  const listed = await send(`${emulator().url}/_emulator/operations`, 'GET', undefined, {});
  expect(listed.body.examples).toContain('getProbe');
  expect(listed.body.modelled).toContain('registerUsers');
  expect(listed.body.modelled).not.toContain('getProbe');
});
