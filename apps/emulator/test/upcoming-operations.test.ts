// Operations other engineers are adding to the spec are picked up by operationId with no code of
// their own: a spec extended with a few of them (shapes as the vendor documents them) is served
// from state where a module models them, and from the documented example where none does.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { EXAMPLE_HEADER } from '../src/index.js';
import { send, useEmulator } from './support/emulator.js';

const ENVELOPE = { action: 'post', application: 'a', uri: 'u', entities: [], data: {}, timestamp: 1, duration: 0, organization: 'o', applicationName: 'n' };
const name = { type: 'string', minLength: 1 };
const path = (...names: string[]) => names.map(parameter => ({ name: parameter, in: 'path', required: true, schema: name }));

function operation(operationId: string, parameters: object[], example: object, body?: object, bodyType = 'application/json') {
  return {
    operationId,
    parameters,
    ...(body ? { requestBody: { required: true, content: { [bodyType]: { schema: body } } } } : {}),
    responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object' }, examples: { first: { value: example } } } } } },
  };
}

const sharedFilesExample = { ...ENVELOPE, action: 'get', data: [{ file_id: 'f1', file_name: 'a.txt', file_owner: 'u1', file_size: 3, created: 1 }] };
const upcoming = {
  '/users': {
    post: operation('registerUsers', [], ENVELOPE, {
      oneOf: [
        { type: 'object', required: ['username'], properties: { username: name, password: { type: 'string' } } },
        { type: 'array', maxItems: 60, items: { type: 'object', required: ['username'], properties: { username: name, password: { type: 'string' } } } },
      ],
    }),
  },
  '/users/{username}': { get: operation('getUser', path('username'), ENVELOPE), delete: operation('deleteUser', path('username'), ENVELOPE) },
  '/chatgroups': {
    post: operation('createGroup', [], ENVELOPE, { type: 'object', required: ['owner', 'public'], properties: { owner: name, public: { type: 'boolean' }, members: { type: 'array', items: name }, maxusers: { type: 'integer' } } }),
  },
  '/chatgroups/{group_id}': {
    get: operation('getGroups', [{ name: 'group_id', in: 'path', required: true, schema: { type: 'array', items: name } }], { ...ENVELOPE, count: 1 }),
    delete: operation('deleteGroup', path('group_id'), ENVELOPE),
  },
  '/chatgroups/user/{username}': { get: operation('listUserJoinedGroups', path('username'), ENVELOPE) },
  '/chatgroups/{group_id}/share_files': { get: operation('listGroupSharedFiles', path('group_id'), sharedFilesExample) },
  '/users/{owner_username}/contacts/users/{friend_username}': { post: operation('addContact', path('owner_username', 'friend_username'), ENVELOPE) },
  '/users/{owner_username}/contacts/users': { get: operation('listAllContacts', path('owner_username'), ENVELOPE) },
  '/metadata/user/{username}': {
    put: operation('setUserAttributes', path('username'), ENVELOPE, { type: 'object', additionalProperties: { type: 'string', maxLength: 16 } }, 'application/x-www-form-urlencoded'),
    get: operation('getUserAttributes', path('username'), ENVELOPE),
  },
};

const dir = mkdtempSync(join(tmpdir(), 'emulator-upcoming-'));
const specFile = join(dir, 'openapi.json');
const bundled = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('@easemob-openapi/spec/openapi.json'), 'utf8'));
const present = new Set(Object.values(bundled.paths).flatMap(item => Object.values(item as Record<string, { operationId?: string }>).map(op => op.operationId)));
const added = Object.fromEntries(Object.entries(upcoming).map(([key, item]) => [key, Object.fromEntries(Object.entries(item).filter(([, op]) => !present.has(op.operationId)))]));
writeFileSync(specFile, JSON.stringify({ ...bundled, paths: { ...bundled.paths, ...Object.fromEntries(Object.entries(added).map(([key, item]) => [key, { ...bundled.paths[key], ...item }])) } }));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const emulator = useEmulator({ spec: specFile });
const api = (route: string) => `${emulator().url}/my-org/my-app${route}`;

it('registers users, creates a group with them, and answers the envelope the example shows', async () => {
  const registered = await send(api('/users'), 'POST', [{ username: 'alice', password: 'p' }, { username: 'bob', password: 'p' }, { username: 'carol' }]);
  expect(registered.status).toBe(200);
  expect(registered.body.entities.map((user: { username: string }) => user.username)).toEqual(['alice', 'bob', 'carol']);
  expect(Object.keys(registered.body)).toEqual([...Object.keys(ENVELOPE)]);

  const created = await send(api('/chatgroups'), 'POST', { owner: 'alice', public: true, members: ['bob'] });
  const group: string = created.body.data.groupid;
  expect((await send(api(`/chatgroups/${group}/users/carol`), 'POST')).status).toBe(200);
  const details = await send(api(`/chatgroups/${group}`), 'GET');
  expect(details.body.data[0]).toMatchObject({ id: group, owner: 'alice', affiliations_count: 3 });
  expect(details.body.count).toBe(1);
  expect((await send(api('/chatgroups/user/bob'), 'GET')).body.data).toEqual([{ groupid: group, groupname: '' }]);

  expect((await send(api('/users/bob'), 'DELETE')).status).toBe(200);
  expect((await send(api(`/chatgroups/${group}/users`), 'GET')).body.data).toEqual([{ owner: 'alice' }, { member: 'carol' }]);
  expect((await send(api('/users/bob'), 'GET')).status).toBe(404);

  expect((await send(api(`/chatgroups/${group}`), 'DELETE')).status).toBe(200);
  expect((await send(api(`/chatgroups/${group}/users`), 'GET')).status).toBe(404);
});

it('refuses a second registration of the same user and keeps contacts both ways', async () => {
  await send(api('/users'), 'POST', { username: 'dave' });
  const again = await send(api('/users'), 'POST', { username: 'dave' });
  expect([again.status, again.body.error]).toEqual([400, 'duplicate_unique_property_exists']);
  await send(api('/users'), 'POST', { username: 'erin' });
  expect((await send(api('/users/dave/contacts/users/erin'), 'POST')).status).toBe(200);
  expect((await send(api('/users/erin/contacts/users'), 'GET')).body.data).toEqual(['dave']);
});

it('reads form-urlencoded fields where the operation takes them, and JSON there too', async () => {
  await send(api('/users'), 'POST', { username: 'frank' });
  const form = await send(api('/metadata/user/frank'), 'PUT', 'nickname=Frank&avatarurl=http%3A%2F%2Fa', { Authorization: 'Bearer t', 'content-type': 'application/x-www-form-urlencoded' });
  expect(form.body.data).toEqual({ nickname: 'Frank', avatarurl: 'http://a' });
  await send(api('/metadata/user/frank'), 'PUT', { nickname: 'F' });
  expect((await send(api('/metadata/user/frank'), 'GET')).body.data).toEqual({ nickname: 'F', avatarurl: 'http://a' });
  const tooLong = await send(api('/metadata/user/frank'), 'PUT', `nickname=${'x'.repeat(17)}`);
  expect([tooLong.status, tooLong.body.error_description]).toEqual([400, 'Request body property nickname must NOT have more than 16 characters']);
});

it('serves an operation no module models from its first documented example, marked by a header', async () => {
  const answer = await send(api('/chatgroups/1/share_files'), 'GET');
  expect(answer.status).toBe(200);
  expect(answer.headers.get(EXAMPLE_HEADER)).toBe('example');
  expect(answer.body).toEqual(sharedFilesExample);
  const listed = await send(`${emulator().url}/_emulator/operations`, 'GET', undefined, {});
  expect(listed.body.examples).toContain('listGroupSharedFiles');
  expect(listed.body.modelled).toContain('registerUsers');
});
