import { names, type Scenario, type Scenarios } from './common.js';

const R = '2001';
const room = (path: string) => `/chatrooms/${R}${path}`;
const missing = (method: string, path: string, body?: unknown): Scenario => [method, `/chatrooms/404${path}`, body];

export const CHATROOM_SCENARIOS: Scenarios = {
  createChatroom: {
    fieldMissing: ['POST', '/chatrooms', { name: 'r', description: 'd' }],
    roomIdTaken: ['POST', '/chatrooms', { name: 'r', description: 'd', owner: 'nm', roomid: R }],
    userJoinedTooMany: ['POST', '/chatrooms', { name: 'r', description: 'd', owner: 'u1' }],
    membersOverMaxUsers: ['POST', '/chatrooms', { name: 'r', description: 'd', owner: 'nm', maxusers: 1, members: ['off'] }],
    memberNotFound: ['POST', '/chatrooms', { name: 'r', description: 'd', owner: 'nm', members: ['ghost'] }],
    userNotFound: ['POST', '/chatrooms', { name: 'r', description: 'd', owner: 'ghost' }],
  },
  listUserJoinedChatrooms: { userNotFound: ['GET', '/users/ghost/joined_chatrooms'] },
  getChatrooms: { serviceResourceNotFound: missing('GET', ''), chatroomNotFound: missing('GET', '') },
  updateChatroom: {
    notValidFields: ['PUT', room(''), { chatroom_id: 'x' }],
    nameTooLong: ['PUT', room(''), { name: 'n'.repeat(129) }],
    descriptionTooLong: ['PUT', room(''), { description: 'd'.repeat(513) }],
    maxUsersTooLarge: ['PUT', room(''), { maxusers: 10001 }],
    sameOwner: ['PUT', room(''), { newowner: 'own' }],
    maxUsersTooSmall: ['PUT', room(''), { maxusers: 2 }],
    roomNotFound: missing('PUT', '', { maxusers: 10 }),
    newOwnerNotFound: ['PUT', room(''), { newowner: 'ghost' }],
  },
  deleteChatroom: { roomNotFound: missing('DELETE', ''), chatroomNotFound: missing('DELETE', '') },
  getChatroomAnnouncement: { roomNotFound: missing('GET', '/announcement') },
  setChatroomAnnouncement: {
    announcementTooLong: ['POST', room('/announcement'), { announcement: 'a'.repeat(513) }],
    roomNotFound: missing('POST', '/announcement', { announcement: 'a' }),
  },
  getChatroomAttributes: { roomNotFound: ['POST', '/metadata/chatroom/404', { keys: ['k'] }] },
  setChatroomAttributes: {
    batchTooLarge: ['PUT', `/metadata/chatroom/${R}/user/u1`, { metaData: Object.fromEntries(names(11).map(key => [key, 'v'])) }],
    othersNotAllowed: ['PUT', `/metadata/chatroom/${R}/user/u2`, { metaData: { held: 'v' } }],
  },
  deleteChatroomAttributes: { batchTooLarge: ['DELETE', `/metadata/chatroom/${R}/user/u1`, { keys: names(11) }] },
  forceSetChatroomAttributes: { batchTooLarge: ['PUT', `/metadata/chatroom/${R}/user/u1/forced`, { metaData: Object.fromEntries(names(11).map(key => [key, 'v'])) }] },
  forceDeleteChatroomAttributes: { batchTooLarge: ['DELETE', `/metadata/chatroom/${R}/user/u1/forced`, { keys: names(11) }] },
  listChatroomMembers: { serviceResourceNotFound: missing('GET', '/users') },
  addChatroomMembers: {
    tooManyUsers: ['POST', room('/users'), { usernames: names(101) }],
    joinedTooMany: ['POST', '/chatrooms/2002/users', { usernames: ['u1'] }],
    roomNotFound: missing('POST', '/users', { usernames: ['u1'] }),
    chatroomNotFound: missing('POST', '/users', { usernames: ['u1'] }),
    usernameNotFound: ['POST', room('/users'), { usernames: ['ghost'] }],
  },
  addChatroomMember: {
    joinedTooMany: ['POST', '/chatrooms/2002/users/u1'],
    roomNotFound: missing('POST', '/users/u1'),
    usernameNotFound: ['POST', room('/users/ghost')],
    userNotFound: ['POST', room('/users/ghost')],
  },
  removeChatroomMembers: {
    tooManyUsers: ['DELETE', room(`/users/${names(61).join(',')}`)],
    notMembers: ['DELETE', room('/users/nm')],
    roomNotFound: missing('DELETE', '/users/u1'),
    usernameNotFound: ['DELETE', room('/users/ghost')],
    chatroomNotFound: missing('DELETE', '/users/u1'),
    chatroomNotFoundBatch: missing('DELETE', '/users/u1,u2'),
  },
  listChatroomAdmins: { roomNotFound: missing('GET', '/admin') },
  addChatroomAdmin: { roomNotFound: missing('POST', '/admin', { newadmin: 'u1' }), usernameNotFound: ['POST', room('/admin'), { newadmin: 'ghost' }] },
  removeChatroomAdmin: { roomNotFound: missing('DELETE', '/admin/u1'), usernameNotFound: ['DELETE', room('/admin/ghost')] },
  addChatroomSuperAdmin: { usernameNotFound: ['POST', '/chatrooms/super_admin', { superadmin: 'ghost' }], userNotFound: ['POST', '/chatrooms/super_admin', { superadmin: 'ghost' }] },
  removeChatroomSuperAdmin: { usernameNotFound: ['DELETE', '/chatrooms/super_admin/ghost'] },
  listChatroomMutes: { roomNotFound: missing('GET', '/mute') },
  muteChatroomMembers: {
    notMembers: ['POST', room('/mute'), { usernames: ['nm'], mute_duration: 1000 }],
    tooManyUsers: ['POST', room('/mute'), { usernames: names(101), mute_duration: 1000 }],
    roomNotFound: missing('POST', '/mute', { usernames: ['u1'], mute_duration: 1000 }),
  },
  unmuteChatroomMembers: { tooManyUsers: ['DELETE', room(`/mute/${names(61).join(',')}`)], roomNotFound: missing('DELETE', '/mute/u1') },
  muteAllChatroomMembers: { roomNotFound: missing('POST', '/ban') },
  unmuteAllChatroomMembers: { roomNotFound: missing('DELETE', '/ban') },
  getChatroomMemberTags: { notMembers: ['GET', room('/users/nm/tag')], roomNotFound: missing('GET', '/users/u1/tag') },
  setChatroomMemberTags: {
    notMembers: ['PUT', room('/users/nm/tag'), { tags: ['t'] }],
    tagsNotList: ['PUT', room('/users/u1/tag'), { tags: 't' }],
    tooManyTags: ['PUT', room('/users/u1/tag'), { tags: names(11) }],
    tagTooLong: ['PUT', room('/users/u1/tag'), { tags: ['t'.repeat(33)] }],
    roomNotFound: missing('PUT', '/users/u1/tag', { tags: ['t'] }),
  },
  muteChatroomMembersByTag: {
    tagTooLong: ['PUT', room('/tag/mute'), { tag: 't'.repeat(33), mute_duration: 60 }],
    roomNotFound: missing('PUT', '/tag/mute', { tag: 't', mute_duration: 60 }),
    tagNotFound: ['PUT', room('/tag/mute'), { tag: 'none', mute_duration: 60 }],
  },
  ...Object.fromEntries(
    (['Blocklist', 'Allowlist'] as const).map(list => {
      const segment = list === 'Blocklist' ? 'blocks' : 'white';
      return [
        [`listChatroom${list}`, { roomNotFound: missing('GET', `/${segment}/users`) }],
        [`addChatroom${list}Users`, {
          tooManyUsers: ['POST', room(`/${segment}/users`), { usernames: names(61) }],
          notMembers: ['POST', room(`/${segment}/users`), { usernames: ['nm'] }],
          roomNotFound: missing('POST', `/${segment}/users`, { usernames: ['u1'] }),
        }],
        [`addChatroom${list}User`, { notMembers: ['POST', room(`/${segment}/users/nm`)], roomNotFound: missing('POST', `/${segment}/users/u1`) }],
        [`removeChatroom${list}Users`, {
          tooManyUsers: ['DELETE', room(`/${segment}/users/${names(61).join(',')}`)],
          notMembers: ['DELETE', room(`/${segment}/users/u1`)],
          roomNotFound: missing('DELETE', `/${segment}/users/u1`),
        }],
      ];
    }).flat(),
  ),
};
