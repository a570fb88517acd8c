// A static file server for dist/: node:http only, so the docs need nothing but a build to serve.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';

import { distDir, indexHtmlPath } from './paths.js';

export interface DocsServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Defaults to 127.0.0.1: the docs are for this machine unless asked otherwise. */
  host?: string;
}

export interface DocsServer {
  /** Base URL with a trailing slash, e.g. http://127.0.0.1:8080/ */
  url: string;
  port: number;
  close(): Promise<void>;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.yaml': 'application/yaml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export async function startDocsServer({ port = 0, host = '127.0.0.1' }: DocsServerOptions = {}): Promise<DocsServer> {
  if (!existsSync(indexHtmlPath)) {
    throw new Error(`${indexHtmlPath} is missing: run \`pnpm --filter @easemob-openapi/docs build\` first`);
  }
  const server = createServer((request, response) => {
    serveFile(request, response).catch((error: unknown) => {
      response.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const bound = (server.address() as AddressInfo).port;
  const hostInUrl = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${hostInUrl}:${bound}/`,
    port: bound,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // A browser keeps connections alive; without this close() waits for them to time out.
        server.closeAllConnections();
      }),
  };
}

async function serveFile(request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  const { pathname } = new URL(request.url ?? '/', 'http://localhost');
  const path = decodeURIComponent(pathname);
  const requested = join(distDir, path.endsWith('/') ? `${path}index.html` : path);
  // join() normalises `..`: anything that lands outside dist/ (distDir ends with a separator) is not ours.
  if (!requested.startsWith(distDir)) {
    response.writeHead(403).end();
    return;
  }
  let body: Buffer;
  try {
    body = await readFile(requested);
  } catch {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');
    return;
  }
  response.writeHead(200, {
    'content-type': contentTypes[extname(requested)] ?? 'application/octet-stream',
    'content-length': body.length,
  });
  response.end(request.method === 'HEAD' ? undefined : body);
}
