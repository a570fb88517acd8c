import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SPEC, startMock, type MockServer } from '../src/server.js';

const AUTH = { Authorization: 'Bearer test-token' };
const ORG_APP = '/my-org/my-app';
const APP_ID = '/app-id/12345';

let mock: MockServer;
beforeAll(async () => {
  mock = await startMock();
});
afterAll(() => mock?.close());

interface Init {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

const request = (path: string, init: Init = {}) =>
  fetch(mock.url + path, { ...init, headers: { ...AUTH, ...init.headers } });

/** Prism's list of violations: the `sl-violations` header, or the body of its own 422. */
async function violations(response: Response): Promise<{ location: string[]; code: string | number }[]> {
  const header = response.headers.get('sl-violations');
  if (header) return JSON.parse(header);
  return ((await response.json()) as { validation: [] }).validation;
}

describe('prefixes', () => {
  it('answers the same request identically under both prefixes', async () => {
    const path = '/chatgroups/g1/users?pagenum=1&pagesize=2';
    const [orgApp, appId] = await Promise.all([request(ORG_APP + path), request(APP_ID + path)]);
    expect(orgApp.status).toBe(200);
    expect(appId.status).toBe(orgApp.status);
    expect(appId.headers.get('content-type')).toBe(orgApp.headers.get('content-type'));
    expect(await appId.json()).toEqual(await orgApp.json());
  });

  it('does not serve unprefixed paths', async () => {
    // Not /chatgroups/g1/users: read as org "chatgroups", app "g1", it is GET /users (listUsers).
    for (const path of ['/chatrooms', '/chatgroups/g1/admin']) {
      const response = await request(path);
      expect(response.status, path).toBe(404);
      expect(await response.json()).toMatchObject({ type: expect.stringContaining('NO_PATH_MATCHED_ERROR') });
    }
  });

  it('serves nothing at the prefix itself', async () => {
    expect((await request(APP_ID)).status).toBe(404);
    expect((await request(`${ORG_APP}/`)).status).toBe(404);
  });
});

describe('examples', () => {
  it('selects a named example with the Prefer header', async () => {
    const spec = JSON.parse(await readFile(DEFAULT_SPEC, 'utf8'));
    const operation = spec.paths['/chatgroups/{group_id}/users'].get;
    const entry = operation.responses['404'].content['application/json'].examples.groupNotFound;
    const example = (entry.$ref ? spec.components.examples[entry.$ref.split('/').pop()] : entry).value;

    const response = await request(`${APP_ID}/chatgroups/g1/users`, {
      headers: { Prefer: 'code=404, example=groupNotFound' },
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual(example);
  });

  it('serves a batch DELETE with an array path parameter (patched Prism)', async () => {
    const first = await request(`${ORG_APP}/chatgroups/g1/users/alice,bob`, { method: 'DELETE' });
    expect(first.status).toBe(200);
    // Unpatched, the first request kills Prism; the second would be refused.
    const second = await request(`${APP_ID}/chatgroups/g1/users/alice,bob`, { method: 'DELETE' });
    expect(second.status).toBe(200);
  });
});

describe('request validation', () => {
  it('answers a documented 400 with an sl-violations header naming the parameter', async () => {
    const names = Array.from({ length: 61 }, (_, i) => `u${i}`).join(',');
    const response = await request(`${ORG_APP}/chatgroups/g1/users/${names}`, { method: 'DELETE' });
    expect(response.status).toBe(400);
    expect(response.headers.get('sl-violations')).not.toBeNull();
    expect(await violations(response)).toContainEqual(
      expect.objectContaining({ location: ['request', 'path', 'username'], code: 'maxItems' }),
    );
  });

  it('answers 422 naming the field when no 400 is documented (body)', async () => {
    const response = await request(`${APP_ID}/chatgroups/g1/users`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(422);
    expect(JSON.stringify(await violations(response))).toContain('usernames');
  });

  it('answers 422 naming the field when no 400 is documented (query)', async () => {
    const response = await request(`${ORG_APP}/chatgroups/g1/users?pagesize=1001`);
    expect(response.status).toBe(422);
    expect(await violations(response)).toContainEqual(
      expect.objectContaining({ location: ['query', 'pagesize'], code: 'maximum' }),
    );
  });

  it('answers 401 without Authorization', async () => {
    const response = await fetch(`${mock.url}${ORG_APP}/chatgroups/g1/users`);
    expect(response.status).toBe(401);
    expect(response.headers.get('sl-violations')).toContain('security');
    expect(await response.json()).toMatchObject({ error: 'unauthorized' });
  });
});
