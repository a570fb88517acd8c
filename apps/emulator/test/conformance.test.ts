// Every operation of the bundled spec, sent as documented (parameter examples, first body example)
// after seeding through the API what it acts on, answers its documented success status with a body
// that its response schema accepts; under both prefixes.
import { expect, it } from 'vitest';
import { EXAMPLE_HEADER } from '../src/index.js';
import { HANDLERS } from '../src/resources/index.js';
import { byId, entries, prefixesOf, responseViolations, type Entry } from './support/spec.js';
import { send, useEmulator } from './support/emulator.js';

const emulator = useEmulator();

const OWNER = 'owner0';
/** Request fields that name users. */
const USER_FIELDS = ['username', 'friend_username', 'blocked_username', 'oldadmin', 'superAdmin', 'member', 'members', 'usernames', 'newowner', 'newadmin', 'owner', 'targets', 'superadmin', 'check_list'];
/** Operations that register the users they name: those must not exist yet. */
const REGISTERING = new Set(['registerUsers']);
/** Operations that add users to a room: the users they name must not be members yet. */
const JOINING = new Set(['addGroupMembers', 'addGroupMember', 'addChatroomMembers', 'addChatroomMember', 'createChatroom', 'createGroup']);

interface Input {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  body: any;
}

/** What the operation's removal undoes: the call that puts the state in place first. */
const PRECONDITIONS: Record<string, (input: Input) => [string, Input['path'], unknown]> = {
  removeGroupAdmin: input => ['addGroupAdmin', { group_id: input.path['group_id'] }, { newadmin: input.path['username'] }],
  removeGroupBlocklistUsers: input => ['addGroupBlocklistUsers', { group_id: input.path['group_id'] }, { usernames: input.path['username'] }],
  removeGroupAllowlistUsers: input => ['addGroupAllowlistUsers', { group_id: input.path['group_id'] }, { usernames: input.path['username'] }],
  unmuteGroupMembers: input => ['muteGroupMembers', { group_id: input.path['group_id'] }, { usernames: input.path['member'], mute_duration: 60_000 }],
  removeChatroomAdmin: input => ['addChatroomAdmin', { chatroom_id: input.path['chatroom_id'] }, { newadmin: input.path['oldadmin'] }],
  unmuteChatroomMembers: input => ['muteChatroomMembers', { chatroom_id: input.path['chatroom_id'] }, { usernames: input.path['members'], mute_duration: 60_000 }],
  removeChatroomSuperAdmin: input => ['addChatroomSuperAdmin', {}, { superadmin: input.path['superAdmin'] }],
  setContactRemark: input => ['addContact', { username: input.path['username'], friend_username: input.path['friend_username'] }, undefined],
  muteChatroomMembersByTag: input => ['setChatroomMemberTags', { chatroom_id: input.path['chatroom_id'], username: OWNER }, { tags: [input.body.tag] }],
  removeChatroomBlocklistUsers: input => ['addChatroomBlocklistUsers', { chatroom_id: input.path['chatroom_id'] }, { usernames: input.path['username'] }],
  removeChatroomAllowlistUsers: input => ['addChatroomAllowlistUsers', { chatroom_id: input.path['chatroom_id'] }, { usernames: input.path['username'] }],
};

function documentedRequest(entry: Entry): Input {
  const input: Input = { path: {}, query: {}, body: undefined };
  for (const p of entry.parameters) {
    const value = p.example ?? p.schema?.example;
    if (p.in === 'path') input.path[p.name] = value;
    else if (p.in === 'query' && value !== undefined) input.query[p.name] = value;
  }
  // JSON, or form fields sent as JSON: the emulator reads both, as the server does.
  const content = entry.operation.requestBody?.content ?? {};
  const examples = Object.values((content['application/json'] ?? content['application/x-www-form-urlencoded'])?.examples ?? {});
  input.body = structuredClone(examples[0]?.value);
  return input;
}

function namesIn(input: Input): string[] {
  const values = USER_FIELDS.flatMap(field => [input.path[field], input.body && typeof input.body === 'object' ? input.body[field] : undefined]);
  return [...new Set(values.flat().filter((value): value is string => typeof value === 'string'))];
}

function urlOf(origin: string, prefix: string, entry: Entry, path: Input['path'], query: Input['query'] = {}): string {
  const filled = entry.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = path[name];
    return Array.isArray(value) ? value.map(item => encodeURIComponent(String(item))).join(',') : encodeURIComponent(String(value));
  });
  const search = new URLSearchParams(Object.entries(query).map(([name, value]) => [name, String(value)]));
  return `${origin}${prefix}${filled}${search.size ? `?${search}` : ''}`;
}

async function call(origin: string, prefix: string, operationId: string, path: Input['path'], body?: unknown) {
  const entry = byId.get(operationId)!;
  const answer = await send(urlOf(origin, prefix, entry, path), entry.method.toUpperCase(), body);
  if (answer.status !== 200) throw new Error(`seeding ${operationId}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** Users and the group (or room, or thread) the request acts on, created before it is sent. */
async function seed(origin: string, prefix: string, entry: Entry, input: Input): Promise<void> {
  const operationId = entry.operation.operationId;
  const names = REGISTERING.has(operationId) ? [] : namesIn(input);
  const members = JOINING.has(operationId) ? [] : names.filter(name => name !== OWNER);
  let groupId = input.path['group_id'] ?? input.body?.group_id ?? (input.path['thread_id'] ? 'thread group' : undefined);
  // Through the API, as a user's test does.
  await call(origin, prefix, 'registerUsers', {}, [OWNER, ...names].map(username => ({ username, password: 'secret-1' })));
  if (groupId !== undefined) {
    const created = await call(origin, prefix, 'createGroup', {}, { groupname: 'g', description: 'd', public: true, maxusers: 200, owner: OWNER, members });
    groupId = created.data.groupid;
    if (input.path['group_id'] !== undefined) input.path['group_id'] = groupId;
    if (input.body?.group_id !== undefined) input.body.group_id = groupId;
  }
  if (input.path['chatroom_id'] !== undefined) {
    const created = await call(origin, prefix, 'createChatroom', {}, { name: 'room', description: 'd', maxusers: 200, owner: OWNER, ...(members.length ? { members } : {}) });
    input.path['chatroom_id'] = Array.isArray(input.path['chatroom_id']) ? [created.data.id] : created.data.id;
  }
  // The messages a request acts on are sent first; their IDs replace the documented ones.
  const sendTo = async (operationId: string, from: string, to: string, type = 'txt') => {
    const body = type === 'custom' ? { customEvent: 'event' } : { msg: 'hello' };
    const sent = await call(origin, prefix, operationId, {}, { from, to: [to], type, body });
    return String(sent.data[to]);
  };
  if (operationId === 'createThread') input.body.msg_id = await sendTo('sendGroupMessage', OWNER, String(groupId));
  if (input.path['thread_id'] !== undefined) {
    const created = await call(origin, prefix, 'createThread', {}, { group_id: groupId, name: 't', owner: OWNER, msg_id: await sendTo('sendGroupMessage', OWNER, String(groupId)) });
    input.path['thread_id'] = created.data.thread_id;
  }
  for (const recalled of operationId === 'recallMessage' ? [input.body] : operationId === 'recallMessages' ? input.body.msgs : []) {
    recalled.msg_id = await sendTo('sendUserMessage', recalled.from, recalled.to);
  }
  if (operationId === 'modifyMessage') input.path['msg_id'] = await sendTo('sendUserMessage', input.body.user, OWNER, input.body.new_msg.type);
  const precondition = PRECONDITIONS[operationId]?.(input);
  if (precondition) await call(origin, prefix, precondition[0], precondition[1], precondition[2]);
}

it('models only operations of the spec', () => {
  expect([...HANDLERS.keys()].filter(operationId => !byId.has(operationId))).toEqual([]);
});

const cases = entries.flatMap(entry => prefixesOf(entry).map(prefix => ({ entry, prefix })));

it.each(cases.map(c => [`${c.entry.operation.operationId} under ${c.prefix}`, c] as const))('%s answers as documented', async (_, { entry, prefix }) => {
  const origin = emulator().url;
  await send(`${origin}/_emulator/reset`, 'POST', {}, {});
  const input = documentedRequest(entry);
  await seed(origin, prefix, entry, input);
  const answer = await send(urlOf(origin, prefix, entry, input.path, input.query), entry.method.toUpperCase(), input.body);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  const fromExample = answer.headers.get(EXAMPLE_HEADER) === 'example';
  expect(fromExample, 'marked as served from the example exactly when no module models it').toBe(!HANDLERS.has(entry.operation.operationId));
  const [type, media] = Object.entries(entry.operation.responses['200']?.content ?? {})[0]!;
  const example = Object.values(media.examples ?? {})[0]?.value;
  if (!type.includes('json')) {
    // A binary answer (a file download): its documented content type and some bytes.
    expect(answer.headers.get('content-type')).toBe(type);
    expect(String(answer.body ?? '').length).toBeGreaterThan(0);
    if (fromExample) expect(answer.body).toBe(example);
    return;
  }
  expect(responseViolations(entry, 200, answer.body), JSON.stringify(answer.body)).toEqual([]);
  if (fromExample) expect(answer.body).toEqual(example);
});
