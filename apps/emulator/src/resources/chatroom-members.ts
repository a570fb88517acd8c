/** Chatroom members, admins and the app's chatroom super admins. */
import type { Chatroom, User } from '../state/model.js';
import { chatroomOf, fail, failUndocumented, joinRoom, leaveRoom, memberPage, userOf } from './lookup.js';
import type { Call, Fields, ResourceModule } from './module.js';

function removal(call: Call, room: Chatroom, username: string): Fields {
  const item: Fields = { result: true, action: 'remove_member', user: username, id: room.id };
  if (!room.members.has(username) || username === room.owner) return { ...item, result: false, reason: call.reason('usersNotMembers', username) };
  leaveRoom(call.app, room, username, 'chatrooms');
  return item;
}

/** Today's pages document this error; the spec's chatroom operations do not carry it yet. */
const TOO_MANY_CHATROOMS: readonly [number, string, string] = [403, 'exceeded_limit', 'can not join this group, reason:user XXX has joined too many chatrooms!'];

export function joinable(call: Call, user: User): User {
  if (user.chatrooms.size >= call.settings.maxChatroomsPerUser) failUndocumented('userJoinedTooManyChatrooms', TOO_MANY_CHATROOMS, user.username);
  return user;
}

export const chatroomMembers: ResourceModule = {
  resource: 'chatroom members, admins and super admins',
  handlers: {
    listChatroomMembers(call) {
      const room = chatroomOf(call, call.path['chatroom_id']);
      return { data: memberPage(room, call.query['pagenum'] ?? 1, call.query['pagesize'] ?? 1000) };
    },
    addChatroomMembers(call) {
      const room = chatroomOf(call, call.path['chatroom_id']);
      const users = [...new Set<string>(call.body.usernames)].map(name => userOf(call, name));
      const fresh = users.filter(user => !room.members.has(user.username)).map(user => joinable(call, user));
      if (room.members.size + fresh.length > room.maxusers) fail('tooManyMembers');
      for (const user of fresh) joinRoom(room, user, 'chatrooms', call.now);
      // Users already in the room count as added.
      return { data: { newmembers: users.map(user => user.username), action: 'add_member', id: room.id } };
    },
    addChatroomMember(call) {
      const room = chatroomOf(call, call.path['chatroom_id']);
      const user = userOf(call, call.path['username']);
      if (!room.members.has(user.username)) {
        joinable(call, user);
        if (room.members.size + 1 > room.maxusers) fail('tooManyMembers');
        joinRoom(room, user, 'chatrooms', call.now);
      }
      return { data: { result: true, action: 'add_member', id: room.id, user: user.username } };
    },
    removeChatroomMembers(call) {
      const names: string[] = call.path['username'];
      const id: string = call.path['chatroom_id'];
      const room = call.app.chatrooms.get(id) ?? fail(names.length > 1 ? 'chatroomNotFoundBatch' : 'chatroomNotFound', id);
      if (names.every(name => !room.members.has(name) || name === room.owner)) fail('usersNotMembers', names);
      const items = names.map(name => removal(call, room, name));
      return { data: items.length === 1 ? items[0] : items };
    },
    listChatroomAdmins(call) {
      return { data: [...chatroomOf(call, call.path['chatroom_id']).admins] };
    },
    addChatroomAdmin(call) {
      const room = chatroomOf(call, call.path['chatroom_id']);
      const name: string = call.body.newadmin;
      if (!room.members.has(name) || name === room.owner) fail('addGroupAdmin#userNotInGroup', name, room.id);
      room.admins.add(name);
      return { data: { result: 'success', newadmin: name } };
    },
    removeChatroomAdmin(call) {
      const room = chatroomOf(call, call.path['chatroom_id']);
      const name: string = call.path['oldadmin'];
      if (!room.admins.delete(name)) fail('userNotAdmin', name, room.id);
      return { data: { result: 'success', oldadmin: name } };
    },
    listChatroomSuperAdmins(call) {
      const pagesize: number = call.query['pagesize'] ?? 10;
      const start = ((call.query['pagenum'] ?? 1) - 1) * pagesize;
      return { data: [...call.app.superAdmins].slice(start, start + pagesize) };
    },
    addChatroomSuperAdmin(call) {
      const user = userOf(call, call.body.superadmin);
      call.app.superAdmins.add(user.username);
      return { data: { result: 'success', resource: '' } };
    },
    removeChatroomSuperAdmin(call) {
      const name: string = call.path['superAdmin'];
      call.app.superAdmins.delete(name);
      return { data: { newSuperAdmin: name, resource: '' } };
    },
  },
  errors: {
    addChatroomMembers: { chatroomNotFound: 'state' },
    addChatroomMember: { userNotFound: 'state' },
    removeChatroomMembers: {
      usersNotMembers: 'state',
      chatroomNotFound: 'state',
      chatroomNotFoundBatch: 'state',
      resourceNotFound: { not: 'the 2.x page lists a missing room under 403 too; the emulator answers its 404' },
    },
    addChatroomSuperAdmin: { userNotFound: 'state' },
  },
};
