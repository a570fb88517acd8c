/**
 * User accounts, for the operations the users spec adds (register one or many, get, list by
 * cursor, delete one or many, password, ban and unban, online status). Group and chatroom
 * modules consult the same users.
 */
import { newUser, type User } from '../state/model.js';
import { cursorPage, failUndocumented, leaveRoom, userOf } from './lookup.js';
import type { Call, ResourceModule } from './module.js';

const entity = (user: User) => ({
  uuid: user.uuid,
  type: 'user',
  created: user.created,
  modified: user.modified,
  username: user.username,
  activated: user.activated,
  ...(user.nickname === undefined ? {} : { nickname: user.nickname }),
});

function remove(call: Call, user: User): void {
  for (const id of [...user.groups]) {
    const group = call.app.groups.get(id);
    if (group) leaveRoom(call.app, group, user.username, 'groups');
  }
  for (const id of [...user.chatrooms]) {
    const room = call.app.chatrooms.get(id);
    if (room) leaveRoom(call.app, room, user.username, 'chatrooms');
  }
  call.app.users.delete(user.username);
  call.app.contacts.delete(user.username);
  call.app.userBlocks.delete(user.username);
  call.app.userAttributes.delete(user.username);
}

const DUPLICATE: readonly [number, string, string] = [400, 'duplicate_unique_property_exists', 'Application XXX Entity user requires that property named username be unique, value of XXX exists'];

export const users: ResourceModule = {
  resource: 'users',
  handlers: {
    registerUsers(call) {
      const batch = Array.isArray(call.body);
      const requested: Array<{ username: string; password?: string; nickname?: string }> = batch ? call.body : [call.body];
      const created: User[] = [];
      const refused: unknown[] = [];
      for (const { username, password, nickname } of requested) {
        if (call.app.users.has(username)) {
          if (!batch) failUndocumented('userExists', DUPLICATE, call.app.key.replace('/', '#'), username);
          refused.push({ username, registerUserFailReason: 'the user already exists' });
          continue;
        }
        const user = newUser(call.app, username, call.now, password, nickname);
        call.app.users.set(username, user);
        created.push(user);
      }
      return { entities: created.map(entity), ...(batch ? { data: refused } : {}) };
    },
    getUser(call) {
      return { entities: [entity(userOf(call, call.path['username']))] };
    },
    listUsers(call) {
      const { page, next } = cursorPage([...call.app.users.values()], call.query['limit'] ?? 10, call.query['cursor']);
      return { entities: page.map(entity), cursor: next };
    },
    deleteUser(call) {
      const user = userOf(call, call.path['username']);
      remove(call, user);
      return { entities: [entity(user)] };
    },
    deleteUsers(call) {
      const limit: number = call.query['limit'] ?? 100;
      const removed = [...call.app.users.values()].slice(0, limit);
      for (const user of removed) remove(call, user);
      return { entities: removed.map(entity) };
    },
    changeUserPassword(call) {
      const user = userOf(call, call.path['username']);
      user.password = call.body.newpassword;
      user.modified = call.now;
      return {};
    },
    deactivateUser(call) {
      userOf(call, call.path['username']).activated = false;
      return {};
    },
    activateUser(call) {
      userOf(call, call.path['username']).activated = true;
      return {};
    },
    getUserOnlineStatus(call) {
      const user = userOf(call, call.path['username']);
      return { data: { [user.username]: 'offline' } };
    },
    getUsersOnlineStatus(call) {
      return { data: (call.body.usernames as string[]).map(name => ({ [name]: 'offline' })) };
    },
  },
};
