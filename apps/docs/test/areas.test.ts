// How the spec is cut into area pages: each area's operations and webhooks, the components they use, nothing else.
import { describe, expect, it } from 'vitest';

import { areaSpec, areasOf, homeSpec, type AreaSpec } from '../src/areas.js';
import { builtSpec } from './built-spec.js';
import { areaPages, operations } from './spec-operations.js';

const spec: AreaSpec = {
  info: { title: 't', version: '1' },
  servers: [],
  tags: [{ name: 'A' }, { name: 'B' }],
  'x-tagGroups': [
    { name: '甲 · First area', tags: ['A'] },
    { name: '乙 · Second', tags: ['B'] },
  ],
  paths: {
    '/a': { parameters: [], get: { operationId: 'getA', tags: ['A'], responses: { 200: { $ref: '#/components/responses/Shared' } } }, post: { operationId: 'postB', tags: ['B'] } },
    '/b': { get: { operationId: 'getB', tags: ['B'] } },
  },
  webhooks: { hookB: { post: { operationId: 'hookB', tags: ['B'], requestBody: { $ref: '#/components/requestBodies/Hook' } } } },
  components: {
    securitySchemes: { appToken: { type: 'http' } },
    responses: { Shared: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Inner' } } } } },
    schemas: { Inner: { type: 'object' }, Unused: { type: 'string' } },
    requestBodies: { Hook: { content: {} } },
  },
};

describe('areasOf', () => {
  it('names each page by the English part of its area', () => {
    expect(areasOf(spec).map((area) => area.file)).toEqual(['first-area.html', 'second.html']);
  });

  it('refuses areas whose pages would share a name', () => {
    expect(() => areasOf({ 'x-tagGroups': [{ name: '甲 · Same', tags: [] }, { name: '乙 · same', tags: [] }] })).toThrow(/share the page name/);
    expect(() => areasOf({})).toThrow(/no x-tagGroups/);
  });
});

describe('areaSpec', () => {
  const [first, second] = areasOf(spec);

  it("keeps the area's operations, tags and the components they reach, and the security schemes", () => {
    const page = areaSpec(spec, first!, 'about A');
    expect(page.paths).toEqual({ '/a': { parameters: [], get: spec.paths['/a']?.get } });
    expect(page.webhooks).toBeUndefined();
    expect(page.tags).toEqual([{ name: 'A' }]);
    expect(page.info.description).toBe('about A');
    expect(Object.keys(page.components).sort()).toEqual(['responses', 'schemas', 'securitySchemes']);
    expect(Object.keys(page.components.schemas ?? {})).toEqual(['Inner']);
  });

  it('keeps the webhooks of its tags', () => {
    const page = areaSpec(spec, second!, '');
    expect(Object.keys(page.paths)).toEqual(['/a', '/b']);
    expect(Object.keys(page.webhooks ?? {})).toEqual(['hookB']);
    expect(page.components.requestBodies).toEqual(spec.components.requestBodies);
  });

  it('gives the home page the introduction and no operation', () => {
    const home = homeSpec(spec, 'intro');
    expect([home.info.description, home.paths, home.webhooks, home.tags]).toEqual(['intro', {}, undefined, []]);
  });

  it('cuts the real spec into areas that together hold each operation and webhook once', () => {
    const areaIds = areasOf(builtSpec as unknown as AreaSpec).flatMap((area) => {
      const page = areaSpec(builtSpec as unknown as AreaSpec, area, '');
      return [...Object.values(page.paths), ...Object.values(page.webhooks ?? {})].flatMap((item) =>
        Object.values(item).flatMap((operation) => ((operation as { operationId?: string }).operationId ? [(operation as { operationId: string }).operationId] : [])),
      );
    });
    expect(areaIds.sort()).toEqual(operations.map((op) => op.operationId).sort());
    expect(areaPages.length).toBe(areasOf(builtSpec as unknown as AreaSpec).length);
  });
});
