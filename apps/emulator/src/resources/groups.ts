/**
 * Groups themselves: create, details, list, the user's joined groups, modify or transfer
 * (`PUT /chatgroups/{group_id}`), delete, disable/enable, membership check and announcements.
 */
import { newGroup, nextId, type Group } from '../state/model.js';
import { cursorPage, fail, groupOf, joinRoom, leaveRoom, memberPage, userOf } from './lookup.js';
import type { Call, ErrorSource, Fields, ResourceModule } from './module.js';

const DEFAULT_MAXUSERS = 200;

function transfer(group: Group, newOwner: string): Fields {
  if (newOwner === group.owner) fail('newOwnerIsOwner');
  if (!group.members.has(newOwner)) fail('newOwnerNotInGroup', newOwner, group.id);
  group.admins.delete(newOwner);
  group.owner = newOwner;
  return { data: { newowner: true } };
}

/** Settings a modify request may change, and the name each has in the answer's `data`. */
const SETTINGS = ['groupname', 'avatar', 'description', 'maxusers', 'membersonly', 'allowinvites', 'invite_need_confirm', 'public', 'custom'] as const;

function modify(group: Group, body: Record<string, unknown>): Fields {
  const data: Record<string, boolean> = {};
  for (const setting of SETTINGS) {
    const value = body[setting];
    if (value === undefined) continue;
    if (setting === 'groupname') group.name = String(value);
    else if (setting === 'avatar') group.avatar = String(value);
    else if (setting === 'description') group.description = String(value);
    else if (setting === 'custom') group.custom = String(value);
    else if (setting === 'maxusers') {
      if (Number(value) < group.members.size) fail('maxUsersTooSmall');
      group.maxusers = Number(value);
    } else if (setting === 'invite_need_confirm') group.inviteNeedConfirm = Boolean(value);
    else group[setting] = Boolean(value);
    data[setting] = true;
  }
  return { data };
}

function details(group: Group): unknown {
  return {
    id: group.id,
    name: group.name,
    avatar: group.avatar,
    description: group.description,
    membersonly: group.membersonly,
    allowinvites: group.allowinvites,
    maxusers: group.maxusers,
    owner: group.owner,
    created: group.created,
    custom: group.custom,
    mute: group.muteAll,
    affiliations_count: group.members.size,
    disabled: group.disabled,
    affiliations: memberPage(group, 1, group.members.size).reverse(),
    public: group.public,
  };
}

function summary(call: Call, group: Group): unknown {
  return {
    owner: `${call.app.key.replace('/', '#')}_${group.owner}`,
    groupid: group.id,
    affiliations: group.members.size,
    type: 'group',
    lastModified: String(group.created),
    groupname: group.name,
  };
}

function joinedEntry(group: Group): unknown {
  return {
    id: group.id,
    groupId: group.id,
    name: group.name,
    avatar: group.avatar,
    owner: group.owner,
    description: group.description,
    disabled: group.disabled,
    public: group.public,
    allowinvites: group.allowinvites,
    membersonly: group.membersonly,
    maxusers: group.maxusers,
    created: group.created,
  };
}

const MODERATION: ErrorSource = { not: 'content moderation is not emulated' };

export const groups: ResourceModule = {
  resource: 'groups',
  handlers: {
    updateGroup(call) {
      const group = groupOf(call, call.path['group_id']);
      return typeof call.body.newowner === 'string' ? transfer(group, call.body.newowner) : modify(group, call.body);
    },
    createGroup(call) {
      const body = call.body;
      const owner = userOf(call, body.owner);
      const members: string[] = [...new Set<string>(body.members ?? [])].filter(name => name !== owner.username);
      const users = members.map(name => userOf(call, name));
      const group = newGroup(body.groupid ?? nextId(call.app), owner.username, call.now);
      if (call.app.groups.has(group.id)) fail('groupIdTaken', group.id);
      group.maxusers = body.maxusers ?? DEFAULT_MAXUSERS;
      if (members.length + 1 > group.maxusers) fail('tooManyMembers');
      for (const user of [owner, ...users]) if (user.groups.size >= call.settings.maxGroupsPerUser) fail('userJoinedTooManyGroups', user.username);
      modify(group, { ...body, maxusers: undefined });
      owner.groups.add(group.id);
      for (const user of users) joinRoom(group, user, 'groups', call.now);
      call.app.groups.set(group.id, group);
      return { data: { groupid: group.id } };
    },
    getGroups(call) {
      const ids: string[] = call.path['group_id'];
      return { data: ids.map(id => details(groupOf(call, id))), count: ids.length };
    },
    listGroups(call) {
      const { page, next } = cursorPage([...call.app.groups.values()], call.query['limit'] ?? 10, call.query['cursor']);
      return { data: page.map(group => summary(call, group)), cursor: next, count: page.length };
    },
    listUserJoinedGroups(call) {
      const user = userOf(call, call.path['username']);
      const joined = [...user.groups].flatMap(id => call.app.groups.get(id) ?? []);
      // Pages are numbered from 0 here.
      const pagesize: number = call.query['pagesize'] ?? 5;
      const start = (call.query['pagenum'] ?? 0) * pagesize;
      return { entities: joined.slice(start, start + pagesize).map(joinedEntry), total: joined.length };
    },
    deleteGroup(call) {
      const group = groupOf(call, call.path['group_id']);
      for (const member of [...group.members.keys()]) leaveRoom(call.app, group, member, 'groups');
      for (const [id, thread] of call.app.threads) if (thread.groupId === group.id) call.app.threads.delete(id);
      call.app.groups.delete(group.id);
      return { data: { success: true, groupid: group.id } };
    },
    disableGroup(call) {
      groupOf(call, call.path['group_id']).disabled = true;
      return { data: { disabled: true } };
    },
    enableGroup(call) {
      groupOf(call, call.path['group_id']).disabled = false;
      return { data: { disabled: false } };
    },
    checkGroupMember(call) {
      const group = groupOf(call, call.path['group_id']);
      return { data: group.members.has(call.path['username']) };
    },
    getGroupAnnouncement(call) {
      return { data: { announcement: groupOf(call, call.path['group_id']).announcement } };
    },
    setGroupAnnouncement(call) {
      const group = groupOf(call, call.path['group_id']);
      group.announcement = call.body.announcement;
      return { data: { id: group.id, result: true } };
    },
  },
  errors: {
    createGroup: {
      fieldMissing: 'validation',
      avatarTooLong: 'validation',
      publicMissing: 'validation',
      groupIdTaken: 'state',
      tooManyGroups: { not: 'the number of groups an app may create depends on its plan' },
      userJoinedTooManyGroups: 'state',
      tooManyMembers: 'state',
      groupNameViolation: MODERATION,
      userNotFound: 'state',
    },
    listGroups: { groupNotFound: { not: 'documented for the list, but an app without groups answers an empty list' } },
    getGroups: { groupNotFound: 'state' },
    updateGroup: {
      invalidField: 'validation',
      groupNameViolation: MODERATION,
      groupAnnouncementViolation: MODERATION,
      newOwnerNotInGroup: 'state',
      newOwnerIsOwner: 'state',
      groupNotFound: 'state',
    },
    deleteGroup: { groupNotFound: 'state' },
    disableGroup: { groupNotFound: 'state' },
    enableGroup: { groupNotFound: 'state' },
    getGroupAnnouncement: { groupNotFound: 'state' },
    setGroupAnnouncement: { announcementMissing: 'validation', announcementTooLong: 'validation', groupNotFound: 'state' },
  },
  invalid: {
    createGroup: [
      { field: 'public', keyword: 'required', example: 'publicMissing' },
      { field: '*', keyword: 'required', example: 'fieldMissing' },
      { field: 'avatar', keyword: 'maxLength', example: 'avatarTooLong' },
    ],
    updateGroup: [{ field: '*', keyword: 'additionalProperties', example: 'invalidField' }],
    setGroupAnnouncement: [
      { field: 'announcement', keyword: 'required', example: 'announcementMissing' },
      { field: 'announcement', keyword: 'maxLength', example: 'announcementTooLong' },
    ],
  },
};
