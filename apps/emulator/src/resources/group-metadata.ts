/** Custom attributes of group members: set (an empty value deletes the key), get one, get several. */
import type { Group } from '../state/model.js';
import { fail, groupOf } from './lookup.js';
import type { ResourceModule } from './module.js';

function memberOf(group: Group, username: string): Record<string, string> {
  if (!group.members.has(username)) fail('userNotInGroup', username, group.id);
  return group.memberMetadata.get(username) ?? {};
}

function pick(attributes: Record<string, string>, keys: string[] | undefined): Record<string, string> {
  if (!keys || keys.length === 0) return attributes;
  return Object.fromEntries(keys.filter(key => key in attributes).map(key => [key, attributes[key]!]));
}

export const groupMetadata: ResourceModule = {
  resource: 'group member attributes',
  handlers: {
    setGroupMemberMetadata(call) {
      const group = groupOf(call, call.path['group_id']);
      const username: string = call.path['username'];
      const attributes = { ...memberOf(group, username) };
      const changes: Record<string, string> = call.body.metaData;
      for (const [key, value] of Object.entries(changes)) {
        if (value === '') delete attributes[key];
        else attributes[key] = value;
      }
      group.memberMetadata.set(username, attributes);
      return { data: changes };
    },
    getGroupMemberMetadata(call) {
      const group = groupOf(call, call.path['group_id']);
      return { data: memberOf(group, call.path['username']) };
    },
    getGroupMembersMetadata(call) {
      const group = groupOf(call, call.path['group_id']);
      const keys: string[] | undefined = call.body.properties;
      const targets: string[] = call.body.targets;
      return { data: Object.fromEntries(targets.filter(name => group.members.has(name)).map(name => [name, pick(group.memberMetadata.get(name) ?? {}, keys)])) };
    },
  },
  errors: {
    setGroupMemberMetadata: { keyTooLong: 'validation', valueTooLong: 'validation' },
    getGroupMemberMetadata: { userNotInGroup: 'state' },
    getGroupMembersMetadata: { tooManyTargets: 'validation' },
  },
  invalid: {
    setGroupMemberMetadata: [
      { field: 'metaData', keyword: 'maxLength', example: 'keyTooLong' },
      { field: 'metaData.*', keyword: 'maxLength', example: 'valueTooLong' },
    ],
    getGroupMembersMetadata: [{ field: 'targets', keyword: 'maxItems', example: 'tooManyTargets' }],
  },
};
