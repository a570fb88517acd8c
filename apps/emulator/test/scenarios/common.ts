/** The state the error scenarios run against, and their shape. */
import type { Snapshot } from '../../src/state/snapshot.js';

/** A request below the app prefix: method, path, body. */
export type Scenario = [method: string, path: string, body?: unknown];
/** operationId → example name → the request that produces it against STATE. */
export type Scenarios = Record<string, Record<string, Scenario>>;

export const G = '1001';
export const names = (n: number) => Array.from({ length: n }, (_, i) => `n${i}`);

export const STATE: Snapshot['apps'][string] = {
  users: [...['own', 'u1', 'u2', 'nm'].map(username => ({ username, password: 'pw' })), { username: 'off', activated: false }],
  // u1 is in two groups, the most this emulator allows a user.
  groups: [
    { id: G, owner: 'own', members: ['u1', 'u2'], admins: ['u1'] },
    { id: '1002', owner: 'own', members: ['u1'], maxusers: 2 },
    { id: '1003', owner: 'own' },
  ],
  // u1 is in one chatroom, the most this emulator allows a user.
  chatrooms: [{ id: '2001', owner: 'own', members: ['u1', 'u2'], attributes: { held: { value: 'v', owner: 'u1' } } }, { id: '2002', owner: 'own' }],
  threads: [{ id: '3001', name: 't', owner: 'u1', groupId: G, msgId: '101' }],
  // 101 has a thread; 103 is a one-to-one message; 104 was sent to another group.
  messages: [
    { id: '101', from: 'u1', to: G, chatType: 'groupchat' },
    { id: '102', from: 'u1', to: G, chatType: 'groupchat' },
    { id: '103', from: 'u1', to: 'u2', chatType: 'chat', type: 'loc', body: { lat: 1, lng: 2, addr: 'a' } },
    { id: '104', from: 'u1', to: '1002', chatType: 'groupchat' },
    { id: '105', from: 'u1', to: 'u2', chatType: 'chat', body: { msg: 'edited ten times' }, edits: 10 },
    { id: '106', from: 'u1', to: 'u2', chatType: 'chat', sent: 0 },
  ],
  // u1 has one contact, the most this emulator allows a user.
  contacts: { u1: ['u2'], u2: ['u1'] },
};
