/**
 * The JSON snapshot of `GET/PUT /_emulator/state` and `--state FILE`. Every field but the IDs is
 * optional on import, so that a test can seed just what it needs; users named as owners or members
 * are registered on import, so that the reverse indexes (joined groups and rooms) hold.
 */
import { newApp, newChatroom, newGroup, newUser, type AppState, type Chatroom, type ChatType, type Group, type Room, type Thread } from './model.js';

export interface UserSnapshot {
  username: string;
  created?: number;
  password?: string;
  nickname?: string;
  activated?: boolean;
}

interface RoomSnapshot {
  id: string;
  owner: string;
  name?: string;
  description?: string;
  maxusers?: number;
  created?: number;
  custom?: string;
  /** Members other than the owner. */
  members?: string[];
  admins?: string[];
  blocklist?: string[];
  allowlist?: string[];
  mutes?: Array<{ user: string; expire: number }>;
  muteAll?: boolean;
  announcement?: string;
}

export interface GroupSnapshot extends RoomSnapshot {
  avatar?: string;
  public?: boolean;
  membersonly?: boolean;
  allowinvites?: boolean;
  inviteNeedConfirm?: boolean;
  disabled?: boolean;
  memberMetadata?: Record<string, Record<string, string>>;
}

export interface ChatroomSnapshot extends RoomSnapshot {
  attributes?: Record<string, { value: string; owner: string }>;
  memberTags?: Record<string, string[]>;
}

export interface ThreadSnapshot {
  id: string;
  name: string;
  owner: string;
  groupId: string;
  msgId: string;
  created?: number;
  members?: string[];
}

export interface MessageSnapshot {
  id: string;
  from: string;
  to: string;
  chatType: ChatType;
  type?: string;
  body?: Record<string, unknown>;
  ext?: Record<string, unknown>;
  sent?: number;
  edits?: number;
  hiddenFor?: string[];
}

export interface AppSnapshot {
  users?: UserSnapshot[];
  groups?: GroupSnapshot[];
  chatrooms?: ChatroomSnapshot[];
  superAdmins?: string[];
  threads?: ThreadSnapshot[];
  contacts?: Record<string, Array<string | { username: string; remark?: string }>>;
  userBlocks?: Record<string, string[]>;
  userAttributes?: Record<string, Record<string, string>>;
  messages?: MessageSnapshot[];
  nextId?: number;
  nextMessage?: number;
}

export interface Snapshot {
  version: 1;
  apps: Record<string, AppSnapshot>;
}

function exportRoom(room: Room): RoomSnapshot {
  return {
    id: room.id,
    owner: room.owner,
    name: room.name,
    description: room.description,
    maxusers: room.maxusers,
    created: room.created,
    custom: room.custom,
    members: [...room.members.keys()].filter(name => name !== room.owner),
    admins: [...room.admins],
    blocklist: [...room.blocklist],
    allowlist: [...room.allowlist],
    mutes: [...room.mutes].map(([user, expire]) => ({ user, expire })),
    muteAll: room.muteAll,
    announcement: room.announcement,
  };
}

export function exportApp(app: AppState): AppSnapshot {
  return {
    users: [...app.users.values()].map(user => ({
      username: user.username,
      created: user.created,
      activated: user.activated,
      ...(user.password === undefined ? {} : { password: user.password }),
      ...(user.nickname === undefined ? {} : { nickname: user.nickname }),
    })),
    groups: [...app.groups.values()].map(group => ({
      ...exportRoom(group),
      avatar: group.avatar,
      public: group.public,
      membersonly: group.membersonly,
      allowinvites: group.allowinvites,
      inviteNeedConfirm: group.inviteNeedConfirm,
      disabled: group.disabled,
      memberMetadata: Object.fromEntries(group.memberMetadata),
    })),
    chatrooms: [...app.chatrooms.values()].map(room => ({
      ...exportRoom(room),
      attributes: Object.fromEntries(room.attributes),
      memberTags: Object.fromEntries([...room.memberTags].map(([user, tags]) => [user, [...tags.keys()]])),
    })),
    superAdmins: [...app.superAdmins],
    threads: [...app.threads.values()].map(thread => ({ ...thread, members: [...thread.members] })),
    contacts: Object.fromEntries([...app.contacts].map(([user, friends]) => [user, [...friends].map(([username, { remark }]) => ({ username, remark }))])),
    userBlocks: Object.fromEntries([...app.userBlocks].map(([user, blocked]) => [user, [...blocked]])),
    userAttributes: Object.fromEntries(app.userAttributes),
    messages: [...app.messages.values()].map(({ ext, hiddenFor, ...message }) => ({ ...message, ...(ext ? { ext } : {}), hiddenFor: [...hiddenFor] })),
    nextId: app.nextId,
    nextMessage: app.nextMessage,
  };
}

function importRoom<T extends Room>(app: AppState, room: T, snapshot: RoomSnapshot, joined: (user: string) => void): T {
  room.name = snapshot.name ?? room.name;
  room.description = snapshot.description ?? room.description;
  room.maxusers = snapshot.maxusers ?? room.maxusers;
  room.custom = snapshot.custom ?? room.custom;
  room.muteAll = snapshot.muteAll ?? false;
  room.announcement = snapshot.announcement ?? '';
  joined(room.owner);
  for (const member of snapshot.members ?? []) {
    room.members.set(member, room.created);
    joined(member);
  }
  room.admins = new Set(snapshot.admins ?? []);
  room.blocklist = new Set(snapshot.blocklist ?? []);
  room.allowlist = new Set(snapshot.allowlist ?? []);
  room.mutes = new Map((snapshot.mutes ?? []).map(({ user, expire }) => [user, expire]));
  for (const user of [...room.admins, ...room.blocklist, ...room.allowlist, ...room.mutes.keys()]) ensureUser(app, user, room.created);
  return room;
}

function ensureUser(app: AppState, username: string, now: number) {
  let user = app.users.get(username);
  if (!user) app.users.set(username, (user = newUser(app, username, now)));
  return user;
}

export function importApp(key: string, snapshot: AppSnapshot, now: number): AppState {
  const app = newApp(key);
  for (const user of snapshot.users ?? []) {
    const imported = newUser(app, user.username, user.created ?? now, user.password, user.nickname);
    imported.activated = user.activated ?? true;
    app.users.set(user.username, imported);
  }
  for (const group of snapshot.groups ?? []) {
    const created: Group = newGroup(group.id, group.owner, group.created ?? now);
    importRoom(app, created, group, name => ensureUser(app, name, created.created).groups.add(group.id));
    created.avatar = group.avatar ?? '';
    created.public = group.public ?? created.public;
    created.membersonly = group.membersonly ?? created.membersonly;
    created.allowinvites = group.allowinvites ?? created.allowinvites;
    created.inviteNeedConfirm = group.inviteNeedConfirm ?? created.inviteNeedConfirm;
    created.disabled = group.disabled ?? false;
    created.memberMetadata = new Map(Object.entries(group.memberMetadata ?? {}));
    app.groups.set(group.id, created);
  }
  for (const room of snapshot.chatrooms ?? []) {
    const created: Chatroom = newChatroom(room.id, room.owner, room.created ?? now);
    importRoom(app, created, room, name => ensureUser(app, name, created.created).chatrooms.add(room.id));
    created.attributes = new Map(Object.entries(room.attributes ?? {}));
    created.memberTags = new Map(Object.entries(room.memberTags ?? {}).map(([user, tags]) => [user, new Map(tags.map(tag => [tag, created.created]))]));
    app.chatrooms.set(room.id, created);
  }
  app.superAdmins = new Set(snapshot.superAdmins ?? []);
  for (const name of app.superAdmins) ensureUser(app, name, now);
  for (const thread of snapshot.threads ?? []) {
    const imported: Thread = { ...thread, created: thread.created ?? now, members: new Set(thread.members ?? [thread.owner]) };
    app.threads.set(thread.id, imported);
  }
  for (const [user, friends] of Object.entries(snapshot.contacts ?? {})) {
    app.contacts.set(user, new Map(friends.map(friend => (typeof friend === 'string' ? [friend, { remark: '' }] : [friend.username, { remark: friend.remark ?? '' }]))));
  }
  for (const [user, blocked] of Object.entries(snapshot.userBlocks ?? {})) app.userBlocks.set(user, new Set(blocked));
  app.userAttributes = new Map(Object.entries(snapshot.userAttributes ?? {}));
  for (const message of snapshot.messages ?? []) {
    app.messages.set(message.id, {
      id: message.id,
      from: message.from,
      to: message.to,
      chatType: message.chatType,
      type: message.type ?? 'txt',
      body: message.body ?? {},
      ext: message.ext,
      sent: message.sent ?? now,
      edits: message.edits ?? 0,
      hiddenFor: new Set(message.hiddenFor ?? []),
    });
  }
  app.nextMessage = snapshot.nextMessage ?? app.messages.size + 1;
  // IDs handed out later must not collide with imported ones.
  let next = snapshot.nextId ?? app.nextId;
  for (const id of [app.groups.keys(), app.chatrooms.keys(), app.threads.keys()].flatMap(ids => [...ids])) {
    const number = Number(id);
    if (Number.isSafeInteger(number) && number >= next) next = number + 1;
  }
  app.nextId = next;
  return app;
}
