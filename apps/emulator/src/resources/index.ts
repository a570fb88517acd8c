/** Every resource module, and the handler table by operationId that the server serves from. */
import { chatroomAttributes } from './chatroom-attributes.js';
import { chatroomMembers } from './chatroom-members.js';
import { chatrooms } from './chatrooms.js';
import { contactsModule } from './contacts.js';
import { groupAdmins } from './group-admins.js';
import { roomLists } from './room-lists.js';
import { groupMembers } from './group-members.js';
import { groupMetadata } from './group-metadata.js';
import { messages } from './messages.js';
import { groups } from './groups.js';
import type { Handler, InvalidMapping, ResourceModule } from './module.js';
import { mutes } from './mutes.js';
import { threads } from './threads.js';
import { tokens } from './token.js';
import { userAttributes } from './user-attributes.js';
import { users } from './users.js';

export const MODULES: readonly ResourceModule[] = [
  users,
  userAttributes,
  contactsModule,
  tokens,
  groups,
  groupMembers,
  groupAdmins,
  roomLists,
  mutes,
  groupMetadata,
  chatrooms,
  chatroomMembers,
  chatroomAttributes,
  threads,
  messages,
];

export const HANDLERS: ReadonlyMap<string, Handler> = new Map(MODULES.flatMap(module => Object.entries(module.handlers)));

export const INVALID_MAPPINGS: ReadonlyMap<string, InvalidMapping[]> = new Map(MODULES.flatMap(module => Object.entries(module.invalid ?? {})));
