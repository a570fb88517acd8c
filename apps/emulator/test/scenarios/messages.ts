import { G, names, type Scenario, type Scenarios } from './common.js';

const txt = { type: 'txt', body: { msg: 'hi' } };
const sends: Record<string, [path: string, to: string[], limit: number, extra?: object]> = {
  sendUserMessage: ['/messages/users', ['u2'], 600],
  sendGroupMessage: ['/messages/chatgroups', [G], 3],
  sendGroupTargetedMessage: ['/messages/chatgroups/users', [G], 1, { users: ['u2'] }],
  sendChatroomMessage: ['/messages/chatrooms', ['2001'], 10],
  sendChatroomTargetedMessage: ['/messages/chatrooms/users', ['2001'], 1, { users: ['u2'] }],
};

function sendScenarios(path: string, to: string[], limit: number, extra: object = {}): Record<string, Scenario> {
  const valid = { from: 'u1', to, ...txt, ...extra };
  const { type: _type, ...withoutType } = valid;
  const { body: _body, ...withoutBody } = valid;
  const { to: _to, ...withoutTo } = valid;
  return {
    invalidRequestBody: ['POST', path, '{"to": ['],
    fromEmpty: ['POST', path, { ...valid, from: '' }],
    toEmpty: ['POST', path, withoutTo],
    typeEmpty: ['POST', path, withoutType],
    bodyEmpty: ['POST', path, withoutBody],
    extNotObject: ['POST', path, { ...valid, ext: 'x' }],
    toExceedLimit: ['POST', path, { ...valid, to: names(limit + 1) }],
    ...('users' in extra ? { usersEmpty: ['POST', path, { ...valid, users: [] }] as Scenario } : {}),
  };
}

const recallOf = (msg_id: string, to = 'u2', force = false) => ({ msg_id, to, chat_type: 'chat', from: 'u1', force });

export const MESSAGE_SCENARIOS: Scenarios = {
  ...Object.fromEntries(Object.entries(sends).map(([operationId, [path, to, limit, extra]]) => [operationId, sendScenarios(path, to, limit, extra)])),
  recallMessage: {
    msgIdEmpty: ['POST', '/messages/msg_recall', { ...recallOf('103'), msg_id: '' }],
    toEmpty: ['POST', '/messages/msg_recall', { ...recallOf('103'), to: '' }],
    chatTypeEmpty: ['POST', '/messages/msg_recall', { msg_id: '103', to: 'u2' }],
    receiverNotFound: ['POST', '/messages/msg_recall', recallOf('103', 'nm')],
    timeLimitExceeded: ['POST', '/messages/msg_recall', recallOf('106')],
    messageNotFound: ['POST', '/messages/msg_recall', recallOf('10404')],
  },
  recallMessages: {
    msgIdEmpty: ['POST', '/messages/batch_recall', { msgs: [{ ...recallOf('103'), msg_id: '' }] }],
    toEmpty: ['POST', '/messages/batch_recall', { msgs: [{ ...recallOf('103'), to: '' }] }],
    chatTypeEmpty: ['POST', '/messages/batch_recall', { msgs: [{ msg_id: '103', to: 'u2', force: false }] }],
    forceEmpty: ['POST', '/messages/batch_recall', { msgs: [{ msg_id: '103', to: 'u2', chat_type: 'chat' }] }],
    receiverNotFound: ['POST', '/messages/batch_recall', { msgs: [recallOf('103', 'nm')] }],
    timeLimitExceeded: ['POST', '/messages/batch_recall', { msgs: [recallOf('106')] }],
    messageNotFound: ['POST', '/messages/batch_recall', { msgs: [recallOf('10404'), recallOf('10405')] }],
  },
  modifyMessage: {
    invalidRequestBody: ['PUT', '/messages/rewrite/1', '{"new_msg": '],
    newMsgRequired: ['PUT', '/messages/rewrite/1', { user: 'u1' }],
    invalidMessageId: ['PUT', '/messages/rewrite/abc', { new_msg: { type: 'txt', msg: 'x' } }],
    typeNotSupported: ['PUT', '/messages/rewrite/103', { new_msg: { type: 'txt', msg: 'x' } }],
    editLimitReached: ['PUT', '/messages/rewrite/105', { new_msg: { type: 'txt', msg: 'x' } }],
    messageUnavailable: ['PUT', '/messages/rewrite/404', { new_msg: { type: 'txt', msg: 'x' } }],
  },
  deleteUserRoamingMessages: {
    msgIdListTooLong: ['DELETE', `/rest/message/roaming/chat/user/u1?userId=u2&msgIdList=${names(51).join(',')}`],
    missingParameter: ['DELETE', '/rest/message/roaming/chat/user/u1?msgIdList=m3'],
  },
  deleteGroupRoamingMessages: { msgIdListTooLong: ['DELETE', `/rest/message/roaming/group/user/u1?groupId=${G}&msgIdList=${names(51).join(',')}`] },
};
