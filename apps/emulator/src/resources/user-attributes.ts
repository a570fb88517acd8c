/** User attributes (nickname, avatar...): set, get one, get several, the app's total size, delete. */
import { userOf } from './lookup.js';
import type { ResourceModule } from './module.js';

export const userAttributes: ResourceModule = {
  resource: 'user attributes',
  handlers: {
    setUserAttributes(call) {
      const user = userOf(call, call.path['username']).username;
      const attributes = { ...(call.app.userAttributes.get(user) ?? {}), ...(call.body as Record<string, string>) };
      call.app.userAttributes.set(user, attributes);
      return { data: attributes };
    },
    getUserAttributes(call) {
      return { data: call.app.userAttributes.get(userOf(call, call.path['username']).username) ?? {} };
    },
    getUsersAttributes(call) {
      const keys: string[] | undefined = call.body.properties;
      return {
        data: Object.fromEntries(
          (call.body.targets as string[]).map(name => {
            const attributes = call.app.userAttributes.get(name) ?? {};
            const picked = keys && keys.length > 0 ? Object.fromEntries(keys.filter(key => key in attributes).map(key => [key, attributes[key]!])) : attributes;
            return [name, picked];
          }),
        ),
      };
    },
    getUserAttributesCapacity(call) {
      let bytes = 0;
      for (const attributes of call.app.userAttributes.values()) for (const [key, value] of Object.entries(attributes)) bytes += Buffer.byteLength(key) + Buffer.byteLength(value);
      return { data: bytes };
    },
    deleteUserAttributes(call) {
      call.app.userAttributes.delete(userOf(call, call.path['username']).username);
      return { data: true };
    },
  },
};
