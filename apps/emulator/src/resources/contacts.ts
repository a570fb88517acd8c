/** Contacts (friends, with remarks) and each user's blocklist of other users. */
import type { User } from '../state/model.js';
import { cursorPage, fail, userEntity, userOf } from './lookup.js';
import type { Call, ResourceModule } from './module.js';

const PAGE = 10;

function contacts(call: Call, username: string) {
  let friends = call.app.contacts.get(username);
  if (!friends) call.app.contacts.set(username, (friends = new Map()));
  return friends;
}

function blocks(call: Call, username: string) {
  let blocked = call.app.userBlocks.get(username);
  if (!blocked) call.app.userBlocks.set(username, (blocked = new Set()));
  return blocked;
}

/** Friendship goes both ways; either side at the limit refuses it. */
function befriend(call: Call, owner: User, friend: User, limitExample: string): void {
  const mine = contacts(call, owner.username);
  const theirs = contacts(call, friend.username);
  if (mine.has(friend.username)) return;
  if (mine.size >= call.settings.maxContactsPerUser || theirs.size >= call.settings.maxContactsPerUser) fail(limitExample);
  mine.set(friend.username, { remark: '' });
  theirs.set(owner.username, { remark: '' });
}

const OK = { status: 'ok' };

export const contactsModule: ResourceModule = {
  resource: 'contacts and user blocklists',
  handlers: {
    addContact(call) {
      const owner = userOf(call, call.path['username']);
      const friend = userOf(call, call.path['friend_username']);
      befriend(call, owner, friend, 'contactLimitExceeded');
      return { entities: [userEntity(friend)] };
    },
    removeContact(call) {
      const owner = userOf(call, call.path['username']).username;
      const friend = userOf(call, call.path['friend_username']);
      contacts(call, owner).delete(friend.username);
      contacts(call, friend.username).delete(owner);
      return { entities: [userEntity(friend)] };
    },
    listAllContacts(call) {
      return { data: [...contacts(call, userOf(call, call.path['username']).username).keys()] };
    },
    listContacts(call) {
      const withRemark = call.query['needReturnRemark'] === true;
      const friends = [...contacts(call, userOf(call, call.path['username']).username)].map(([username, { remark }]) => (withRemark ? { username, remark: remark || null } : { username }));
      const { page, next } = cursorPage(friends, call.query['limit'] ?? PAGE, call.query['cursor']);
      return { count: page.length, data: { contacts: page, cursor: next } };
    },
    setContactRemark(call) {
      const owner = userOf(call, call.path['username']).username;
      const friend = userOf(call, call.path['friend_username']).username;
      const contact = contacts(call, owner).get(friend) ?? fail('notFriends');
      contact.remark = call.body.remark;
      return OK;
    },
    removeAllContacts(call) {
      const owner = userOf(call, call.path['username']).username;
      for (const friend of contacts(call, owner).keys()) contacts(call, friend).delete(owner);
      call.app.contacts.delete(owner);
      return {};
    },
    importContacts(call) {
      const owner = userOf(call, call.path['username']);
      const success: string[] = [];
      const notExist: string[] = [];
      const overLimit: string[] = [];
      for (const name of call.body.usernames as string[]) {
        const friend = call.app.users.get(name);
        if (!friend) notExist.push(name);
        else if (contacts(call, owner.username).size >= call.settings.maxContactsPerUser) overLimit.push(name);
        else {
          befriend(call, owner, friend, 'contactLimitReached');
          success.push(name);
        }
      }
      if (success.length === 0 && overLimit.length > 0) fail('contactLimitReached');
      return { ...OK, data: { UnKnowFailed: [], success, NotExistFailed: notExist, maxLimitFailed: overLimit } };
    },
    checkContacts(call) {
      const friends = contacts(call, call.body.username);
      return { entities: (call.body.check_list as string[]).map(username => ({ username, relation: friends.has(username) ? 'friend' : 'not_friend' })) };
    },
    blockUsers(call) {
      const owner = userOf(call, call.path['username']).username;
      const names: string[] = call.body.usernames;
      for (const name of names) blocks(call, owner).add(userOf(call, name).username);
      return { data: names };
    },
    unblockUser(call) {
      const owner = userOf(call, call.path['username']).username;
      const blocked = userOf(call, call.path['blocked_username']);
      blocks(call, owner).delete(blocked.username);
      return { entities: [userEntity(blocked)] };
    },
    listUserBlocklist(call) {
      const blocked = [...blocks(call, userOf(call, call.path['username']).username)];
      const { page, next } = cursorPage(blocked, call.query['pageSize'] ?? blocked.length, call.query['cursor']);
      return { count: page.length, data: page, cursor: next };
    },
    checkUserBlocklist(call) {
      const blocked = blocks(call, call.body.username);
      return { entities: (call.body.check_list as string[]).map(username => ({ username, relation: blocked.has(username) ? 'blacklist' : 'not_blacklist' })) };
    },
  },
  errors: {
    addContact: { userNotFound: 'state', contactLimitExceeded: 'state' },
    removeContact: { userNotFound: 'state' },
    setContactRemark: { notFriends: 'state', userNotFound: 'state' },
    listContacts: { pageSizeTooLarge: 'validation', userNotFound: 'state' },
    listAllContacts: { userNotFound: 'state' },
    importContacts: { tooManyUsers: 'validation', contactLimitReached: 'state', userNotFound: 'state' },
    checkContacts: {
      usernameBlank: 'validation',
      checkListSize: 'validation',
      serviceOperationForbidden: { not: 'the check is always allowed in the emulator (a service setting)' },
    },
    removeAllContacts: { serviceOperationForbidden: { not: 'the removal is always allowed in the emulator (a service setting)' } },
    listUserBlocklist: { userNotFound: 'state' },
    blockUsers: { userNotFound: 'state' },
    unblockUser: { userNotFound: 'state' },
    checkUserBlocklist: {
      usernameBlank: 'validation',
      checkListSize: 'validation',
      serviceOperationForbidden: { not: 'the check is always allowed in the emulator (a service setting)' },
    },
  },
  invalid: {
    listContacts: [{ field: 'limit', keyword: 'maximum', example: 'pageSizeTooLarge' }],
    importContacts: [{ field: 'usernames', keyword: 'maxItems', example: 'tooManyUsers' }],
    ...Object.fromEntries(
      ['checkContacts', 'checkUserBlocklist'].map(id => [
        id,
        [
          { field: 'username', keyword: 'minLength', example: 'usernameBlank' },
          { field: 'check_list', keyword: 'minItems', example: 'checkListSize' },
          { field: 'check_list', keyword: 'maxItems', example: 'checkListSize' },
        ],
      ]),
    ),
  },
};
