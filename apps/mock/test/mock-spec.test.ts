import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { mockSpec, PREFIXES, type OpenApiDocument } from '../src/mock-spec.js';

const bundled: OpenApiDocument = {
  openapi: '3.1.0',
  info: { title: 't', version: '1' },
  servers: [
    {
      url: 'https://{host}/{org_name}/{app_name}',
      description: 'org and app',
      variables: { host: { default: 'a1.easemob.com' }, org_name: { default: 'o' }, app_name: { default: 'a' } },
    },
    { url: 'https://{host}/app-id/{app_id}', variables: { host: { default: 'h' }, app_id: { default: 'i' } } },
  ],
  paths: { '/chatgroups/{group_id}/users': { get: { operationId: 'listGroupMembers' } } },
};

describe('mockSpec', () => {
  const served = mockSpec(bundled);

  it('makes the servers relative to the mock origin, without the host variable', () => {
    expect(served.servers).toEqual([
      {
        url: '/{org_name}/{app_name}',
        description: 'org and app',
        variables: { org_name: { default: 'o' }, app_name: { default: 'a' } },
      },
      { url: '/app-id/{app_id}', variables: { app_id: { default: 'i' } } },
    ]);
  });

  it('keeps everything else, paths included', () => {
    const { servers: _served, ...rest } = served;
    const { servers: _bundled, ...original } = bundled;
    expect(rest).toEqual(original);
  });

  it('refuses a spec whose servers are not the prefixes the mock serves', () => {
    const other = { ...bundled, servers: [{ url: 'https://{host}/v2/{org_name}/{app_name}' }] };
    expect(() => mockSpec(other)).toThrow(/not the mock's prefixes/);
  });

  it("accepts the bundled spec's servers", async () => {
    const spec = JSON.parse(
      await readFile(new URL(import.meta.resolve('@easemob-openapi/spec/openapi.json')), 'utf8'),
    ) as OpenApiDocument;
    expect(mockSpec(spec).servers?.map(server => server.url)).toEqual([...PREFIXES]);
  });
});
