/** Group admins: list, promote a member, demote. */
import { fail, groupOf } from './lookup.js';
import type { ResourceModule } from './module.js';

export const groupAdmins: ResourceModule = {
  resource: 'group admins',
  handlers: {
    listGroupAdmins(call) {
      return { data: [...groupOf(call, call.path['group_id']).admins] };
    },
    addGroupAdmin(call) {
      const group = groupOf(call, call.path['group_id']);
      const name: string = call.body.newadmin;
      if (!group.members.has(name) || name === group.owner) fail('userNotInGroup', name, group.id);
      group.admins.add(name);
      return { data: { result: 'success', newadmin: name } };
    },
    removeGroupAdmin(call) {
      const group = groupOf(call, call.path['group_id']);
      const name: string = call.path['username'];
      if (!group.admins.delete(name)) fail('userNotAdmin', name, group.id);
      return { data: { result: 'success', oldadmin: name } };
    },
  },
  errors: {
    listGroupAdmins: { groupNotFound: 'state' },
    addGroupAdmin: { userNotInGroup: 'state', groupNotFound: 'state' },
    removeGroupAdmin: { userNotAdmin: 'state', groupNotFound: 'state' },
  },
};
