// What the emulator derives from a spec, on small documents: prefixes, auth, body format, rate
// limits, routing precedence, and the filling of documented messages.
import { describe, expect, it } from 'vitest';
import { fillPlaceholders } from '../src/http/errors.js';
import { operationsOf, type OpenApiDocument } from '../src/spec/document.js';
import { Router } from '../src/spec/router.js';

const ok = { '200': { description: 'ok' } };
const servers = [{ url: 'https://{host}/{org_name}/{app_name}' }, { url: 'https://{host}/app-id/{app_id}' }];

function documentWith(paths: OpenApiDocument['paths']): OpenApiDocument {
  return { openapi: '3.1.0', servers, security: [{ appToken: [] }], paths };
}

describe('operationsOf', () => {
  const operations = operationsOf(
    documentWith({
      '/token': { post: { operationId: 'token', security: [{}, { appToken: [] }], servers: [servers[0]!], responses: ok } },
      '/files': { post: { operationId: 'upload', requestBody: { content: { 'multipart/form-data': {} } }, responses: ok, 'x-rate-limit': '50/s' } },
      '/form': { put: { operationId: 'form', requestBody: { content: { 'application/x-www-form-urlencoded': { schema: { type: 'object' } } } }, responses: ok, 'x-rate-limit': { requests: 20 } } },
      '/json': { post: { operationId: 'json', requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' } } } }, responses: ok, 'x-rate-limit': 7 } },
      '/chatrooms': { get: { operationId: 'listChatrooms', responses: ok } },
    }),
  );
  const byId = new Map(operations.map(operation => [operation.operationId, operation]));

  it('reads the prefixes from the servers of the operation, else of the document', () => {
    expect([...byId.get('token')!.prefixes]).toEqual(['org-app']);
    expect([...byId.get('json')!.prefixes].sort()).toEqual(['app-id', 'org-app']);
  });

  it('needs a token unless the security requirements allow none', () => {
    expect(byId.get('token')!.needsToken).toBe(false);
    expect(byId.get('json')!.needsToken).toBe(true);
  });

  it('tells JSON, form and binary bodies apart', () => {
    expect(['json', 'form', 'upload', 'listChatrooms'].map(id => byId.get(id)!.bodyFormat)).toEqual(['json', 'form', 'binary', 'none']);
    expect(byId.get('json')!.bodyRequired).toBe(true);
  });

  it('takes the rate limit from x-rate-limit in any of its forms, else the documented ones', () => {
    expect(['json', 'upload', 'form', 'listChatrooms', 'token'].map(id => byId.get(id)!.rateLimit)).toEqual([7, 50, 20, 50, 100]);
  });
});

describe('Router', () => {
  const operations = operationsOf(
    documentWith({
      '/chatrooms/super_admin': { get: { operationId: 'listSuperAdmins', responses: ok } },
      '/chatrooms/{chatroom_id}': { get: { operationId: 'getRoom', responses: ok }, delete: { operationId: 'deleteRoom', responses: ok } },
      '/chatfiles/{uuid}.{ext}': { get: { operationId: 'file', responses: ok } },
    }),
  );
  const router = new Router(operations);
  const matched = (method: string, path: string) => {
    const route = router.match(method, path.split('/').slice(1));
    return 'notFound' in route ? route : { id: route.operation.operationId, params: route.params };
  };

  it('prefers a literal segment, and falls through to the template for a method the literal lacks', () => {
    expect(matched('get', '/chatrooms/super_admin')).toEqual({ id: 'listSuperAdmins', params: {} });
    expect(matched('delete', '/chatrooms/super_admin')).toEqual({ id: 'deleteRoom', params: { chatroom_id: 'super_admin' } });
    expect(matched('get', '/chatrooms/42')).toEqual({ id: 'getRoom', params: { chatroom_id: '42' } });
  });

  it('matches templates inside a segment, and lists the methods a path has', () => {
    expect(matched('get', '/chatfiles/abc.png')).toEqual({ id: 'file', params: { uuid: 'abc', ext: 'png' } });
    expect(matched('put', '/chatrooms/42')).toEqual({ notFound: true, methods: ['get', 'delete'] });
    expect(matched('get', '/chatrooms/')).toEqual({ notFound: true, methods: [] });
  });
});

describe('fillPlaceholders', () => {
  it('replaces XX, sample IDs and sample names in order, lists joined', () => {
    expect(fillPlaceholders('user: XX doesn\'t exist in group: XXX', ['bob', '1001'])).toBe("user: bob doesn't exist in group: 1001");
    expect(fillPlaceholders('grpID 6621186077491 does not exist!', ['42'])).toBe('grpID 42 does not exist!');
    expect(fillPlaceholders('users [user10, user2] are not members of this group!', [['a', 'b', 'c']])).toBe('users [a, b, c] are not members of this group!');
    expect(fillPlaceholders('no placeholder here', ['x'])).toBe('no placeholder here');
    expect(fillPlaceholders('XX and XX', ['only one'])).toBe('only one and XX');
  });
});
