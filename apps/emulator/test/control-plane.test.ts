// /_emulator/: reset, state export and import, clock, faults and rate limits; its own OpenAPI document.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { expect, it } from 'vitest';
import { CONTROL_PLANE_SPEC } from '../src/index.js';
import { AUTH, loadState, send, useEmulator } from './support/emulator.js';

const emulator = useEmulator();
const control = (path: string) => `${emulator().url}/_emulator/${path}`;
const group = (app: string, id: string) => `${emulator().url}/${app}/chatgroups/${id}/users`;

async function seedTwoApps() {
  await loadState(emulator().url, {
    'my-org/my-app': { users: [{ username: 'a' }], groups: [{ id: 'g1', owner: 'a' }] },
    'app-id/42': { users: [{ username: 'b' }], groups: [{ id: 'g2', owner: 'b' }] },
  });
}

it('serves its own OpenAPI document', async () => {
  const answer = await send(control('openapi.json'), 'GET', undefined, {});
  expect(answer.body).toEqual(parse(readFileSync(CONTROL_PLANE_SPEC, 'utf8')));
  expect(Object.keys(answer.body.paths)).toContain('/_emulator/faults');
});

it('resets one app or all of them', async () => {
  await seedTwoApps();
  expect((await send(control('reset'), 'POST', { app: 'my-org/my-app' }, {})).body).toEqual({ reset: 'my-org/my-app' });
  expect((await send(group('my-org/my-app', 'g1'), 'GET')).status).toBe(404);
  expect((await send(group('app-id/42', 'g2'), 'GET')).status).toBe(200);
  await send(control('reset'), 'POST', undefined, {});
  expect((await send(group('app-id/42', 'g2'), 'GET')).status).toBe(404);
});

it('exports a snapshot that imports back to the same state', async () => {
  await seedTwoApps();
  await send(`${emulator().url}/my-org/my-app/chatgroups/g1/mute`, 'POST', { usernames: ['a'], mute_duration: 1000 });
  const exported = (await send(control('state'), 'GET', undefined, {})).body;
  await send(control('reset'), 'POST', {}, {});
  await send(control('state'), 'PUT', exported, {});
  expect((await send(control('state'), 'GET', undefined, {})).body).toEqual(exported);
});

it('refuses a snapshot that does not match its schema, naming the field', async () => {
  const answer = await send(control('state'), 'PUT', { version: 1, apps: { 'my-org/my-app': { groups: [{ id: 'g1' }] } } }, {});
  expect(answer.status).toBe(400);
  expect(answer.body.error_description).toContain('owner');
  expect((await send(control('state'), 'PUT', undefined, {})).status).toBe(400);
});

it('moves the clock and puts it back', async () => {
  const before = (await send(control('clock'), 'GET', undefined, {})).body.now;
  const moved = (await send(control('clock'), 'POST', { advanceMs: 3_600_000 }, {})).body;
  expect(moved.now - before).toBeGreaterThanOrEqual(3_600_000);
  expect((await send(control('clock'), 'POST', { set: 1_000_000 }, {})).body.now).toBeLessThan(1_100_000);
  expect(Math.abs((await send(control('clock'), 'POST', { real: true }, {})).body.offsetMs)).toBeLessThan(1000);
  const frozen = (await send(control('clock'), 'POST', { freeze: true }, {})).body.now;
  await new Promise(resolve => setTimeout(resolve, 20));
  expect((await send(control('clock'), 'GET', undefined, {})).body).toMatchObject({ now: frozen, frozen: true });
  await send(control('clock'), 'POST', { real: true }, {});
  expect((await send(control('clock'), 'POST', { advanceMs: 'soon' }, {})).status).toBe(400);
});

it('injects 503 for chosen operations a number of times, and 429 for a share of requests', async () => {
  await seedTwoApps();
  await send(control('faults'), 'POST', { rules: [{ status: 503, operations: ['listGroupMembers'], times: 2 }] }, {});
  const statuses = [];
  for (let i = 0; i < 3; i++) statuses.push((await send(group('my-org/my-app', 'g1'), 'GET')).status);
  expect(statuses).toEqual([503, 503, 200]);

  await send(control('faults'), 'POST', { rules: [{ status: 429, probability: 0.5 }], seed: 7 }, {});
  let limited = 0;
  for (let i = 0; i < 200; i++) if ((await send(group('my-org/my-app', 'g1'), 'GET')).status === 429) limited++;
  expect(limited).toBeGreaterThan(60);
  expect(limited).toBeLessThan(140);
  await send(control('faults'), 'POST', { rules: [{ status: 429 }] }, {});
  const refused = await send(group('my-org/my-app', 'g1'), 'GET');
  expect([refused.status, refused.body.error]).toEqual([429, 'too_many_requests']);
  await send(control('faults'), 'POST', {}, {});
  expect((await send(group('my-org/my-app', 'g1'), 'GET')).status).toBe(200);
});

it('enforces the documented per-app rate limit of an operation when asked', async () => {
  await seedTwoApps();
  await send(control('faults'), 'POST', { rateLimits: true }, {});
  try {
    // Freeze the clock so that every request falls in the same one-second window.
    await send(control('clock'), 'POST', { freeze: true }, {});
    const body = { name: 'r', description: 'd', maxusers: 10, owner: 'a' };
    const statuses: number[] = [];
    // Chatroom creation is documented at 50/s, the member list at 100/s.
    for (let i = 0; i < 60; i++) statuses.push((await send(`${emulator().url}/my-org/my-app/chatrooms`, 'POST', body, AUTH)).status);
    expect(statuses.filter(status => status === 200)).toHaveLength(50);
    expect(statuses.slice(50)).toEqual(Array(10).fill(429));
    for (let i = 0; i < 100; i++) expect((await send(group('my-org/my-app', 'g1'), 'GET')).status).toBe(200);
    expect((await send(group('my-org/my-app', 'g1'), 'GET')).status).toBe(429);
    // Per app: another app has its own windows.
    expect((await send(group('app-id/42', 'g2'), 'GET')).status).toBe(200);
    await send(control('clock'), 'POST', { advanceMs: 1000 }, {});
    expect((await send(group('my-org/my-app', 'g1'), 'GET')).status).toBe(200);
  } finally {
    await send(control('faults'), 'POST', {}, {});
    await send(control('clock'), 'POST', { real: true }, {});
  }
});

it('adds latency to API answers', async () => {
  await seedTwoApps();
  await send(control('faults'), 'POST', { latencyMs: 150 }, {});
  const start = performance.now();
  await send(group('my-org/my-app', 'g1'), 'GET');
  const elapsed = performance.now() - start;
  await send(control('faults'), 'POST', {}, {});
  expect(elapsed).toBeGreaterThanOrEqual(140);
});
