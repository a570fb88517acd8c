/** Contacts (friends, with remarks) and each user's blocklist of other users. */
import { cursorPage, userOf } from './lookup.js';
import type { Call, ResourceModule } from './module.js';

const ownerOf = (call: Call): string => call.path['owner_username'] ?? call.path['username'];
const friendOf = (call: Call): string => call.path['friend_username'] ?? call.path['friend'];

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

export const contactsModule: ResourceModule = {
  resource: 'contacts and user blocklists',
  handlers: {
    addContact(call) {
      const owner = userOf(call, ownerOf(call)).username;
      const friend = userOf(call, friendOf(call)).username;
      // Friendship goes both ways.
      if (!contacts(call, owner).has(friend)) contacts(call, owner).set(friend, { remark: '' });
      if (!contacts(call, friend).has(owner)) contacts(call, friend).set(owner, { remark: '' });
      return { entities: [{ username: friend, activated: true, type: 'user' }] };
    },
    removeContact(call) {
      const owner = userOf(call, ownerOf(call)).username;
      const friend = userOf(call, friendOf(call)).username;
      contacts(call, owner).delete(friend);
      contacts(call, friend).delete(owner);
      return { entities: [{ username: friend, activated: true, type: 'user' }] };
    },
    listAllContacts(call) {
      return { data: [...contacts(call, userOf(call, ownerOf(call)).username).keys()] };
    },
    listContacts(call) {
      const friends = [...contacts(call, userOf(call, ownerOf(call)).username)].map(([username, { remark }]) => ({ username, remark }));
      const { page, next } = cursorPage(friends, call.query['limit'] ?? 10, call.query['cursor']);
      return { entities: page, properties: { cursor: next } };
    },
    setContactRemark(call) {
      const friends = contacts(call, userOf(call, ownerOf(call)).username);
      const friend = friendOf(call);
      const contact = friends.get(friend) ?? { remark: '' };
      contact.remark = call.body.remark;
      friends.set(friend, contact);
      return { data: { result: true } };
    },
    removeAllContacts(call) {
      const owner = userOf(call, ownerOf(call)).username;
      for (const friend of contacts(call, owner).keys()) contacts(call, friend).delete(owner);
      call.app.contacts.delete(owner);
      return { data: { result: true } };
    },
    importContacts(call) {
      const owner = userOf(call, ownerOf(call)).username;
      const imported: string[] = [];
      for (const name of call.body.usernames as string[]) {
        if (!call.app.users.has(name)) continue;
        contacts(call, owner).set(name, { remark: '' });
        contacts(call, name).set(owner, { remark: '' });
        imported.push(name);
      }
      return { data: { success: imported } };
    },
    checkContacts(call) {
      const owner: string = call.body.username ?? ownerOf(call);
      const friends = contacts(call, owner);
      return { data: Object.fromEntries((call.body.usernames as string[]).map(name => [name, friends.has(name)])) };
    },
    blockUsers(call) {
      const owner = userOf(call, ownerOf(call)).username;
      const names: string[] = call.body.usernames;
      for (const name of names) blocks(call, owner).add(userOf(call, name).username);
      return { data: names };
    },
    unblockUser(call) {
      const owner = userOf(call, ownerOf(call)).username;
      const blocked: string = call.path['blocked_username'] ?? call.path['username'];
      blocks(call, owner).delete(blocked);
      return { entities: [{ username: blocked, type: 'user' }] };
    },
    listUserBlocklist(call) {
      return { data: [...blocks(call, userOf(call, ownerOf(call)).username)] };
    },
    checkUserBlocklist(call) {
      const blocked = blocks(call, call.body.username ?? ownerOf(call));
      return { data: Object.fromEntries((call.body.usernames as string[]).map(name => [name, blocked.has(name)])) };
    },
  },
};
