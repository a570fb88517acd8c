// Flows as a user's integration test writes them, with @easemob-openapi/client against the emulator.
import { createClient, EasemobApiError, withOperations } from '@easemob-openapi/client';
import { beforeEach, expect, it } from 'vitest';
import { send, useEmulator } from './support/emulator.js';

const emulator = useEmulator();
let GROUP = '';
const MEMBERS = Array.from({ length: 2500 }, (_, i) => `user${String(i + 1).padStart(4, '0')}`);

function client(prefix: 'org-app' | 'app-id' = 'org-app') {
  const endpoint = prefix === 'org-app' ? { orgName: 'my-org', appName: 'my-app' } : { appId: 'app1' };
  return withOperations(createClient({ host: emulator().url, ...endpoint, retry: { maxAttempts: 1 } }, 'test-token'));
}

async function failure(promise: Promise<unknown>): Promise<EasemobApiError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof EasemobApiError)) throw new Error(`expected an EasemobApiError, got ${String(error)}`);
  return error;
}

beforeEach(async () => {
  await send(`${emulator().url}/_emulator/reset`, 'POST', {}, {});
  // Users and the group through the API; registration takes at most 60 users per call.
  const im = client();
  const names = ['alice', 'bob', ...MEMBERS];
  for (let start = 0; start < names.length; start += 60) {
    const registered = await im.registerUsers({}, names.slice(start, start + 60).map(username => ({ username, password: 'secret' })));
    expect(registered.entities).toHaveLength(Math.min(60, names.length - start));
  }
  GROUP = (await im.createGroup({}, { groupname: 'flows', public: true, maxusers: 3000, owner: 'alice' })).data.groupid;
});

it('adds 2,500 members in batches, pages through them, and removes some', async () => {
  const im = client();
  const added = await im.batch('addGroupMembers', { group_id: GROUP }, MEMBERS);
  expect(added.failed).toEqual([]);
  expect(added.succeeded).toHaveLength(2500);

  const listed: string[] = [];
  for await (const entry of im.items('listGroupMembers', { group_id: GROUP }, { pageSize: 1000 })) listed.push('owner' in entry ? `owner:${entry.owner}` : entry.member);
  expect(listed).toEqual(['owner:alice', ...MEMBERS]);

  const removed = await im.removeGroupMembers({ group_id: GROUP, username: ['user0001', 'bob', 'user0002'] });
  expect(removed.data).toEqual([
    { result: true, action: 'remove_member', user: 'user0001', groupid: GROUP },
    { result: false, action: 'remove_member', user: 'bob', groupid: GROUP, reason: `user: bob doesn't exist in group: ${GROUP}` },
    { result: true, action: 'remove_member', user: 'user0002', groupid: GROUP },
  ]);
  const page = await im.listGroupMembers({ group_id: GROUP, pagenum: 1, pagesize: 3 });
  expect(page.data).toEqual([{ owner: 'alice' }, { member: 'user0003' }, { member: 'user0004' }]);
  expect(page.count).toBe(3);
});

it('answers the documented errors that the state causes', async () => {
  const im = client();
  await im.addGroupMember({ group_id: GROUP, username: 'bob' });

  const again = await failure(im.addGroupMember({ group_id: GROUP, username: 'bob' }));
  expect([again.status, again.error, again.errorDescription]).toEqual([403, 'forbidden_op', `can not join this group, reason:user: bob already in group: ${GROUP}\n`]);

  const ghost = await failure(im.addGroupMember({ group_id: GROUP, username: 'ghost' }));
  expect([ghost.status, ghost.error, ghost.errorDescription]).toEqual([404, 'resource_not_found', "username ghost doesn't exist!"]);

  const noGroup = await failure(im.addGroupMember({ group_id: '404404', username: 'bob' }));
  expect([noGroup.status, noGroup.errorDescription]).toEqual([404, 'grpID 404404 does not exist!']);

  const owner = await failure(im.removeGroupMembers({ group_id: GROUP, username: ['alice'] }));
  expect([owner.status, owner.errorDescription]).toEqual([403, 'forbidden operation on group owner!']);

  const notMember = await failure(im.removeGroupMembers({ group_id: GROUP, username: ['user0001', 'user0002'] }));
  expect([notMember.status, notMember.errorDescription]).toEqual([403, 'users [user0001, user0002] are not members of this group!']);

  const sameOwner = await failure(im.updateGroup({ group_id: GROUP }, { newowner: 'alice' }));
  expect(sameOwner.errorDescription).toBe('new owner and old owner are the same');
  await im.updateGroup({ group_id: GROUP }, { newowner: 'bob' });
  const members = await im.listGroupMembers({ group_id: GROUP });
  expect(members.data).toEqual([{ owner: 'bob' }, { member: 'alice' }]);
});

it('keeps each prefix its own app', async () => {
  await client().addGroupMember({ group_id: GROUP, username: 'bob' });
  const elsewhere = await failure(client('app-id').listGroupMembers({ group_id: GROUP }));
  expect([elsewhere.status, elsewhere.errorDescription]).toEqual([404, `do not find this group:${GROUP}`]);
});

it('lifts a timed mute when the clock passes it, and keeps a permanent one', async () => {
  const im = client();
  await im.addGroupMembers({ group_id: GROUP }, { usernames: ['bob', 'user0001'] });
  await im.muteGroupMembers({ group_id: GROUP }, { usernames: ['bob'], mute_duration: 60_000 });
  await im.muteGroupMembers({ group_id: GROUP }, { usernames: ['user0001'], mute_duration: -1 });
  expect((await im.listGroupMutes({ group_id: GROUP })).data.map(mute => mute.user)).toEqual(['bob', 'user0001']);
  await send(`${emulator().url}/_emulator/clock`, 'POST', { advanceMs: 60_001 }, {});
  try {
    expect((await im.listGroupMutes({ group_id: GROUP })).data).toEqual([{ user: 'user0001', expire: 4638873600000 }]);
  } finally {
    await send(`${emulator().url}/_emulator/clock`, 'POST', { real: true }, {});
  }
});

it('runs a chatroom from creation to removal', async () => {
  const im = client();
  const { data } = await im.createChatroom({}, { name: 'lobby', description: 'hello', maxusers: 10, owner: 'alice', members: ['bob'] });
  const room = data.id;
  await im.addChatroomMembers({ chatroom_id: room }, { usernames: ['user0001', 'user0002'] });
  const members = await im.listChatroomMembers({ chatroom_id: room, pagenum: 1, pagesize: 10 });
  expect(members.data).toEqual([{ owner: 'alice' }, { member: 'bob' }, { member: 'user0001' }, { member: 'user0002' }]);
  const joined = await im.listUserJoinedChatrooms({ username: 'bob' });
  expect(joined.data).toEqual([{ id: room, name: 'lobby' }]);
  const tooSmall = await failure(im.updateChatroom({ chatroom_id: room }, { maxusers: 2 }));
  expect([tooSmall.status, tooSmall.error]).toEqual([403, 'forbidden_op']);
  await im.deleteChatroom({ chatroom_id: room });
  const gone = await failure(im.getChatrooms({ chatroom_id: [room] }));
  expect([gone.status, gone.errorDescription]).toEqual([404, `do not find this group:${room}`]);
  expect((await im.listUserJoinedChatrooms({ username: 'bob' })).data).toEqual([]);
});

it('registers a user once, keeps contacts both ways, and reads user attributes sent as form fields', async () => {
  const im = client();
  const again = await failure(im.registerUsers({}, { username: 'bob', password: 'secret' }));
  expect([again.status, again.error]).toEqual([400, 'duplicate_unique_property_exists']);
  const partly = await im.registerUsers({}, [{ username: 'carol', password: 'secret' }, { username: 'bob', password: 'secret' }]);
  expect(partly.entities).toMatchObject([{ username: 'carol', activated: true }]);
  expect(partly.path).toBe('/users');
  expect(partly.data).toEqual([{ username: 'bob', registerUserFailReason: 'the bob already exists' }]);

  await im.addContact({ username: 'alice', friend_username: 'bob' });
  expect((await im.listAllContacts({ username: 'bob' })).data).toEqual(['alice']);
  const remark = await failure(im.setContactRemark({ username: 'alice', friend_username: 'carol' }, { remark: 'r' }));
  expect([remark.status, remark.errorDescription]).toEqual([400, 'updateRemark they are not friends, please add as a friend first.']);

  // The client types no form-urlencoded body yet: the form is sent as a user's curl would.
  const attributes = `${emulator().url}/my-org/my-app/metadata/user/alice`;
  const form = { Authorization: 'Bearer t', 'content-type': 'application/x-www-form-urlencoded' };
  expect((await send(attributes, 'PUT', 'nickname=Alice&avatarurl=http%3A%2F%2Fa', form)).status).toBe(200);
  await send(attributes, 'PUT', { nickname: 'A' });
  expect((await im.getUserAttributes({ username: 'alice' })).data).toEqual({ nickname: 'A', avatarurl: 'http://a' });
  const tooLong = await send(attributes, 'PUT', `nickname=${'x'.repeat(65)}`, form);
  expect([tooLong.status, tooLong.body.error_description]).toEqual([400, 'Request body property nickname must NOT have more than 64 characters']);
});

it('keeps sent messages: recalls within the window, modifies, starts a thread on one, deletes roaming copies', async () => {
  const im = client();
  await im.addGroupMember({ group_id: GROUP, username: 'bob' });
  const sent = await im.sendUserMessage({}, { from: 'alice', to: ['bob'], type: 'txt', body: { msg: 'hello' } });
  const direct = sent.data!['bob']!;
  const recalled = await im.recallMessage({}, { msg_id: direct, to: 'bob', from: 'alice', chat_type: 'chat', force: false });
  expect(recalled.data).toEqual({ recalled: 'yes', chattype: 'chat', from: 'alice', to: 'bob', msg_id: direct });
  const gone = await failure(im.recallMessage({}, { msg_id: direct, to: 'bob', chat_type: 'chat' }));
  expect([gone.status, gone.errorDescription]).toEqual([403, 'not_found msg']);

  const late = (await im.sendUserMessage({}, { from: 'alice', to: ['bob'], type: 'txt', body: { msg: 'late' } })).data!['bob']!;
  await send(`${emulator().url}/_emulator/clock`, 'POST', { advanceMs: 2 * 60_000 + 1 }, {});
  try {
    const window = await failure(im.recallMessage({}, { msg_id: late, to: 'bob', chat_type: 'chat' }));
    expect([window.status, window.errorDescription]).toEqual([403, 'exceed recall time limit']);
    await im.recallMessage({}, { msg_id: late, to: 'bob', chat_type: 'chat', force: true });
  } finally {
    await send(`${emulator().url}/_emulator/clock`, 'POST', { real: true }, {});
  }

  const inGroup = (await im.sendGroupMessage({}, { from: 'alice', to: [GROUP], type: 'txt', body: { msg: 'thread me' } })).data![GROUP]!;
  expect((await im.modifyMessage({ msg_id: inGroup }, { user: 'alice', new_msg: { type: 'txt', msg: 'edited' } })).data).toBe('success');
  const thread = await im.createThread({}, { group_id: GROUP, name: 'topic', owner: 'bob', msg_id: inGroup });
  expect(thread.data?.thread_id).toMatch(/^\d+$/);
  const twice = await failure(im.createThread({}, { group_id: GROUP, name: 'again', owner: 'bob', msg_id: inGroup }));
  expect([twice.status, twice.errorDescription]).toEqual([403, 'msg already create thread.not allow to create.']);

  await im.deleteGroupRoamingMessages({ userId: 'bob', groupId: GROUP, msgIdList: inGroup });
  const state = await send(`${emulator().url}/_emulator/state`, 'GET', undefined, {});
  const stored = state.body.apps['my-org/my-app'].messages.find((message: { id: string }) => message.id === inGroup);
  expect(stored).toMatchObject({ body: { msg: 'edited' }, edits: 1, hiddenFor: ['bob'] });
});
