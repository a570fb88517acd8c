/** Chatrooms: create, list, details, modify or transfer, delete, the user's joined rooms, announcements. */
import { newChatroom, nextId, type Chatroom } from '../state/model.js';
import { joinable } from './chatroom-members.js';
import { chatroomOf, cursorPage, fail, joinRoom, leaveRoom, memberPage, userOf } from './lookup.js';
import type { Call, Fields, ResourceModule } from './module.js';

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

function transfer(call: Call, room: Chatroom, newOwner: string): Fields {
  if (newOwner === room.owner) fail('sameOwner');
  userOf(call, newOwner, 'newOwnerNotFound');
  if (!room.members.has(newOwner)) fail('newOwnerNotInGroup', newOwner, room.id);
  room.admins.delete(newOwner);
  room.owner = newOwner;
  return { data: { newowner: true } };
}

function page<T>(call: Call, items: T[], defaultSize: number): T[] {
  const pagesize: number = call.query['pagesize'] ?? defaultSize;
  const start = ((call.query['pagenum'] ?? 1) - 1) * pagesize;
  return items.slice(start, start + pagesize);
}

export const chatrooms: ResourceModule = {
  resource: 'chatrooms',
  handlers: {
    listChatrooms(call) {
      const rooms = [...call.app.chatrooms.values()].map(room => ({ id: room.id, name: room.name, owner: room.owner, affiliations_count: room.members.size }));
      // Today's page: without `limit` and `cursor`, the first 10 rooms.
      const { page, next } = cursorPage(rooms, call.query['limit'] ?? DEFAULT_PAGE, call.query['cursor']);
      return { data: page, count: page.length, ...(call.query['limit'] === undefined && call.query['cursor'] === undefined ? {} : { cursor: next }) };
    },
    createChatroom(call) {
      const body = call.body;
      const owner = joinable(call, userOf(call, body.owner, 'userNotFound'));
      const names = [...new Set<string>(body.members ?? [])].filter(name => name !== owner.username);
      const members = names.map(name => joinable(call, userOf(call, name, 'memberNotFound')));
      const id: string = body.roomid ?? nextId(call.app);
      if (call.app.chatrooms.has(id) || call.app.groups.has(id)) fail('roomIdTaken', id);
      const room = newChatroom(id, owner.username, call.now);
      room.maxusers = body.maxusers ?? DEFAULT_MAXUSERS;
      if (members.length + 1 > room.maxusers) fail('membersOverMaxUsers');
      modify(room, { ...body, maxusers: undefined });
      owner.chatrooms.add(room.id);
      for (const member of members) joinRoom(room, member, 'chatrooms', call.now);
      call.app.chatrooms.set(room.id, room);
      return { data: { id: room.id } };
    },
    listUserJoinedChatrooms(call) {
      const user = userOf(call, call.path['username']);
      const rooms = [...user.chatrooms].flatMap(id => call.app.chatrooms.get(id) ?? []);
      const listed = page(call, rooms, 1000).map(room => ({ id: room.id, name: room.name }));
      return { data: listed, count: listed.length };
    },
    getChatrooms(call) {
      const ids: string[] = call.path['chatroom_id'];
      return { data: ids.map(id => details(chatroomOf(call, id))), count: ids.length };
    },
    updateChatroom(call) {
      const room = chatroomOf(call, call.path['chatroom_id']);
      return typeof call.body.newowner === 'string' ? transfer(call, room, call.body.newowner) : modify(room, call.body);
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
    createChatroom: {
      fieldMissing: 'validation',
      roomIdTaken: 'state',
      appRoomLimit: { not: 'the number of chatrooms an app may create depends on its plan' },
      userJoinedTooMany: 'state',
      membersOverMaxUsers: 'state',
      memberNotFound: 'state',
      userNotFound: 'state',
    },
    listUserJoinedChatrooms: { userNotFound: 'state' },
    getChatrooms: { serviceResourceNotFound: 'state', chatroomNotFound: 'state' },
    updateChatroom: {
      notValidFields: 'validation',
      nameTooLong: 'validation',
      descriptionTooLong: 'validation',
      maxUsersTooLarge: 'validation',
      sameOwner: 'state',
      maxUsersTooSmall: 'state',
      roomNotFound: 'state',
      newOwnerNotFound: 'state',
    },
    deleteChatroom: { roomNotFound: 'state', chatroomNotFound: 'state' },
    getChatroomAnnouncement: { roomNotFound: 'state' },
    setChatroomAnnouncement: { announcementTooLong: 'validation', roomNotFound: 'state' },
  },
  invalid: {
    createChatroom: [{ field: '*', keyword: 'required', example: 'fieldMissing' }],
    updateChatroom: [
      { field: '*', keyword: 'additionalProperties', example: 'notValidFields' },
      { field: 'name', keyword: 'maxLength', example: 'nameTooLong' },
      { field: 'description', keyword: 'maxLength', example: 'descriptionTooLong' },
      { field: 'maxusers', keyword: 'maximum', example: 'maxUsersTooLarge' },
    ],
    setChatroomAnnouncement: [{ field: 'announcement', keyword: 'maxLength', example: 'announcementTooLong' }],
  },
};
