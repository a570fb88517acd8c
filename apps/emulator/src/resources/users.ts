/**
 * User accounts: register one or many, get, list by cursor, delete one or many, password, ban and
 * unban, online status. Group and chatroom modules consult the same users.
 */
import { newUser, type User } from '../state/model.js';
import { cursorPage, fail, leaveRoom, userEntity, userOf } from './lookup.js';
import { APP_ALWAYS_EXISTS, type Call, type ResourceModule } from './module.js';

const PAGE = 10;

interface Registration {
  username: string;
  password: string;
  nickname?: string;
}

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

/** A batch naming one user twice must give the same password both times. */
function checkRepeats(requested: Registration[]): void {
  const passwords = new Map<string, string>();
  for (const { username, password } of requested) {
    const earlier = passwords.get(username);
    if (earlier !== undefined && earlier !== password) fail('sameUserDifferentPasswords', username, `${earlier}, ${password}`);
    passwords.set(username, password);
  }
}

export const users: ResourceModule = {
  resource: 'users',
  handlers: {
    registerUsers(call) {
      const batch = Array.isArray(call.body);
      const requested: Registration[] = batch ? call.body : [call.body];
      checkRepeats(requested);
      const created: User[] = [];
      const refused: unknown[] = [];
      for (const { username, password, nickname } of requested) {
        if (created.some(user => user.username === username)) continue;
        if (call.app.users.has(username)) {
          if (!batch) fail('usernameExists', call.app.key.replace('/', '#'), username);
          refused.push({ username, registerUserFailReason: `the ${username} already exists` });
          continue;
        }
        const user = newUser(call.app, username, call.now, password, nickname);
        call.app.users.set(username, user);
        created.push(user);
      }
      return { entities: created.map(userEntity), ...(batch ? { data: refused } : {}) };
    },
    getUser(call) {
      return { entities: [userEntity(userOf(call, call.path['username']))], count: 1 };
    },
    listUsers(call) {
      const { page, next } = cursorPage([...call.app.users.values()], call.query['limit'] ?? PAGE, call.query['cursor']);
      return { entities: page.map(userEntity), cursor: next, count: page.length };
    },
    deleteUser(call) {
      const user = userOf(call, call.path['username']);
      remove(call, user);
      return { entities: [userEntity(user)] };
    },
    deleteUsers(call) {
      // The oldest registrations go first, `limit` at a time.
      const removed = [...call.app.users.values()].slice(0, call.query['limit'] ?? PAGE);
      for (const user of removed) remove(call, user);
      return { entities: removed.map(userEntity) };
    },
    changeUserPassword(call) {
      const user = userOf(call, call.path['username']);
      user.password = call.body.newpassword;
      user.modified = call.now;
      return { action: 'set user password' };
    },
    deactivateUser(call) {
      const user = userOf(call, call.path['username']);
      user.activated = false;
      user.modified = call.now;
      return { action: 'Deactivate user', entities: [userEntity(user)] };
    },
    activateUser(call) {
      const user = userOf(call, call.path['username']);
      user.activated = true;
      user.modified = call.now;
      return { action: 'activate user' };
    },
    getUserOnlineStatus(call) {
      // No client ever connects to the emulator: everyone is offline.
      const user = userOf(call, call.path['username']);
      return { data: { [user.username]: 'offline' } };
    },
    getUsersOnlineStatus(call) {
      return { action: 'get batch user status', data: (call.body.usernames as string[]).map(name => ({ [name]: 'offline' })) };
    },
  },
  errors: {
    registerUsers: {
      usernameNotLegal: 'validation',
      usernameNotLegalBracketed: 'validation',
      usernameTooLong: 'validation',
      passwordMissing: 'validation',
      nicknameTooLong: 'validation',
      usernameExists: 'state',
      sameUserDifferentPasswords: 'state',
      batchTooLarge: 'validation',
      applicationNotFound: APP_ALWAYS_EXISTS,
    },
    listUsers: { applicationNotFound: APP_ALWAYS_EXISTS },
    deleteUsers: { applicationNotFound: APP_ALWAYS_EXISTS },
    getUser: { userNotFound: 'state', applicationNotFound: APP_ALWAYS_EXISTS },
    deleteUser: {
      userNotFound: 'state',
      userDoesNotExist: { not: 'the server answers this for a user removed while the request ran; the emulator serves one request at a time' },
      applicationNotFound: APP_ALWAYS_EXISTS,
    },
    changeUserPassword: {
      newPasswordRequired: 'validation',
      userEntityNotFound: 'state',
      applicationNotFound: APP_ALWAYS_EXISTS,
    },
    deactivateUser: { userNotFound: 'state', applicationNotFound: APP_ALWAYS_EXISTS },
    activateUser: { userNotFound: 'state', applicationNotFound: APP_ALWAYS_EXISTS },
    getUserOnlineStatus: { applicationNotFound: APP_ALWAYS_EXISTS },
    getUsersOnlineStatus: { tooManyUsernames: 'validation', applicationNotFound: APP_ALWAYS_EXISTS },
  },
  invalid: {
    registerUsers: [
      { field: 'username', keyword: 'pattern', example: 'usernameNotLegal' },
      { field: '[*].username', keyword: 'pattern', example: 'usernameNotLegalBracketed' },
      { field: 'username', keyword: 'maxLength', example: 'usernameTooLong' },
      { field: '[*].username', keyword: 'maxLength', example: 'usernameTooLong' },
      { field: 'password', keyword: 'required', example: 'passwordMissing' },
      { field: '[*].password', keyword: 'required', example: 'passwordMissing' },
      { field: 'nickname', keyword: 'maxLength', example: 'nicknameTooLong' },
      { field: '[*].nickname', keyword: 'maxLength', example: 'nicknameTooLong' },
      { field: '', keyword: 'maxItems', example: 'batchTooLarge' },
    ],
    changeUserPassword: [{ field: 'newpassword', keyword: 'required', example: 'newPasswordRequired' }],
    getUsersOnlineStatus: [{ field: 'usernames', keyword: 'maxItems', example: 'tooManyUsernames' }],
  },
};
