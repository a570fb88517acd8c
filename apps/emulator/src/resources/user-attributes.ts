/** User attributes (nickname, avatar...): set, get one, get several, the app's total size, delete. */
import { fail, userOf } from './lookup.js';
import type { ErrorSource, ResourceModule } from './module.js';

/** The documented default per user. */
const USER_LIMIT_BYTES = 2 * 1024;

const sizeOf = (attributes: Record<string, string>) => Object.entries(attributes).reduce((bytes, [key, value]) => bytes + Buffer.byteLength(key) + Buffer.byteLength(value), 0);

const SERVICE_ENABLED: ErrorSource = { not: 'user attributes are always enabled in the emulator (a console setting)' };
const SERVER_FAILURE: ErrorSource = { not: 'a server failure; inject a fault to test it' };

export const userAttributes: ResourceModule = {
  resource: 'user attributes',
  handlers: {
    setUserAttributes(call) {
      const user = userOf(call, call.path['username']).username;
      const changes = Object.fromEntries(Object.entries(call.body as Record<string, unknown>).map(([key, value]) => [key, String(value)]));
      const attributes = { ...(call.app.userAttributes.get(user) ?? {}), ...changes };
      if (sizeOf(attributes) > USER_LIMIT_BYTES) fail('userLimitExceeded');
      call.app.userAttributes.set(user, attributes);
      return { data: attributes };
    },
    getUserAttributes(call) {
      return { data: call.app.userAttributes.get(userOf(call, call.path['username']).username) ?? {} };
    },
    getUsersAttributes(call) {
      const keys: string[] = call.body.properties;
      return {
        data: Object.fromEntries(
          (call.body.targets as string[]).map(name => {
            const attributes = call.app.userAttributes.get(name) ?? {};
            const picked = keys.length > 0 ? Object.fromEntries(keys.filter(key => key in attributes).map(key => [key, attributes[key]!])) : attributes;
            return [name, picked];
          }),
        ),
      };
    },
    getUserAttributesCapacity(call) {
      let bytes = 0;
      for (const attributes of call.app.userAttributes.values()) bytes += sizeOf(attributes);
      return { data: bytes };
    },
    deleteUserAttributes(call) {
      call.app.userAttributes.delete(userOf(call, call.path['username']).username);
      return { data: true };
    },
  },
  errors: {
    setUserAttributes: {
      serviceNotAllowed: SERVICE_ENABLED,
      userLimitExceeded: 'state',
      columnSizeExceeded: { not: 'a storage limit of the server, above the per-user limit' },
      appLimitExceeded: { not: 'the 10 GB per app is beyond what a test holds in memory' },
      updateFailed: SERVER_FAILURE,
    },
    getUserAttributes: { serviceNotAllowed: SERVICE_ENABLED, internalError: SERVER_FAILURE },
    deleteUserAttributes: { serviceNotAllowed: SERVICE_ENABLED },
    getUsersAttributes: { batchTooLarge: 'validation', serviceNotAllowed: SERVICE_ENABLED },
    getUserAttributesCapacity: { serviceNotAllowed: SERVICE_ENABLED },
  },
  invalid: {
    getUsersAttributes: [{ field: 'targets', keyword: 'maxItems', example: 'batchTooLarge' }],
  },
};
