/**
 * Mutes of groups and chatrooms: per member with an expiry (milliseconds; -1 permanent, 0 lifts
 * the mute), which the emulator's clock passes, and mute-all.
 */
import { PERMANENT_MUTE_EXPIRY, type Room } from '../state/model.js';
import { chatroomOf, fail, groupOf, liveMutes, NOT_MEMBERS } from './lookup.js';
import type { Call, Fields, ResourceModule } from './module.js';

type Find = (call: Call, id: string) => Room;

function expiryOf(now: number, duration: number): number {
  return duration === -1 ? PERMANENT_MUTE_EXPIRY : now + duration;
}

function handlers(find: Find, idParameter: string, ids: Record<'list' | 'mute' | 'unmute' | 'muteAll' | 'unmuteAll', string>, unmuteParameter: string, isGroup: boolean) {
  return {
    [ids.list]: (call: Call): Fields => {
      const room = find(call, call.path[idParameter]);
      return { data: [...liveMutes(room, call.now)].map(([user, expire]) => ({ expire, user })) };
    },
    [ids.mute]: (call: Call): Fields => {
      const room = find(call, call.path[idParameter]);
      const names = [...new Set<string>(call.body.usernames)];
      if (isGroup && names.includes(room.owner)) fail('groupOwnerForbidden');
      if (names.every(name => !room.members.has(name))) fail(NOT_MEMBERS, names);
      const duration: number = call.body.mute_duration;
      const mutes = liveMutes(room, call.now);
      return {
        data: names.map(user => {
          if (!room.members.has(user)) return { result: false, user, reason: call.reason(NOT_MEMBERS, user) };
          const expire = expiryOf(call.now, duration);
          if (duration === 0) mutes.delete(user);
          else mutes.set(user, expire);
          return { result: true, expire, user };
        }),
      };
    },
    [ids.unmute]: (call: Call): Fields => {
      const room = find(call, call.path[idParameter]);
      const mutes = liveMutes(room, call.now);
      return { data: (call.path[unmuteParameter] as string[]).map(user => ({ result: mutes.delete(user), user })) };
    },
    [ids.muteAll]: (call: Call): Fields => {
      find(call, call.path[idParameter]).muteAll = true;
      return { data: { mute: true } };
    },
    [ids.unmuteAll]: (call: Call): Fields => {
      find(call, call.path[idParameter]).muteAll = false;
      return { data: { mute: false } };
    },
  };
}

const groupIds = { list: 'listGroupMutes', mute: 'muteGroupMembers', unmute: 'unmuteGroupMembers', muteAll: 'muteAllGroupMembers', unmuteAll: 'unmuteAllGroupMembers' };
const roomIds = { list: 'listChatroomMutes', mute: 'muteChatroomMembers', unmute: 'unmuteChatroomMembers', muteAll: 'muteAllChatroomMembers', unmuteAll: 'unmuteAllChatroomMembers' };

export const mutes: ResourceModule = {
  resource: 'group and chatroom mutes',
  handlers: {
    ...handlers(groupOf, 'group_id', groupIds, 'member', true),
    ...handlers(chatroomOf, 'chatroom_id', roomIds, 'members', false),
  },
  errors: {
    listGroupMutes: { groupNotFound: 'state' },
    muteGroupMembers: { tooManyUsers: 'validation', usersNotMembers: 'state', groupOwnerForbidden: 'state', groupNotFound: 'state' },
    unmuteGroupMembers: { tooManyUsers: 'validation', groupNotFound: 'state' },
    muteAllGroupMembers: { groupNotFound: 'state' },
    unmuteAllGroupMembers: { groupNotFound: 'state' },
    listChatroomMutes: { roomNotFound: 'state' },
    muteChatroomMembers: { notMembers: 'state', tooManyUsers: 'validation', roomNotFound: 'state' },
    unmuteChatroomMembers: { tooManyUsers: 'validation', roomNotFound: 'state' },
    muteAllChatroomMembers: { roomNotFound: 'state' },
    unmuteAllChatroomMembers: { roomNotFound: 'state' },
  },
  invalid: {
    muteGroupMembers: [{ field: 'usernames', keyword: 'maxItems', example: 'tooManyUsers' }],
    unmuteGroupMembers: [{ field: 'member', keyword: 'maxItems', example: 'tooManyUsers' }],
    muteChatroomMembers: [{ field: 'usernames', keyword: 'maxItems', example: 'tooManyUsers' }],
    unmuteChatroomMembers: [{ field: 'members', keyword: 'maxItems', example: 'tooManyUsers' }],
  },
};
