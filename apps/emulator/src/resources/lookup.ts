/** Lookups shared by the resource modules: they fail with the documented "not found" examples. */
import { fail, failUndocumented } from '../http/errors.js';
import { newUser, type AppState, type Chatroom, type Group, type Room, type User } from '../state/model.js';
import type { Call } from './module.js';

/** What each area of the spec calls an unknown user. */
export const USER_NOT_FOUND = ['userNotFound', 'usernameNotFound', 'memberNotFound', 'userEntityNotFound'] as const;

/** A registered user; with `autoCreateUsers`, an unknown name is registered on first use. */
export function userOf(call: Call, username: string, notFound: string | readonly string[] = USER_NOT_FOUND): User {
  const user = call.app.users.get(username);
  if (user) return user;
  if (!call.settings.autoCreateUsers) fail(notFound, username);
  const created = newUser(call.app, username, call.now);
  call.app.users.set(username, created);
  return created;
}

export function groupOf(call: Call, id: string): Group {
  return call.app.groups.get(id) ?? fail('groupNotFound', id);
}

/** What the chatroom pages call an unknown room (today's `roomNotFound`, the 2.x pages' others). */
export const ROOM_NOT_FOUND = ['roomNotFound', 'chatroomNotFound', 'serviceResourceNotFound'] as const;

export function chatroomOf(call: Call, id: string): Chatroom {
  return call.app.chatrooms.get(id) ?? fail(ROOM_NOT_FOUND, id);
}

/** What the chatroom pages call users that are not members (today's 400, the 2.x pages' 403). */
export const NOT_MEMBERS = ['notMembers', 'usersNotMembers'] as const;

/** A user as the user operations answer it. */
export function userEntity(user: User) {
  return {
    uuid: user.uuid,
    type: 'user',
    created: user.created,
    modified: user.modified,
    username: user.username,
    activated: user.activated,
    ...(user.nickname === undefined ? {} : { nickname: user.nickname }),
  };
}

/** The mutes still in force; expired ones are dropped as the clock passes them. */
export function liveMutes(room: Room, now: number): Map<string, number> {
  for (const [user, expire] of room.mutes) if (expire <= now) room.mutes.delete(user);
  return room.mutes;
}

/** A page of a room's members as the list operations answer it: the owner first, then the others. */
export function memberPage(room: Room, pagenum: number, pagesize: number): Array<{ owner: string } | { member: string }> {
  const start = (pagenum - 1) * pagesize;
  const end = start + pagesize;
  const page: Array<{ owner: string } | { member: string }> = start === 0 ? [{ owner: room.owner }] : [];
  // Position in the answered list, where the owner is 0.
  let index = 1;
  for (const name of room.members.keys()) {
    if (name === room.owner) continue;
    if (index >= end) break;
    if (index >= start) page.push({ member: name });
    index++;
  }
  return page;
}

/** Removes a user from a room and from what they held in it. */
export function leaveRoom(app: AppState, room: Room, username: string, kind: 'groups' | 'chatrooms'): void {
  room.members.delete(username);
  // Leaving a group also leaves its threads.
  if (kind === 'groups') for (const thread of app.threads.values()) if (thread.groupId === room.id) thread.members.delete(username);
  room.admins.delete(username);
  app.users.get(username)?.[kind].delete(room.id);
  if ('memberMetadata' in room) (room as Group).memberMetadata.delete(username);
  if ('memberTags' in room) (room as Chatroom).memberTags.delete(username);
}

export function joinRoom(room: Room, user: User, kind: 'groups' | 'chatrooms', now: number): void {
  room.members.set(user.username, now);
  user[kind].add(room.id);
}

/**
 * Cursor paging over a list: the cursor is the offset, base64url-encoded as the server's are opaque.
 * A cursor comes with every page; the page after the last one is empty, which ends a client's walk.
 */
export function cursorPage<T>(items: T[], limit: number, cursor: string | undefined): { page: T[]; next: string } {
  const start = cursor ? Number.parseInt(Buffer.from(cursor, 'base64url').toString(), 10) || 0 : 0;
  const page = items.slice(start, start + limit);
  return { page, next: Buffer.from(String(start + page.length)).toString('base64url') };
}

export { fail, failUndocumented };
