/**
 * Chatroom custom attributes (set, force-set, get, delete, force-delete: a key belongs to the user
 * who set it, and only the forced forms override someone else's) and member tags with tag mutes.
 */
import { PERMANENT_MUTE_EXPIRY, type Chatroom } from '../state/model.js';
import { chatroomOf, fail, liveMutes, NOT_MEMBERS } from './lookup.js';
import type { Call, ErrorSource, Fields, ResourceModule } from './module.js';

/** Documented limit of attributes per chatroom. */
const MAX_ATTRIBUTES = 100;

function setAttributes(call: Call, forced: boolean): Fields {
  const room = chatroomOf(call, call.path['chatroom_id']);
  const owner: string = call.path['username'];
  const successKeys: string[] = [];
  const errorKeys: Record<string, string> = {};
  const entries = Object.entries(call.body.metaData as Record<string, string>);
  const heldByOthers = (key: string) => {
    const current = room.attributes.get(key);
    return current !== undefined && current.owner !== owner;
  };
  if (!forced && entries.every(([key]) => heldByOthers(key))) fail('othersNotAllowed');
  for (const [key, value] of entries) {
    if (!forced && heldByOthers(key)) errorKeys[key] = `the key ${key} is held by another user`;
    else if (!room.attributes.has(key) && room.attributes.size >= MAX_ATTRIBUTES) errorKeys[key] = `the room holds ${MAX_ATTRIBUTES} attributes already`;
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

/** The member a tag operation names; tags belong to members only. */
function taggedMember(call: Call, room: Chatroom): string {
  const username: string = call.path['username'];
  if (!room.members.has(username)) fail(NOT_MEMBERS, username);
  return username;
}

const TAG_MUTE_SETTING: ErrorSource = { not: 'tag mutes are always enabled in the emulator (a console setting)' };

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
      const username = taggedMember(call, room);
      // The tags given replace the member's tags; each keeps the time it was first set.
      const previous = room.memberTags.get(username) ?? new Map<string, number>();
      room.memberTags.set(username, new Map((call.body.tags as string[]).map(tag => [tag, previous.get(tag) ?? call.now])));
      return { data: { result: true } };
    },
    getChatroomMemberTags(call) {
      const room = chatroomOf(call, call.path['chatroom_id']);
      const tags = room.memberTags.get(taggedMember(call, room)) ?? new Map<string, number>();
      return { data: Object.fromEntries([...tags].map(([tag, setAt]) => [tag, String(setAt)])) };
    },
    muteChatroomMembersByTag(call) {
      const room = chatroomOf(call, call.path['chatroom_id']);
      const tag: string = call.body.tag;
      const users = [...room.memberTags].filter(([user, tags]) => tags.has(tag) && room.members.has(user)).map(([user]) => user);
      if (users.length === 0) fail('tagNotFound');
      // Seconds here, unlike the milliseconds of the other mute operations.
      const seconds: number = call.body.mute_duration;
      const mutes = liveMutes(room, call.now);
      for (const user of users) {
        if (seconds === 0) mutes.delete(user);
        else mutes.set(user, seconds === -1 ? PERMANENT_MUTE_EXPIRY : call.now + seconds * 1000);
      }
      return { data: { result: true } };
    },
  },
  errors: {
    getChatroomAttributes: { roomNotFound: 'state' },
    setChatroomAttributes: { batchTooLarge: 'validation', othersNotAllowed: 'state' },
    deleteChatroomAttributes: { batchTooLarge: 'validation' },
    forceSetChatroomAttributes: { batchTooLarge: 'validation' },
    forceDeleteChatroomAttributes: { batchTooLarge: 'validation' },
    getChatroomMemberTags: { notMembers: 'state', tagMuteDisabled: TAG_MUTE_SETTING, roomNotFound: 'state' },
    setChatroomMemberTags: {
      notMembers: 'state',
      tagsNotList: 'validation',
      tagMuteDisabled: TAG_MUTE_SETTING,
      tooManyTags: 'validation',
      tagTooLong: 'validation',
      roomNotFound: 'state',
    },
    muteChatroomMembersByTag: { tagMuteDisabled: TAG_MUTE_SETTING, tagTooLong: 'validation', roomNotFound: 'state', tagNotFound: 'state' },
  },
  invalid: {
    setChatroomAttributes: [{ field: 'metaData', keyword: 'maxProperties', example: 'batchTooLarge' }],
    forceSetChatroomAttributes: [{ field: 'metaData', keyword: 'maxProperties', example: 'batchTooLarge' }],
    deleteChatroomAttributes: [{ field: 'keys', keyword: 'maxItems', example: 'batchTooLarge' }],
    forceDeleteChatroomAttributes: [{ field: 'keys', keyword: 'maxItems', example: 'batchTooLarge' }],
    setChatroomMemberTags: [
      { field: 'tags', keyword: 'type', example: 'tagsNotList' },
      { field: 'tags', keyword: 'maxItems', example: 'tooManyTags' },
      { field: 'tags[*]', keyword: 'maxLength', example: 'tagTooLong' },
    ],
    muteChatroomMembersByTag: [{ field: 'tag', keyword: 'maxLength', example: 'tagTooLong' }],
  },
};
