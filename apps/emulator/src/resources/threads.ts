/** Threads (子区) of groups: create on a stored group message, list (cursor pages), rename, delete, members. */
import { nextId, type AppState, type Thread } from '../state/model.js';
import { cursorPage, fail, userOf } from './lookup.js';
import type { Call, Fields, ResourceModule } from './module.js';

const PAGE = 50;

function threadOf(call: Call): Thread {
  return call.app.threads.get(call.path['thread_id']) ?? fail('threadNotFound');
}

function sorted(threads: Thread[], sort: string | undefined): Thread[] {
  const ascending = [...threads].sort((a, b) => a.created - b.created || Number(a.id) - Number(b.id));
  return sort === 'asc' ? ascending : ascending.reverse();
}

function listing(call: Call, threads: Thread[], entity: (thread: Thread) => Fields[string]): Fields {
  const { page, next } = cursorPage(sorted(threads, call.query['sort']), call.query['limit'] ?? PAGE, call.query['cursor']);
  return { entities: page.map(entity), properties: { cursor: next } };
}

const described = (thread: Thread) => ({ name: thread.name, owner: thread.owner, id: thread.id, msgId: thread.msgId, groupId: thread.groupId, created: thread.created });

function threadsOfUser(app: AppState, username: string): Thread[] {
  return [...app.threads.values()].filter(thread => thread.members.has(username));
}

export const threads: ResourceModule = {
  resource: 'threads',
  handlers: {
    createThread(call) {
      const groupId = String(call.body.group_id);
      const msgId = String(call.body.msg_id);
      const owner: string = call.body.owner;
      const group = call.app.groups.get(groupId) ?? fail('groupNotFound');
      if (!group.members.has(owner)) fail('ownerNotInGroup');
      const message = call.app.messages.get(msgId) ?? fail('messageNotFound');
      if (message.chatType !== 'groupchat') fail('notGroupMessage');
      if (message.to !== groupId) fail('messageNotInGroup');
      if ([...call.app.threads.values()].some(thread => thread.groupId === groupId && thread.msgId === msgId)) fail('messageHasThread');
      const thread: Thread = { id: nextId(call.app), name: call.body.name, owner, groupId, msgId, created: call.now, members: new Set([owner]) };
      call.app.threads.set(thread.id, thread);
      return { data: { thread_id: thread.id } };
    },
    listThreads(call) {
      return listing(call, [...call.app.threads.values()], thread => ({ id: thread.id }));
    },
    listUserThreads(call) {
      return listing(call, threadsOfUser(call.app, call.path['username']), described);
    },
    listUserGroupThreads(call) {
      const groupId: string = call.path['group_id'];
      return listing(call, threadsOfUser(call.app, call.path['username']).filter(thread => thread.groupId === groupId), described);
    },
    renameThread(call) {
      const thread = threadOf(call);
      thread.name = call.body.name;
      return { data: { name: thread.name } };
    },
    deleteThread(call) {
      call.app.threads.delete(threadOf(call).id);
      return { data: { status: 'ok' } };
    },
    listThreadMembers(call) {
      const { page, next } = cursorPage([...threadOf(call).members], call.query['limit'] ?? PAGE, call.query['cursor']);
      return { data: { affiliations: page }, properties: { cursor: next } };
    },
    addThreadMembers(call) {
      const thread = threadOf(call);
      const group = call.app.groups.get(thread.groupId);
      for (const name of call.body.usernames as string[]) {
        userOf(call, name);
        if (group && !group.members.has(name)) fail('createThread#ownerNotInGroup');
        thread.members.add(name);
      }
      return { data: { status: 'ok' } };
    },
    removeThreadMembers(call) {
      const thread = threadOf(call);
      return { entities: (call.body.usernames as string[]).map(user => ({ result: user !== thread.owner && thread.members.delete(user), user })) };
    },
  },
  errors: {
    createThread: {
      invalidBody: 'validation',
      nameTooLong: 'validation',
      groupNotFound: 'state',
      ownerNotInGroup: 'state',
      messageHasThread: 'state',
      notGroupMessage: 'state',
      messageNotInApp: { not: "each app keeps its own messages: another app's message ID is not found (messageNotFound)" },
      messageNotInGroup: 'state',
      messageNotFound: 'state',
      threadNotNested: { not: 'messages sent in a thread are not told apart from group messages' },
      threadNumberLimitReached: { not: 'the per-group thread limit depends on the plan' },
      userJoinThreadLimitReached: { not: 'the per-user thread limit depends on the plan' },
      threadNotOpen: { not: 'threads are always enabled in the emulator (a console setting)' },
    },
    listThreads: { queryParamReachesLimit: 'validation', threadNotOpen: { not: 'threads are always enabled in the emulator' } },
    listUserThreads: { queryParamReachesLimit: 'validation', threadNotOpen: { not: 'threads are always enabled in the emulator' } },
    listUserGroupThreads: { queryParamReachesLimit: 'validation', threadNotOpen: { not: 'threads are always enabled in the emulator' } },
    renameThread: { nameTooLong: 'validation', threadNotFound: 'state', threadNotOpen: { not: 'threads are always enabled in the emulator' } },
    deleteThread: { threadNotFound: 'state', threadNotOpen: { not: 'threads are always enabled in the emulator' } },
    listThreadMembers: { queryParamReachesLimit: 'validation', threadNotFound: 'state', threadNotOpen: { not: 'threads are always enabled in the emulator' } },
    addThreadMembers: {
      requestBodyReachesLimit: 'validation',
      threadNotFound: 'state',
      threadNotOpen: { not: 'threads are always enabled in the emulator' },
      userJoinThreadLimitReached: { not: 'the per-user thread limit depends on the plan' },
    },
    removeThreadMembers: { requestBodyReachesLimit: 'validation', threadNotFound: 'state', threadNotOpen: { not: 'threads are always enabled in the emulator' } },
  },
  invalid: {
    createThread: [
      { field: 'body', keyword: 'parse', example: 'invalidBody' },
      { field: 'name', keyword: 'maxLength', example: 'nameTooLong' },
    ],
    renameThread: [{ field: 'name', keyword: 'maxLength', example: 'nameTooLong' }],
    listThreads: [{ field: 'limit', keyword: 'maximum', example: 'queryParamReachesLimit' }],
    listUserThreads: [{ field: 'limit', keyword: 'maximum', example: 'queryParamReachesLimit' }],
    listUserGroupThreads: [{ field: 'limit', keyword: 'maximum', example: 'queryParamReachesLimit' }],
    listThreadMembers: [{ field: 'limit', keyword: 'maximum', example: 'queryParamReachesLimit' }],
    addThreadMembers: [{ field: 'usernames', keyword: 'maxItems', example: 'requestBodyReachesLimit' }],
    removeThreadMembers: [{ field: 'usernames', keyword: 'maxItems', example: 'requestBodyReachesLimit' }],
  },
};
