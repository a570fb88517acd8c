/**
 * The token endpoint (`getToken`): app tokens for client credentials, honouring `ttl`; the Agora
 * exchange; user tokens for `password` and `inherit`.
 */
import { DEFAULT_TOKEN_TTL_S } from '../auth.js';
import { newUser } from '../state/model.js';
import { fail, failUndocumented, userOf } from './lookup.js';
import { APP_ALWAYS_EXISTS, type Call, type Fields, type Handler, type ResourceModule } from './module.js';

const AGORA_TOKEN_TTL_S = 24 * 60 * 60;

function appToken(call: Call): Fields {
  const { client_id: clientId, client_secret: clientSecret, ttl } = call.body;
  const credentials = call.tokens.credentials;
  if (credentials && clientId !== credentials.clientId) fail('clientIdMismatch');
  if (credentials && clientSecret !== credentials.clientSecret) fail('clientSecretMismatch');
  const seconds: number = ttl ?? DEFAULT_TOKEN_TTL_S;
  return { access_token: call.tokens.issue(call.app.key, seconds, call.now), expires_in: seconds, application: call.app.uuid };
}

function userToken(call: Call, username: string): Fields {
  const user = userOf(call, username, 'userNotFound');
  if (!user.activated) fail('userNotActivated');
  const seconds: number = call.body.ttl ?? DEFAULT_TOKEN_TTL_S;
  return {
    access_token: call.tokens.issue(`user:${call.app.key}`, seconds, call.now),
    expires_in: seconds,
    user: { uuid: user.uuid, type: 'user', created: user.created, modified: user.modified, username: user.username, activated: user.activated },
  };
}

const token: Handler = call => {
  switch (call.body.grant_type) {
    case 'agora':
      // The Agora token travels in the Authorization header; it cannot be verified here.
      if (!/^Bearer\s+\S/i.test(call.headers.authorization ?? '')) fail('unauthorized');
      return { access_token: call.tokens.issue(call.app.key, AGORA_TOKEN_TTL_S, call.now), expire_timestamp: call.now + AGORA_TOKEN_TTL_S * 1000 };
    case 'password': {
      const user = call.app.users.get(call.body.username);
      if (!user || user.password !== call.body.password) failUndocumented('invalidPassword', [400, 'invalid_grant', 'invalid username or password']);
      return userToken(call, user.username);
    }
    case 'inherit': {
      const username: string = call.body.username;
      if (!call.app.users.has(username) && call.body.autoCreateUser === true) call.app.users.set(username, newUser(call.app, username, call.now));
      return userToken(call, username);
    }
    default:
      return appToken(call);
  }
};

export const tokens: ResourceModule = {
  resource: 'tokens',
  handlers: { getToken: token },
  errors: {
    getToken: {
      clientIdMissing: 'validation',
      clientSecretMissing: 'validation',
      clientIdMismatch: 'state',
      clientSecretMismatch: 'state',
      usernameNotLegal: 'validation',
      usernameTooLong: 'validation',
      userNotActivated: 'state',
      userNotFound: 'state',
      userEntityNotFound: { not: 'the page gives two answers to an unknown user of `inherit`; the emulator answers userNotFound' },
      concurrentUserCreation: { not: 'calls are served one at a time: concurrent creations of one user cannot collide' },
      applicationNotFound: APP_ALWAYS_EXISTS,
    },
  },
  invalid: {
    getToken: [
      { field: 'client_id', keyword: 'required', example: 'clientIdMissing' },
      { field: 'client_secret', keyword: 'required', example: 'clientSecretMissing' },
      { field: 'username', keyword: 'pattern', example: 'usernameNotLegal' },
      { field: 'username', keyword: 'maxLength', example: 'usernameTooLong' },
    ],
  },
};
