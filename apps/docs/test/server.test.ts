import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startDocsServer, type DocsServer } from '../src/server.js';

let docs: DocsServer;

beforeAll(async () => {
  docs = await startDocsServer();
});

afterAll(async () => {
  await docs?.close();
});

describe('startDocsServer', () => {
  it('serves the page on 127.0.0.1 and a free port', async () => {
    expect(docs.url).toBe(`http://127.0.0.1:${docs.port}/`);
    const response = await fetch(docs.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });

  it('serves the area pages and the scripts they load', async () => {
    const home = await (await fetch(docs.url)).text();
    const local = [...home.matchAll(/\b(?:href|src)="([^":#]+)"/g)].map((match) => match[1] ?? '');
    expect(local.length).toBeGreaterThan(3);
    for (const path of local) {
      const response = await fetch(new URL(path, docs.url));
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toMatch(/^text\/(html|javascript); charset=utf-8$/);
    }
  });

  it('answers 404 for a missing file and 403 outside dist/', async () => {
    expect((await fetch(`${docs.url}missing.js`)).status).toBe(404);
    expect((await fetch(`${docs.url}a%2f..%2f..%2fpackage.json`)).status).toBe(403);
  });
});
