/**
 * Blocklists and allowlists of groups and chatrooms. Blocking removes the user from the room; both
 * lists take members only, answering a batch per name (`result: false` with a `reason` for the
 * others) and 403 when no name qualifies.
 */
import type { Room } from '../state/model.js';
import { chatroomOf, fail, groupOf, leaveRoom, NOT_MEMBERS } from './lookup.js';
import type { Call, Fields, ResourceModule } from './module.js';

type List = 'blocklist' | 'allowlist';

/** How a kind of room is found and named in the answers. */
interface Kind {
  find: (call: Call, id: string) => Room;
  idParameter: string;
  /** The field that carries the room's ID in per-name results. */
  idField: string;
  rooms: 'groups' | 'chatrooms';
}

const GROUPS: Kind = { find: groupOf, idParameter: 'group_id', idField: 'groupid', rooms: 'groups' };
const CHATROOMS: Kind = { find: chatroomOf, idParameter: 'chatroom_id', idField: 'chatroomid', rooms: 'chatrooms' };

const ACTIONS: Record<List, { add: string; remove: string }> = {
  blocklist: { add: 'add_blocks', remove: 'remove_blocks' },
  allowlist: { add: 'add_user_whitelist', remove: 'remove_user_whitelist' },
};

function addOne(call: Call, kind: Kind, room: Room, list: List, name: string): Fields {
  const item: Fields = { result: true, action: ACTIONS[list].add, user: name, [kind.idField]: room.id };
  if (list === 'blocklist' && name === room.owner) return { ...item, result: false, reason: call.reason('groupOwnerForbidden') };
  if (!room.members.has(name)) return { ...item, result: false, reason: call.reason('addGroupAdmin#userNotInGroup', name, room.id) };
  room[list].add(name);
  if (list === 'blocklist') leaveRoom(call.app, room, name, kind.rooms);
  return item;
}

function removeOne(call: Call, kind: Kind, room: Room, list: List, name: string): Fields {
  const item: Fields = { result: true, action: ACTIONS[list].remove, user: name, [kind.idField]: room.id };
  return room[list].delete(name) ? item : { ...item, result: false, reason: call.reason(NOT_MEMBERS, name) };
}

/** Names from a list path parameter (`a,b`), whatever it is called. */
function pathNames(call: Call): string[] {
  const value = call.path['username'] ?? call.path['usernames'];
  return Array.isArray(value) ? value : String(value).split(',');
}

function handlers(kind: Kind, list: List, ids: { list: string; addMany: string; addOne: string; remove: string }): ResourceModule['handlers'] {
  return {
    [ids.list]: call => ({ data: [...kind.find(call, call.path[kind.idParameter])[list]] }),
    [ids.addMany]: call => {
      const room = kind.find(call, call.path[kind.idParameter]);
      const names = [...new Set<string>(call.body.usernames)];
      if (names.every(name => !room.members.has(name))) fail(NOT_MEMBERS, names);
      return { data: names.map(name => addOne(call, kind, room, list, name)) };
    },
    [ids.addOne]: call => {
      const room = kind.find(call, call.path[kind.idParameter]);
      const name: string = call.path['username'];
      if (list === 'blocklist' && name === room.owner) fail('groupOwnerForbidden');
      if (!room.members.has(name)) fail(NOT_MEMBERS, name);
      return { data: addOne(call, kind, room, list, name) };
    },
    [ids.remove]: call => {
      const room = kind.find(call, call.path[kind.idParameter]);
      const names = pathNames(call);
      if (names.every(name => !room[list].has(name))) fail(NOT_MEMBERS, names);
      const items = names.map(name => removeOne(call, kind, room, list, name));
      return { data: items.length === 1 ? items[0] : items };
    },
  };
}

const notMembers = { usersNotMembers: 'state', groupNotFound: 'state' } as const;
const roomNotMembers = { notMembers: 'state', roomNotFound: 'state' } as const;

export const roomLists: ResourceModule = {
  resource: 'group and chatroom blocklists and allowlists',
  handlers: {
    ...handlers(GROUPS, 'blocklist', { list: 'listGroupBlocklist', addMany: 'addGroupBlocklistUsers', addOne: 'addGroupBlocklistUser', remove: 'removeGroupBlocklistUsers' }),
    ...handlers(GROUPS, 'allowlist', { list: 'listGroupAllowlist', addMany: 'addGroupAllowlistUsers', addOne: 'addGroupAllowlistUser', remove: 'removeGroupAllowlistUsers' }),
    ...handlers(CHATROOMS, 'blocklist', { list: 'listChatroomBlocklist', addMany: 'addChatroomBlocklistUsers', addOne: 'addChatroomBlocklistUser', remove: 'removeChatroomBlocklistUsers' }),
    ...handlers(CHATROOMS, 'allowlist', { list: 'listChatroomAllowlist', addMany: 'addChatroomAllowlistUsers', addOne: 'addChatroomAllowlistUser', remove: 'removeChatroomAllowlistUsers' }),
  },
  errors: {
    listGroupBlocklist: { groupNotFound: 'state' },
    addGroupBlocklistUsers: { ...notMembers, tooManyUsers: 'validation' },
    addGroupBlocklistUser: { ...notMembers, groupOwnerForbidden: 'state' },
    removeGroupBlocklistUsers: { ...notMembers, tooManyUsers: 'validation' },
    listGroupAllowlist: { groupNotFound: 'state' },
    addGroupAllowlistUsers: { ...notMembers, tooManyUsers: 'validation' },
    addGroupAllowlistUser: notMembers,
    removeGroupAllowlistUsers: { ...notMembers, tooManyUsers: 'validation' },
    listChatroomBlocklist: { roomNotFound: 'state' },
    addChatroomBlocklistUsers: { ...roomNotMembers, tooManyUsers: 'validation' },
    addChatroomBlocklistUser: roomNotMembers,
    removeChatroomBlocklistUsers: { ...roomNotMembers, tooManyUsers: 'validation' },
    listChatroomAllowlist: { roomNotFound: 'state' },
    addChatroomAllowlistUsers: { ...roomNotMembers, tooManyUsers: 'validation' },
    addChatroomAllowlistUser: roomNotMembers,
    removeChatroomAllowlistUsers: { ...roomNotMembers, tooManyUsers: 'validation' },
  },
  invalid: Object.fromEntries(
    [
      ['addGroupBlocklistUsers', 'usernames'],
      ['removeGroupBlocklistUsers', 'username'],
      ['addGroupAllowlistUsers', 'usernames'],
      ['removeGroupAllowlistUsers', 'username'],
      ['addChatroomBlocklistUsers', 'usernames'],
      ['removeChatroomBlocklistUsers', 'username'],
      ['addChatroomAllowlistUsers', 'usernames'],
      ['removeChatroomAllowlistUsers', 'username'],
    ].map(([operationId, field]) => [operationId, [{ field: field!, keyword: 'maxItems', example: 'tooManyUsers' }]]),
  ),
};
