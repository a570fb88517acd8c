/**
 * Chatroom custom attributes (set, force-set, get, delete, force-delete: a key belongs to the user
 * who set it, and only the forced forms override someone else's) and member tags with tag mutes.
 */
import { PERMANENT_MUTE_EXPIRY, type Chatroom } from '../state/model.js';
import { chatroomOf, liveMutes } from './lookup.js';
import type { Call, Fields, ResourceModule } from './module.js';

/** Documented limit of attributes per chatroom. */
const MAX_ATTRIBUTES = 100;

function setAttributes(call: Call, forced: boolean): Fields {
  const room = chatroomOf(call, call.path['chatroom_id']);
  const owner: string = call.path['username'];
  const successKeys: string[] = [];
  const errorKeys: Record<string, string> = {};
  for (const [key, value] of Object.entries(call.body.metaData as Record<string, string>)) {
    const current = room.attributes.get(key);
    if (current && current.owner !== owner && !forced) errorKeys[key] = `the key ${key} is held by another user`;
    else if (!current && room.attributes.size >= MAX_ATTRIBUTES) errorKeys[key] = `the room holds ${MAX_ATTRIBUTES} attributes already`;
    else {
      room.attributes.set(key, { value, owner });
      successKeys.push(key);
    }
  }
  return { data: { successKeys, errorKeys } };
}

function deleteAttributes(call: Call, forced: boolean): Fields {
  const room = chatroomOf(call, call.path['chatroom_id']);
  const owner: string = call.path['username'];
  const successKeys: string[] = [];
  const errorKeys: Record<string, string> = {};
  for (const key of call.body.keys as string[]) {
    const current = room.attributes.get(key);
    if (!current) errorKeys[key] = `the key ${key} does not exist`;
    else if (current.owner !== owner && !forced) errorKeys[key] = `the key ${key} is held by another user`;
    else {
      room.attributes.delete(key);
      successKeys.push(key);
    }
  }
  return { data: { successKeys, errorKeys } };
}

function tagged(room: Chatroom, tags: string[]): string[] {
  return [...room.memberTags].filter(([, own]) => own.some(tag => tags.includes(tag))).map(([user]) => user);
}

export const chatroomAttributes: ResourceModule = {
  resource: 'chatroom attributes and member tags',
  handlers: {
    getChatroomAttributes(call) {
      const room = chatroomOf(call, call.path['chatroom_id']);
      const keys: string[] | undefined = call.body?.keys;
      const wanted = keys && keys.length > 0 ? keys.filter(key => room.attributes.has(key)) : [...room.attributes.keys()];
      return { data: Object.fromEntries(wanted.map(key => [key, room.attributes.get(key)!.value])) };
    },
    setChatroomAttributes: call => setAttributes(call, false),
    forceSetChatroomAttributes: call => setAttributes(call, true),
    deleteChatroomAttributes: call => deleteAttributes(call, false),
    forceDeleteChatroomAttributes: call => deleteAttributes(call, true),
    setChatroomMemberTags(call) {
      const room = chatroomOf(call, call.path['chatroom_id']);
      room.memberTags.set(call.path['username'], [...new Set<string>(call.body.tags)]);
      return { data: { result: true } };
    },
    getChatroomMemberTags(call) {
      const room = chatroomOf(call, call.path['chatroom_id']);
      return { data: room.memberTags.get(call.path['username']) ?? [] };
    },
    muteChatroomMembersByTag(call) {
      const room = chatroomOf(call, call.path['chatroom_id']);
      const duration: number = call.body.mute_duration;
      const mutes = liveMutes(room, call.now);
      const users = tagged(room, call.body.tags);
      for (const user of users) mutes.set(user, duration === -1 ? PERMANENT_MUTE_EXPIRY : call.now + duration);
      return { data: { result: true } };
    },
  },
};
