/**
 * Messages: the `send*Message` operations store what they send, one message per target, so that
 * recall (within the recall window, or forced), modification (text and custom, at most 10 edits),
 * thread creation and roaming deletion act on them.
 */
import { nextMessageId, type ChatType, type Message } from '../state/model.js';
import { fail } from './lookup.js';
import type { Call, ErrorSource, Fields, Handler, ResourceModule } from './module.js';

/** The documented maximum of edits of one message. */
const MAX_EDITS = 10;
/** Message types that can be modified. */
const EDITABLE = new Set(['txt', 'custom']);

function send(chatType: ChatType): Handler {
  return call => {
    const data: Record<string, string> = {};
    for (const to of call.body.to as string[]) {
      const message: Message = {
        id: nextMessageId(call.app),
        from: call.body.from ?? 'admin',
        to,
        chatType,
        type: call.body.type,
        body: call.body.body,
        ext: call.body.ext,
        sent: call.now,
        edits: 0,
        hiddenFor: new Set(),
      };
      call.app.messages.set(message.id, message);
      data[to] = message.id;
    }
    return { data };
  };
}

interface Recall {
  msg_id: string;
  to: string;
  chat_type: ChatType;
  from?: string;
  force?: boolean;
}

/** Recalls one message, or names the documented error that refuses it. */
function recall(call: Call, request: Recall): Fields | string {
  const message = call.app.messages.get(request.msg_id);
  if (!message || message.chatType !== request.chat_type) return 'messageNotFound';
  if (message.to !== request.to) return 'receiverNotFound';
  if (request.force !== true && call.now - message.sent > call.settings.recallWindowMs) return 'timeLimitExceeded';
  call.app.messages.delete(message.id);
  return { recalled: 'yes', chattype: message.chatType, from: message.from, to: message.to, msg_id: message.id };
}

/** Hides messages from a user's roaming history. */
function hide(user: string, messages: Iterable<Message>): Fields {
  for (const message of messages) message.hiddenFor.add(user);
  return { requestStatusCode: 'ok' };
}

/** The messages of a one-to-one conversation or of a group, as a user's roaming history holds them. */
function conversation(call: Call, user: string, peer: string, chatType: ChatType): Message[] {
  return [...call.app.messages.values()].filter(message =>
    message.chatType === chatType && (chatType === 'chat' ? (message.from === user && message.to === peer) || (message.from === peer && message.to === user) : message.to === peer),
  );
}

function byIds(ids: string, inConversation: Message[]): Message[] {
  const wanted = new Set(ids.split(','));
  return inConversation.filter(message => wanted.has(message.id));
}

const SEND_LIMIT: ErrorSource = { not: 'the per-app sending quota depends on the plan' };
const TOO_LARGE: ErrorSource = { not: 'requests are refused above 5 MB, before the message is read' };
const sendErrors = (extra: Record<string, ErrorSource> = {}) => ({
  invalidRequestBody: 'validation',
  fromEmpty: 'validation',
  toEmpty: 'validation',
  typeEmpty: 'validation',
  bodyEmpty: 'validation',
  extNotObject: 'validation',
  toExceedLimit: 'validation',
  messageTooLarge: TOO_LARGE,
  sendReachLimit: SEND_LIMIT,
  ...extra,
}) as Record<string, ErrorSource>;
const sendMappings = [
  { field: 'body', keyword: 'parse', example: 'invalidRequestBody' },
  { field: 'from', keyword: 'minLength', example: 'fromEmpty' },
  { field: 'to', keyword: 'required', example: 'toEmpty' },
  { field: 'to', keyword: 'minItems', example: 'toEmpty' },
  { field: 'type', keyword: 'required', example: 'typeEmpty' },
  { field: 'body', keyword: 'required', example: 'bodyEmpty' },
  { field: 'ext', keyword: 'type', example: 'extNotObject' },
  { field: 'to', keyword: 'maxItems', example: 'toExceedLimit' },
  { field: 'users', keyword: 'required', example: 'usersEmpty' },
  { field: 'users', keyword: 'minItems', example: 'usersEmpty' },
];

const RECALL_SERVICE: ErrorSource = { not: 'recall is always enabled in the emulator (a console setting)' };
const SERVER_FAILURE: ErrorSource = { not: 'a server failure; inject a fault to test it' };
const recallErrors = (forceEmpty: ErrorSource): Record<string, ErrorSource> => ({
  msgIdEmpty: 'validation',
  toEmpty: 'validation',
  chatTypeEmpty: 'validation',
  forceEmpty,
  receiverNotFound: 'state',
  timeLimitExceeded: 'state',
  messageNotFound: 'state',
  serviceUnopened: RECALL_SERVICE,
  internalError: SERVER_FAILURE,
});
const recallMappings = (prefix: string) => [
  { field: `${prefix}msg_id`, example: 'msgIdEmpty' },
  { field: `${prefix}to`, example: 'toEmpty' },
  { field: `${prefix}chat_type`, example: 'chatTypeEmpty' },
  { field: `${prefix}force`, keyword: 'required', example: 'forceEmpty' },
];
const ROAMING: ErrorSource = { not: 'roaming is always enabled in the emulator (a console setting)' };

export const messages: ResourceModule = {
  resource: 'messages',
  handlers: {
    sendUserMessage: send('chat'),
    sendGroupMessage: send('groupchat'),
    sendGroupTargetedMessage: send('groupchat'),
    sendChatroomMessage: send('chatroom'),
    sendChatroomTargetedMessage: send('chatroom'),
    recallMessage(call) {
      const outcome = recall(call, call.body);
      return typeof outcome === 'string' ? fail(outcome) : { data: outcome };
    },
    recallMessages(call) {
      const outcomes = (call.body.msgs as Recall[]).map(request => ({ request, outcome: recall(call, request) }));
      // A batch fails as a whole only when no message is recalled.
      const first = outcomes[0]!.outcome;
      if (typeof first === 'string' && outcomes.every(({ outcome }) => typeof outcome === 'string')) fail(first);
      return {
        data: outcomes.map(({ request, outcome }) =>
          typeof outcome === 'string' ? { recalled: call.reason(outcome), chattype: request.chat_type, from: request.from ?? 'admin', to: request.to, msg_id: request.msg_id } : outcome,
        ),
      };
    },
    modifyMessage(call) {
      const message = call.app.messages.get(call.path['msg_id']) ?? fail('messageUnavailable');
      const edited: { type: string; [field: string]: unknown } = call.body.new_msg;
      if (!EDITABLE.has(message.type) || edited.type !== message.type) fail('typeNotSupported');
      if (message.edits >= MAX_EDITS) fail('editLimitReached');
      const { type: _type, ...body } = edited;
      message.body = body;
      if (call.body.new_ext) message.ext = call.body.is_combine_ext === true ? { ...message.ext, ...call.body.new_ext } : call.body.new_ext;
      message.edits++;
      return { data: 'success' };
    },
    deleteUserRoamingMessages(call) {
      const user: string = call.path['userId'];
      return hide(user, byIds(call.query['msgIdList'], conversation(call, user, call.query['userId'], 'chat')));
    },
    deleteGroupRoamingMessages(call) {
      const user: string = call.path['userId'];
      return hide(user, byIds(call.query['msgIdList'], conversation(call, user, call.query['groupId'], 'groupchat')));
    },
    clearUserRoamingMessages(call) {
      const user: string = call.path['userId'];
      const inGroup = (message: Message) => message.chatType === 'groupchat' && call.app.groups.get(message.to)?.members.has(user) === true;
      return hide(user, [...call.app.messages.values()].filter(message => (message.chatType === 'chat' && (message.from === user || message.to === user)) || inGroup(message)));
    },
    clearUserConversationRoamingMessages(call) {
      const user: string = call.path['userId'];
      return hide(user, conversation(call, user, call.query['userId'], 'chat').filter(message => message.sent <= call.query['delTime']));
    },
    clearGroupConversationRoamingMessages(call) {
      const user: string = call.path['userId'];
      return hide(user, conversation(call, user, call.query['groupId'], 'groupchat').filter(message => message.sent <= call.query['delTime']));
    },
  },
  errors: {
    sendUserMessage: sendErrors(),
    sendGroupMessage: sendErrors(),
    sendGroupTargetedMessage: sendErrors({ usersEmpty: 'validation' }),
    sendChatroomMessage: sendErrors(),
    sendChatroomTargetedMessage: sendErrors({ usersEmpty: 'validation' }),
    recallMessage: { ...recallErrors({ not: "`force` is optional in a single recall's body; the server's 400 without it is not reproduced" }), serviceUnopenedFullBody: RECALL_SERVICE },
    recallMessages: recallErrors('validation'),
    modifyMessage: {
      invalidRequestBody: 'validation',
      newMsgRequired: 'validation',
      typeNotSupported: 'state',
      invalidMessageId: 'validation',
      editLimitReached: 'state',
      featureNotOpen: { not: 'modification is always enabled in the emulator (enabled by Easemob on request)' },
      messageUnavailable: 'state',
      messageUnavailableException: { not: "the page gives two answers to an unknown message; the emulator answers messageUnavailable" },
      concurrentEdit: { not: 'calls are served one at a time: two edits cannot collide' },
      internalError: SERVER_FAILURE,
    },
    deleteUserRoamingMessages: { roamingNotOpen: ROAMING, msgIdListTooLong: 'validation', missingParameter: 'validation' },
    deleteGroupRoamingMessages: { roamingNotOpen: ROAMING, msgIdListTooLong: 'validation' },
    clearUserRoamingMessages: { roamingNotOpen: ROAMING },
    clearUserConversationRoamingMessages: { roamingNotOpen: ROAMING },
    clearGroupConversationRoamingMessages: { roamingNotOpen: ROAMING },
  },
  invalid: {
    sendUserMessage: sendMappings,
    sendGroupMessage: sendMappings,
    sendGroupTargetedMessage: sendMappings,
    sendChatroomMessage: sendMappings,
    sendChatroomTargetedMessage: sendMappings,
    recallMessage: recallMappings(''),
    recallMessages: recallMappings('msgs[*].'),
    modifyMessage: [
      { field: 'body', keyword: 'parse', example: 'invalidRequestBody' },
      { field: 'new_msg', keyword: 'required', example: 'newMsgRequired' },
      { field: 'msg_id', keyword: 'pattern', example: 'invalidMessageId' },
    ],
    deleteUserRoamingMessages: [
      { field: 'msgIdList', keyword: 'pattern', example: 'msgIdListTooLong' },
      { field: '*', keyword: 'required', example: 'missingParameter' },
    ],
    deleteGroupRoamingMessages: [{ field: 'msgIdList', keyword: 'pattern', example: 'msgIdListTooLong' }],
  },
};
