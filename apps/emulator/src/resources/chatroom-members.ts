/** Chatroom members, admins and the app's chatroom super admins. */
import type { Chatroom, User } from '../state/model.js';
import { chatroomOf, fail, joinRoom, leaveRoom, memberPage, NOT_MEMBERS, ROOM_NOT_FOUND, userOf } from './lookup.js';
import type { Call, Fields, ResourceModule } from './module.js';

function removal(call: Call, room: Chatroom, username: string): Fields {
  const item: Fields = { result: true, action: 'remove_member', user: username, id: room.id };
  if (!room.members.has(username) || username === room.owner) return { ...item, result: false, reason: call.reason(NOT_MEMBERS, username) };
  leaveRoom(call.app, room, username, 'chatrooms');
  return item;
}

/** What the chatroom pages call a user in too many rooms. */
const JOINED_TOO_MANY = ['joinedTooMany', 'userJoinedTooMany'] as const;

export function joinable(call: Call, user: User): User {
  if (user.chatrooms.size >= call.settings.maxChatroomsPerUser) fail(JOINED_TOO_MANY, user.username);
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
      const room = call.app.chatrooms.get(id) ?? fail(names.length > 1 ? ['roomNotFound', 'chatroomNotFoundBatch'] : ROOM_NOT_FOUND, id);
      for (const name of names) userOf(call, name);
      if (names.every(name => !room.members.has(name) || name === room.owner)) fail(NOT_MEMBERS, names);
      const items = names.map(name => removal(call, room, name));
      return { data: items.length === 1 ? items[0] : items };
    },
    listChatroomAdmins(call) {
      return { data: [...chatroomOf(call, call.path['chatroom_id']).admins] };
    },
    addChatroomAdmin(call) {
      const room = chatroomOf(call, call.path['chatroom_id']);
      const name: string = call.body.newadmin;
      userOf(call, name);
      if (!room.members.has(name) || name === room.owner) fail('addGroupAdmin#userNotInGroup', name, room.id);
      room.admins.add(name);
      return { data: { result: 'success', newadmin: name } };
    },
    removeChatroomAdmin(call) {
      const room = chatroomOf(call, call.path['chatroom_id']);
      const name = userOf(call, call.path['oldadmin']).username;
      if (!room.admins.delete(name)) fail('userNotAdmin', name, room.id);
      return { data: { result: 'success', oldadmin: name } };
    },
    listChatroomSuperAdmins(call) {
      const pagesize: number = call.query['pagesize'] ?? 10;
      const start = ((call.query['pagenum'] ?? 1) - 1) * pagesize;
      const listed = [...call.app.superAdmins].slice(start, start + pagesize);
      return { data: listed, count: listed.length };
    },
    addChatroomSuperAdmin(call) {
      const user = userOf(call, call.body.superadmin);
      call.app.superAdmins.add(user.username);
      return { data: { result: 'success', resource: '' } };
    },
    removeChatroomSuperAdmin(call) {
      const name = userOf(call, call.path['superAdmin']).username;
      call.app.superAdmins.delete(name);
      return { data: { newSuperAdmin: name, resource: '' } };
    },
  },
  errors: {
    listChatroomMembers: { serviceResourceNotFound: 'state' },
    addChatroomMembers: { tooManyUsers: 'validation', joinedTooMany: 'state', roomNotFound: 'state', usernameNotFound: 'state', chatroomNotFound: 'state' },
    addChatroomMember: { joinedTooMany: 'state', roomNotFound: 'state', usernameNotFound: 'state', userNotFound: 'state' },
    removeChatroomMembers: {
      tooManyUsers: 'validation',
      notMembers: 'state',
      usersNotMembers: { not: "the 2.x page's 403 for users not in the room; the emulator answers today's 400 notMembers" },
      resourceNotFound: { not: "the 2.x page lists a missing room under 403 too; the emulator answers today's 404 roomNotFound" },
      roomNotFound: 'state',
      usernameNotFound: 'state',
      chatroomNotFound: 'state',
      chatroomNotFoundBatch: 'state',
    },
    listChatroomAdmins: { roomNotFound: 'state' },
    addChatroomAdmin: { roomNotFound: 'state', usernameNotFound: 'state' },
    removeChatroomAdmin: { roomNotFound: 'state', usernameNotFound: 'state' },
    addChatroomSuperAdmin: { usernameNotFound: 'state', userNotFound: 'state' },
    removeChatroomSuperAdmin: { usernameNotFound: 'state' },
  },
  invalid: {
    addChatroomMembers: [{ field: 'usernames', keyword: 'maxItems', example: 'tooManyUsers' }],
    removeChatroomMembers: [{ field: 'username', keyword: 'maxItems', example: 'tooManyUsers' }],
  },
};
