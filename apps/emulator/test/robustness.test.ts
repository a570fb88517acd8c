// Requests that crash other servers get a 4xx in the documented error shape, and the emulator goes on serving.
import { request } from 'node:http';
import { connect } from 'node:net';
import { expect, it } from 'vitest';
import { AUTH, loadState, send, useEmulator } from './support/emulator.js';

const emulator = useEmulator();
const base = () => `${emulator().url}/my-org/my-app`;

function rawRequest(method: string, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(emulator().url);
    const outgoing = request({ host: hostname, port, method, path, headers: AUTH }, response => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    outgoing.once('error', reject);
    outgoing.end();
  });
}

/** Writes bytes as they are (no client-side checks) and reads the status line. */
function rawBytes(text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(emulator().url);
    const socket = connect(Number(port), hostname, () => socket.write(text));
    let answer = '';
    socket.on('data', chunk => (answer += chunk.toString()));
    socket.once('end', () => resolve(answer.split('\r\n')[0] ?? ''));
    socket.once('error', reject);
  });
}

async function expectServing(): Promise<void> {
  const answer = await send(`${base()}/chatgroups/g1/users`, 'GET');
  expect(answer.status).toBe(200);
}

it('answers malformed percent-encodings with 400', async () => {
  await loadState(emulator().url, { 'my-org/my-app': { users: [{ username: 'u1' }], groups: [{ id: 'g1', owner: 'u1' }] } });
  for (const segment of ['%ZZ', '%', '%E7%BE', '%C0%AE%C0%AE', '%ED%A0%80']) {
    const answer = await send(`${base()}/chatgroups/${segment}/users`, 'GET');
    expect(answer.status, segment).toBe(400);
    expect(Object.keys(answer.body).sort()).toEqual(['duration', 'error', 'error_description', 'exception', 'timestamp']);
  }
  await expectServing();
});

it('answers deep, huge and malformed JSON with a 4xx', async () => {
  const deep = '['.repeat(100_000) + ']'.repeat(100_000);
  expect((await send(`${base()}/chatgroups/g1/users`, 'POST', deep)).status).toBe(400);
  const deepObject = `{"usernames":["u1"],"x":${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}`;
  expect((await send(`${base()}/chatgroups/g1/users`, 'POST', deepObject)).status).toBeLessThan(500);
  expect((await send(`${base()}/chatgroups/g1/users`, 'POST', `{"usernames":["${'x'.repeat(6 * 1024 * 1024)}"]}`)).status).toBe(413);
  const broken = await send(`${base()}/chatgroups/g1/users`, 'POST', '{"usernames": [');
  expect([broken.status, broken.body.error]).toEqual([400, 'illegal_argument']);
  await expectServing();
});

it('answers odd methods and unknown paths with a 4xx', async () => {
  expect(await rawRequest('PATCH', '/my-org/my-app/chatgroups/g1/users')).toBe(405);
  expect(await rawRequest('PROPFIND', '/my-org/my-app/chatgroups/g1/users')).toBe(405);
  expect(await rawBytes('CONNECT example.com:443 HTTP/1.1\r\nHost: example.com\r\n\r\n')).toBe('HTTP/1.1 405 Method Not Allowed');
  expect(await rawBytes('BREW /pot HTTP/1.1\r\n\r\n')).toBe('HTTP/1.1 400 Bad Request');
  // Without a prefix the path reads as org `chatgroups`, app `g1`: GET /users/admin is no operation.
  expect((await send(`${emulator().url}/chatgroups/g1/users/admin/x`, 'GET')).status).toBe(404);
  expect((await send(`${base()}/no/such/thing`, 'GET')).status).toBe(404);
  await expectServing();
});

it('reads a JSON body whatever its Content-Type says, and takes {} on an operation without a body', async () => {
  const url = `${base()}/chatgroups/g1/users`;
  for (const type of [undefined, 'application/x-www-form-urlencoded', 'text/plain']) {
    await send(`${emulator().url}/_emulator/state`, 'PUT', { version: 1, apps: { 'my-org/my-app': { users: [{ username: 'u1' }, { username: 'u2' }], groups: [{ id: 'g1', owner: 'u1' }] } } }, {});
    const headers: Record<string, string> = { ...AUTH, ...(type ? { 'content-type': type } : {}) };
    const answer = await send(url, 'POST', { usernames: ['u2'] }, headers);
    expect(answer.status, String(type)).toBe(200);
    expect(answer.body.data.newmembers).toEqual(['u2']);
  }
  expect((await send(`${base()}/chatgroups/g1/ban`, 'POST', {})).status).toBe(200);
});

it('names the field of an invalid request in the documented error shape', async () => {
  const wrongType = await send(`${base()}/chatgroups/g1/users`, 'POST', { usernames: 'u2' });
  expect(wrongType.status).toBe(400);
  expect(wrongType.body.error_description).toBe('Request body property usernames must be array');
  const page = await send(`${base()}/chatgroups/g1/users?pagesize=1001`, 'GET');
  expect([page.status, page.body.error_description]).toEqual([400, 'Request query parameter pagesize must be <= 1000']);
  const missing = await send(`${base()}/chatgroups/g1/admin`, 'POST', {});
  expect(missing.body.error_description).toBe('Request body property newadmin is required');
});

it('answers a documented limit with the documented example', async () => {
  const names = Array.from({ length: 61 }, (_, i) => `u${i}`).join(',');
  const answer = await send(`${base()}/chatgroups/g1/users/${names}`, 'DELETE');
  expect([answer.status, answer.body.error, answer.body.error_description]).toEqual([400, 'invalid_parameter', 'kickMember: kickMembers number more than maxSize : 60']);
});
