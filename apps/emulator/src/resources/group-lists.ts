/**
 * A group's blocklist and allowlist. Blocking removes the user from the group; both lists take
 * members only, answering a batch per name (`result: false` with a `reason` for the others) and
 * 403 when no name qualifies.
 */
import type { Group } from '../state/model.js';
import { fail, groupOf, leaveRoom } from './lookup.js';
import type { Call, Fields, ResourceModule } from './module.js';

type List = 'blocklist' | 'allowlist';

const ACTIONS: Record<List, { add: string; remove: string }> = {
  blocklist: { add: 'add_blocks', remove: 'remove_blocks' },
  allowlist: { add: 'add_user_whitelist', remove: 'remove_user_whitelist' },
};

function addOne(call: Call, group: Group, list: List, name: string): Fields {
  const item: Fields = { result: true, action: ACTIONS[list].add, user: name, groupid: group.id };
  if (list === 'blocklist' && name === group.owner) return { ...item, result: false, reason: call.reason('groupOwnerForbidden') };
  if (!group.members.has(name)) return { ...item, result: false, reason: call.reason('addGroupAdmin#userNotInGroup', name, group.id) };
  group[list].add(name);
  if (list === 'blocklist') leaveRoom(call.app, group, name, 'groups');
  return item;
}

function removeOne(call: Call, group: Group, list: List, name: string): Fields {
  const item: Fields = { result: true, action: ACTIONS[list].remove, user: name, groupid: group.id };
  return group[list].delete(name) ? item : { ...item, result: false, reason: call.reason('usersNotMembers', name) };
}

function handlers(list: List, ids: { list: string; addMany: string; addOne: string; remove: string }): ResourceModule['handlers'] {
  return {
    [ids.list]: call => ({ data: [...groupOf(call, call.path['group_id'])[list]] }),
    [ids.addMany]: call => {
      const group = groupOf(call, call.path['group_id']);
      const names = [...new Set<string>(call.body.usernames)];
      if (names.every(name => !group.members.has(name))) fail('usersNotMembers', names);
      return { data: names.map(name => addOne(call, group, list, name)) };
    },
    [ids.addOne]: call => {
      const group = groupOf(call, call.path['group_id']);
      const name: string = call.path['username'];
      if (list === 'blocklist' && name === group.owner) fail('groupOwnerForbidden');
      if (!group.members.has(name)) fail('usersNotMembers', name);
      return { data: addOne(call, group, list, name) };
    },
    [ids.remove]: call => {
      const group = groupOf(call, call.path['group_id']);
      const names: string[] = call.path['username'];
      if (names.every(name => !group[list].has(name))) fail('usersNotMembers', names);
      const items = names.map(name => removeOne(call, group, list, name));
      return { data: items.length === 1 ? items[0] : items };
    },
  };
}

const notMembers = { usersNotMembers: 'state', groupNotFound: 'state' } as const;

export const groupLists: ResourceModule = {
  resource: 'group blocklist and allowlist',
  handlers: {
    ...handlers('blocklist', { list: 'listGroupBlocklist', addMany: 'addGroupBlocklistUsers', addOne: 'addGroupBlocklistUser', remove: 'removeGroupBlocklistUsers' }),
    ...handlers('allowlist', { list: 'listGroupAllowlist', addMany: 'addGroupAllowlistUsers', addOne: 'addGroupAllowlistUser', remove: 'removeGroupAllowlistUsers' }),
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
  },
  invalid: Object.fromEntries(
    [
      ['addGroupBlocklistUsers', 'usernames'],
      ['removeGroupBlocklistUsers', 'username'],
      ['addGroupAllowlistUsers', 'usernames'],
      ['removeGroupAllowlistUsers', 'username'],
    ].map(([operationId, field]) => [operationId, [{ field: field!, keyword: 'maxItems', example: 'tooManyUsers' }]]),
  ),
};
