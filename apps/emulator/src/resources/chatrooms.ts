/**
 * Chatrooms: create, list, details, modify (or transfer, once the spec has that form), delete,
 * the user's joined rooms, announcements and custom attributes.
 */
import { newChatroom, nextId, type Chatroom } from '../state/model.js';
import { joinable } from './chatroom-members.js';
import { chatroomOf, cursorPage, fail, joinRoom, leaveRoom, memberPage, userOf } from './lookup.js';
import type { Fields, ResourceModule } from './module.js';

const DEFAULT_MAXUSERS = 1000;
const DEFAULT_PAGE = 10;

function details(room: Chatroom): unknown {
  return {
    id: room.id,
    name: room.name,
    description: room.description,
    membersonly: false,
    allowinvites: false,
    maxusers: room.maxusers,
    owner: room.owner,
    created: room.created,
    custom: room.custom,
    affiliations_count: room.members.size,
    affiliations: memberPage(room, 1, room.members.size).reverse(),
    public: true,
  };
}

function modify(room: Chatroom, body: Record<string, unknown>): Fields {
  const data: Record<string, boolean> = {};
  if (typeof body['maxusers'] === 'number') {
    if (body['maxusers'] < room.members.size) fail('maxUsersTooSmall');
    room.maxusers = body['maxusers'];
    data['maxusers'] = true;
  }
  if (typeof body['name'] === 'string') (room.name = body['name']), (data['groupname'] = true);
  if (typeof body['description'] === 'string') (room.description = body['description']), (data['description'] = true);
  if (typeof body['custom'] === 'string') (room.custom = body['custom']), (data['custom'] = true);
  return { data };
}

function transfer(room: Chatroom, newOwner: string): Fields {
  if (newOwner === room.owner) fail('newOwnerIsOwner');
  if (!room.members.has(newOwner)) fail('newOwnerNotInGroup', newOwner, room.id);
  room.admins.delete(newOwner);
  room.owner = newOwner;
  return { data: { newowner: true } };
}

export const chatrooms: ResourceModule = {
  resource: 'chatrooms',
  handlers: {
    listChatrooms(call) {
      const rooms = [...call.app.chatrooms.values()].map(room => ({ id: room.id, name: room.name, owner: room.owner, affiliations_count: room.members.size }));
      // Today's page: without `limit` and `cursor`, the first 10 rooms.
      const { page, next } = cursorPage(rooms, call.query['limit'] ?? DEFAULT_PAGE, call.query['cursor']);
      return { data: page, ...(call.query['limit'] === undefined && call.query['cursor'] === undefined ? {} : { properties: { cursor: next } }) };
    },
    createChatroom(call) {
      const body = call.body;
      const owner = joinable(call, userOf(call, body.owner));
      const members = [...new Set<string>(body.members ?? [])].filter(name => name !== owner.username).map(name => joinable(call, userOf(call, name)));
      const room = newChatroom(body.roomid ?? nextId(call.app), owner.username, call.now);
      room.maxusers = body.maxusers ?? DEFAULT_MAXUSERS;
      modify(room, { ...body, maxusers: undefined });
      owner.chatrooms.add(room.id);
      for (const member of members) joinRoom(room, member, 'chatrooms', call.now);
      call.app.chatrooms.set(room.id, room);
      return { data: { id: room.id } };
    },
    listUserJoinedChatrooms(call) {
      const user = userOf(call, call.path['username']);
      const rooms = [...user.chatrooms].flatMap(id => call.app.chatrooms.get(id) ?? []);
      return { data: rooms.map(room => ({ id: room.id, name: room.name })) };
    },
    getChatrooms(call) {
      return { data: (call.path['chatroom_id'] as string[]).map(id => details(chatroomOf(call, id))) };
    },
    updateChatroom(call) {
      const room = chatroomOf(call, call.path['chatroom_id']);
      return typeof call.body?.newowner === 'string' ? transfer(room, call.body.newowner) : modify(room, call.body ?? {});
    },
    deleteChatroom(call) {
      const room = chatroomOf(call, call.path['chatroom_id']);
      for (const member of [...room.members.keys()]) leaveRoom(call.app, room, member, 'chatrooms');
      call.app.chatrooms.delete(room.id);
      return { data: { success: true, id: room.id } };
    },
    getChatroomAnnouncement(call) {
      return { data: { announcement: chatroomOf(call, call.path['chatroom_id']).announcement } };
    },
    setChatroomAnnouncement(call) {
      const room = chatroomOf(call, call.path['chatroom_id']);
      room.announcement = call.body.announcement;
      return { data: { id: room.id, result: true } };
    },
  },
  errors: {
    createChatroom: { userNotFound: 'state' },
    listUserJoinedChatrooms: { userNotFound: 'state' },
    getChatrooms: { chatroomNotFound: 'state' },
    updateChatroom: { maxUsersTooSmall: 'state' },
    deleteChatroom: { chatroomNotFound: 'state' },
  },
};
