// --credentials mode: tokens from the token endpoint only, `ttl` honoured on the emulator's clock.
import { expect, it } from 'vitest';
import { send, useEmulator } from './support/emulator.js';

const emulator = useEmulator({ credentials: 'app-client:app-secret' });
const app = () => `${emulator().url}/my-org/my-app`;

async function token(body: object) {
  return send(`${app()}/token`, 'POST', body, {});
}

it('issues a token for the right credentials and refuses wrong ones with the documented errors', async () => {
  const issued = await token({ grant_type: 'client_credentials', client_id: 'app-client', client_secret: 'app-secret', ttl: 60 });
  expect(issued.status).toBe(200);
  expect(issued.body.expires_in).toBe(60);
  expect(typeof issued.body.access_token).toBe('string');

  const wrongId = await token({ grant_type: 'client_credentials', client_id: 'nope', client_secret: 'app-secret' });
  expect([wrongId.status, wrongId.body.error, wrongId.body.error_description]).toEqual([400, 'invalid_grant', 'client_id does not match']);
  const wrongSecret = await token({ grant_type: 'client_credentials', client_id: 'app-client', client_secret: 'nope' });
  expect(wrongSecret.body.error_description).toBe('client_secret does not match');
  const missing = await token({ grant_type: 'client_credentials', client_id: 'app-client' });
  expect([missing.status, missing.body.error_description]).toEqual([400, 'client_secret must be provided']);
});

it('accepts only issued tokens, for their own app, until they expire', async () => {
  const { body } = await token({ grant_type: 'client_credentials', client_id: 'app-client', client_secret: 'app-secret', ttl: 60 });
  const auth = { Authorization: `Bearer ${body.access_token}` };
  expect((await send(`${app()}/chatgroups/none/users`, 'GET', undefined, auth)).status).toBe(404);

  const unknown = await send(`${app()}/chatgroups/none/users`, 'GET', undefined, { Authorization: 'Bearer made-up' });
  expect([unknown.status, unknown.body.error_description]).toEqual([401, 'Unable to authenticate (OAuth)']);
  const otherApp = await send(`${emulator().url}/my-org/other-app/chatgroups/none/users`, 'GET', undefined, auth);
  expect(otherApp.status).toBe(401);
  const none = await send(`${app()}/chatgroups/none/users`, 'GET', undefined, {});
  expect(none.status).toBe(401);

  await send(`${emulator().url}/_emulator/clock`, 'POST', { advanceMs: 60_000 }, {});
  try {
    const expired = await send(`${app()}/chatgroups/none/users`, 'GET', undefined, auth);
    expect([expired.status, expired.body.error, expired.body.error_description]).toEqual([401, 'unauthorized', 'Unable to authenticate due to expired access token']);
  } finally {
    await send(`${emulator().url}/_emulator/clock`, 'POST', { real: true }, {});
  }
});

it('exchanges an Agora token sent as a Bearer header, and refuses the exchange without one', async () => {
  const exchanged = await send(`${app()}/token`, 'POST', { grant_type: 'agora' }, { Authorization: 'Bearer agora-token' });
  expect(exchanged.status).toBe(200);
  expect(exchanged.body.expire_timestamp).toBeGreaterThan(Date.now());
  expect((await send(`${app()}/chatgroups/none/users`, 'GET', undefined, { Authorization: `Bearer ${exchanged.body.access_token}` })).status).toBe(404);
  expect((await send(`${app()}/token`, 'POST', { grant_type: 'agora' }, {})).status).toBe(401);
});

it('keeps a ttl 0 token valid forever, and reset forgets the app\'s tokens', async () => {
  const { body } = await token({ grant_type: 'client_credentials', client_id: 'app-client', client_secret: 'app-secret', ttl: 0 });
  expect(body.expires_in).toBe(0);
  const auth = { Authorization: `Bearer ${body.access_token}` };
  await send(`${emulator().url}/_emulator/clock`, 'POST', { advanceMs: 10 * 365 * 86_400_000 }, {});
  try {
    expect((await send(`${app()}/chatgroups/none/users`, 'GET', undefined, auth)).status).toBe(404);
  } finally {
    await send(`${emulator().url}/_emulator/clock`, 'POST', { real: true }, {});
  }
  await emulator().reset('my-org/my-app');
  expect((await send(`${app()}/chatgroups/none/users`, 'GET', undefined, auth)).status).toBe(401);
});

it('lets the client renew its token after a 401', async () => {
  const { createClient, withOperations } = await import('@easemob-openapi/client');
  const im = withOperations(createClient({ host: emulator().url, orgName: 'my-org', appName: 'my-app' }, { clientId: 'app-client', clientSecret: 'app-secret', ttl: 30 }));
  await expect(im.listGroupMembers({ group_id: 'none' })).rejects.toMatchObject({ status: 404 });
  await send(`${emulator().url}/_emulator/clock`, 'POST', { advanceMs: 31_000 }, {});
  try {
    await expect(im.listGroupMembers({ group_id: 'none' })).rejects.toMatchObject({ status: 404 });
  } finally {
    await send(`${emulator().url}/_emulator/clock`, 'POST', { real: true }, {});
  }
});
