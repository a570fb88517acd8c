/**
 * What one app holds. Each org/app pair and each app ID is its own app, created on first use.
 * Collections keep insertion order (Map/Set), which is the order lists are answered in.
 */
import { createHash } from 'node:crypto';

export interface User {
  username: string;
  uuid: string;
  created: number;
  modified: number;
  password: string | undefined;
  nickname: string | undefined;
  activated: boolean;
  /** Groups and chatrooms the user belongs to, for joined lists and per-user limits. */
  groups: Set<string>;
  chatrooms: Set<string>;
}

/** What groups and chatrooms share: owner, members, roles, lists, mutes, announcement. */
export interface Room {
  id: string;
  name: string;
  description: string;
  maxusers: number;
  owner: string;
  created: number;
  custom: string;
  /** Everyone in the room, the owner included, with the time they joined. */
  members: Map<string, number>;
  admins: Set<string>;
  blocklist: Set<string>;
  allowlist: Set<string>;
  /** Muted user → expiry (ms since epoch). */
  mutes: Map<string, number>;
  muteAll: boolean;
  announcement: string;
}

export interface Group extends Room {
  avatar: string;
  public: boolean;
  membersonly: boolean;
  allowinvites: boolean;
  inviteNeedConfirm: boolean;
  disabled: boolean;
  /** Member → their custom attributes in this group. */
  memberMetadata: Map<string, Record<string, string>>;
}

export interface ChatroomAttribute {
  value: string;
  owner: string;
}

export interface Chatroom extends Room {
  superAdminOnly: boolean;
  attributes: Map<string, ChatroomAttribute>;
  /** Member → their tags, each with the time it was set. */
  memberTags: Map<string, Map<string, number>>;
}

export interface Thread {
  id: string;
  name: string;
  owner: string;
  groupId: string;
  msgId: string;
  created: number;
  members: Set<string>;
}

export type ChatType = 'chat' | 'groupchat' | 'chatroom';

/** A sent message, kept for recall, modification, thread creation and roaming deletion. */
export interface Message {
  id: string;
  from: string;
  /** The receiving user, group or chatroom. */
  to: string;
  chatType: ChatType;
  type: string;
  body: Record<string, unknown>;
  ext: Record<string, unknown> | undefined;
  sent: number;
  edits: number;
  /** Users who deleted it from their roaming history. */
  hiddenFor: Set<string>;
}

export interface AppState {
  /** The prefix's two segments: `my-org/my-app` or `app-id/12345`. */
  key: string;
  organization: string;
  applicationName: string;
  /** The app's UUID (`application` in answers), stable for a given key. */
  uuid: string;
  users: Map<string, User>;
  groups: Map<string, Group>;
  chatrooms: Map<string, Chatroom>;
  superAdmins: Set<string>;
  threads: Map<string, Thread>;
  /** User → their contacts, and user → the users they blocked. */
  contacts: Map<string, Map<string, { remark: string }>>;
  userBlocks: Map<string, Set<string>>;
  userAttributes: Map<string, Record<string, string>>;
  messages: Map<string, Message>;
  /** Next numeric ID for groups, chatrooms and threads: deterministic after a reset. */
  nextId: number;
  /** Sequence of message IDs, which are 19-digit numbers like the server's. */
  nextMessage: number;
}

/** Documented expiry of a permanent mute (2117-01-01). */
export const PERMANENT_MUTE_EXPIRY = 4638873600000;
const FIRST_ID = 270000000000001;

/** A UUID derived from a name, so that an app keeps its `application` across resets. */
export function nameUuid(name: string): string {
  const hex = createHash('sha1').update(name).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}

export function newApp(key: string): AppState {
  const [organization = key, applicationName = key] = key.split('/');
  return {
    key,
    organization,
    applicationName,
    uuid: nameUuid(`app:${key}`),
    users: new Map(),
    groups: new Map(),
    chatrooms: new Map(),
    superAdmins: new Set(),
    threads: new Map(),
    contacts: new Map(),
    userBlocks: new Map(),
    userAttributes: new Map(),
    messages: new Map(),
    nextId: FIRST_ID,
    nextMessage: 1,
  };
}

export function nextId(app: AppState): string {
  return String(app.nextId++);
}

const FIRST_MESSAGE_ID = 1029457500870543000n;

export function nextMessageId(app: AppState): string {
  return String(FIRST_MESSAGE_ID + BigInt(app.nextMessage++));
}

export function newUser(app: AppState, username: string, now: number, password?: string, nickname?: string): User {
  return {
    username,
    uuid: nameUuid(`user:${app.key}:${username}`),
    created: now,
    modified: now,
    password,
    nickname,
    activated: true,
    groups: new Set(),
    chatrooms: new Set(),
  };
}

function newRoom(id: string, owner: string, now: number): Room {
  return {
    id,
    name: '',
    description: '',
    maxusers: 200,
    owner,
    created: now,
    custom: '',
    members: new Map([[owner, now]]),
    admins: new Set(),
    blocklist: new Set(),
    allowlist: new Set(),
    mutes: new Map(),
    muteAll: false,
    announcement: '',
  };
}

export function newGroup(id: string, owner: string, now: number): Group {
  return {
    ...newRoom(id, owner, now),
    avatar: '',
    public: true,
    membersonly: false,
    allowinvites: false,
    inviteNeedConfirm: false,
    disabled: false,
    memberMetadata: new Map(),
  };
}

export function newChatroom(id: string, owner: string, now: number): Chatroom {
  return { ...newRoom(id, owner, now), superAdminOnly: false, attributes: new Map(), memberTags: new Map() };
}
