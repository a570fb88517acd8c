/** Group membership: list (pages), add one or many, remove one or many. */
import { fail, groupOf, joinRoom, leaveRoom, memberPage, userOf } from './lookup.js';
import type { Call, Fields, ResourceModule } from './module.js';
import type { Group } from '../state/model.js';

/** Checks a user may join one more group. */
function joinable(call: Call, username: string) {
  const user = userOf(call, username);
  if (user.groups.size >= call.settings.maxGroupsPerUser) fail('userJoinedTooManyGroups', username);
  return user;
}

function ensureRoomFor(group: Group, adding: number) {
  if (group.members.size + adding > group.maxusers) fail('tooManyMembers');
}

function removal(call: Call, group: Group, username: string): Fields {
  const item: Fields = { result: true, action: 'remove_member', user: username, groupid: group.id };
  if (username === group.owner) return { ...item, result: false, reason: call.reason('groupOwnerForbidden') };
  if (!group.members.has(username)) return { ...item, result: false, reason: call.reason('addGroupAdmin#userNotInGroup', username, group.id) };
  leaveRoom(call.app, group, username, 'groups');
  return item;
}

export const groupMembers: ResourceModule = {
  resource: 'group members',
  handlers: {
    listGroupMembers(call) {
      const group = groupOf(call, call.path['group_id']);
      return { data: memberPage(group, call.query['pagenum'] ?? 1, call.query['pagesize'] ?? 1000) };
    },
    addGroupMembers(call) {
      const group = groupOf(call, call.path['group_id']);
      const names = [...new Set<string>(call.body.usernames)];
      const users = names.map(name => userOf(call, name));
      const fresh = users.filter(user => !group.members.has(user.username));
      if (fresh.length === 0) fail('usersAlreadyInGroup', names, group.id);
      for (const user of fresh) joinable(call, user.username);
      ensureRoomFor(group, fresh.length);
      for (const user of fresh) joinRoom(group, user, 'groups', call.now);
      return { data: { newmembers: fresh.map(user => user.username), groupid: group.id, action: 'add_member' } };
    },
    addGroupMember(call) {
      const group = groupOf(call, call.path['group_id']);
      const username: string = call.path['username'];
      userOf(call, username);
      if (group.members.has(username)) fail('userAlreadyInGroup', username, group.id);
      const user = joinable(call, username);
      ensureRoomFor(group, 1);
      joinRoom(group, user, 'groups', call.now);
      return { data: { result: true, groupid: group.id, action: 'add_member', user: username } };
    },
    removeGroupMembers(call) {
      const group = groupOf(call, call.path['group_id']);
      const names: string[] = call.path['username'];
      if (names.length === 1) {
        const [name] = names as [string];
        if (name === group.owner) fail('groupOwnerForbidden');
        if (!group.members.has(name)) fail('usersNotMembers', name);
        return { data: removal(call, group, name) };
      }
      if (names.every(name => !group.members.has(name))) fail('usersNotMembers', names);
      return { data: names.map(name => removal(call, group, name)) };
    },
  },
  errors: {
    addGroupMembers: { usersAlreadyInGroup: 'state', userJoinedTooManyGroups: 'state', tooManyMembers: 'state', groupNotFound: 'state', userNotFound: 'state' },
    addGroupMember: { userAlreadyInGroup: 'state', userJoinedTooManyGroups: 'state', groupNotFound: 'state', userNotFound: 'state' },
    listGroupMembers: { groupNotFound: 'state' },
    removeGroupMembers: {
      tooManyMembers: 'validation',
      usersNotMembers: 'state',
      groupOwnerForbidden: 'state',
      groupNotFound: 'state',
      userJoinedTooManyGroups: { not: 'documented for removal, but no state of a removal reaches a join limit' },
    },
  },
  invalid: {
    removeGroupMembers: [{ field: 'username', keyword: 'maxItems', example: 'tooManyMembers' }],
  },
};
