// `/chatrooms/super_admin` is the super-admin list, never a room ID (toolchain.md, Prism trap 4):
// a concrete path wins over `/chatrooms/{chatroom_id}`, but a method the concrete path lacks
// (DELETE) falls through to the templated one. The chatroom_id pattern must turn that into a
// violation instead of "delete the room super_admin".
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SPEC, startMock, type MockServer } from '../src/index.js';

const AUTH = { Authorization: 'Bearer test-token' };
const PREFIXES = [
  { name: 'org/app', prefix: '/my-org/my-app' },
  { name: 'app-id', prefix: '/app-id/12345' },
];

interface Violation {
  location?: string[];
  code?: string | number;
  message?: string;
}

let mock: MockServer;
let spec: { paths: Record<string, Record<string, { responses: Record<string, any> }>> };
beforeAll(async () => {
  spec = JSON.parse(await readFile(DEFAULT_SPEC, 'utf8'));
  mock = await startMock({ port: 0 });
});
afterAll(() => mock?.close());

/** The first named 200 example of an operation of the mock's spec (paths without prefix). */
function ok200(path: string, method: string): unknown {
  const examples = spec.paths[path]![method]!.responses['200'].content['application/json'].examples;
  return (Object.values(examples)[0] as { value: unknown }).value;
}

/** Prism's violations: the `sl-violations` header, or the body of its own 422. */
function violationsOf(response: Response, body: unknown): Violation[] {
  const header = response.headers.get('sl-violations');
  if (header) return JSON.parse(header) as Violation[];
  return (body as { validation?: Violation[] }).validation ?? [];
}

describe.each(PREFIXES)('under the $name prefix', ({ prefix }) => {
  it('GET /chatrooms/super_admin reaches the super-admin list, not the room details', async () => {
    const response = await fetch(`${mock.url}${prefix}/chatrooms/super_admin?pagenum=1&pagesize=10`, {
      headers: AUTH,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('sl-violations')).toBeNull();
    const body = await response.json();
    expect(body).toEqual(ok200('/chatrooms/super_admin', 'get'));
    expect(body).not.toEqual(ok200('/chatrooms/{chatroom_id}', 'get'));
  });

  it.each(['DELETE', 'PUT'])('%s /chatrooms/super_admin is a violation naming chatroom_id, never a room operation', async method => {
    const response = await fetch(`${mock.url}${prefix}/chatrooms/super_admin`, {
      method,
      headers: { ...AUTH, 'Content-Type': 'application/json' },
      ...(method === 'PUT' ? { body: JSON.stringify({ name: 'x' }) } : {}),
    });
    const body = await response.json();
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    const violations = violationsOf(response, body);
    expect(violations, JSON.stringify(violations)).toContainEqual(
      expect.objectContaining({ location: expect.arrayContaining(['path', 'chatroom_id']) }),
    );
    expect(body).not.toEqual(ok200('/chatrooms/{chatroom_id}', method.toLowerCase()));
    expect(body).not.toHaveProperty('data');
  });

  it('a room-scoped path with super_admin as the room ID is a violation too', async () => {
    const response = await fetch(`${mock.url}${prefix}/chatrooms/super_admin/users?pagenum=1&pagesize=10`, {
      headers: AUTH,
    });
    const body = await response.json();
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(violationsOf(response, body)).toContainEqual(
      expect.objectContaining({ location: expect.arrayContaining(['path', 'chatroom_id']) }),
    );
  });

  it('an ordinary room ID still reaches the room deletion', async () => {
    const response = await fetch(`${mock.url}${prefix}/chatrooms/66211860774913`, { method: 'DELETE', headers: AUTH });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(ok200('/chatrooms/{chatroom_id}', 'delete'));
  });
});
