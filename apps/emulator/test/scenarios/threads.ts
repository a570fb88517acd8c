import { G, names, type Scenarios } from './common.js';

export const THREAD_SCENARIOS: Scenarios = {
  createThread: {
    invalidBody: ['POST', '/thread', '{"group_id": '],
    nameTooLong: ['POST', '/thread', { group_id: G, name: 'x'.repeat(65), owner: 'u1', msg_id: '102' }],
    groupNotFound: ['POST', '/thread', { group_id: '404', name: 't', owner: 'u1', msg_id: '102' }],
    ownerNotInGroup: ['POST', '/thread', { group_id: G, name: 't', owner: 'nm', msg_id: '102' }],
    messageHasThread: ['POST', '/thread', { group_id: G, name: 't', owner: 'u1', msg_id: '101' }],
    messageNotFound: ['POST', '/thread', { group_id: G, name: 't', owner: 'u1', msg_id: '10404' }],
    notGroupMessage: ['POST', '/thread', { group_id: G, name: 't', owner: 'u1', msg_id: '103' }],
    messageNotInGroup: ['POST', '/thread', { group_id: G, name: 't', owner: 'u1', msg_id: '104' }],
  },
  listThreads: { queryParamReachesLimit: ['GET', '/thread?limit=51'] },
  listUserThreads: { queryParamReachesLimit: ['GET', '/threads/user/u1?limit=51'] },
  listUserGroupThreads: { queryParamReachesLimit: ['GET', `/threads/chatgroups/${G}/user/u1?limit=51`] },
  renameThread: { nameTooLong: ['PUT', '/thread/3001', { name: 'x'.repeat(65) }], threadNotFound: ['PUT', '/thread/404', { name: 'n' }] },
  deleteThread: { threadNotFound: ['DELETE', '/thread/404'] },
  listThreadMembers: { queryParamReachesLimit: ['GET', '/thread/3001/users?limit=51'], threadNotFound: ['GET', '/thread/404/users'] },
  addThreadMembers: { requestBodyReachesLimit: ['POST', '/thread/3001/users', { usernames: names(11) }], threadNotFound: ['POST', '/thread/404/users', { usernames: ['u2'] }] },
  removeThreadMembers: { requestBodyReachesLimit: ['DELETE', '/thread/3001/users', { usernames: names(11) }], threadNotFound: ['DELETE', '/thread/404/users', { usernames: ['u2'] }] },
};
