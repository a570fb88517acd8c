/** startEmulator: the emulator on a node:http server of this process, for tests and the CLI. */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { parse as parseYaml } from 'yaml';
import { parseCredentials, type Credentials } from './auth.js';
import { CONTROL_PLANE_SPEC, DEFAULT_SPEC } from './default-spec.js';
import { Emulator } from './emulator.js';
import { errorBody } from './http/errors.js';
import { readDocument, type OpenApiDocument } from './spec/document.js';
import type { Snapshot } from './state/snapshot.js';

export interface EmulatorOptions {
  /** 0 or undefined: a free port. */
  port?: number | undefined;
  /** Default 127.0.0.1. */
  host?: string | undefined;
  /** `ID:SECRET` or `{clientId, clientSecret}`: only tokens from the token endpoint are accepted. */
  credentials?: string | Credentials | undefined;
  /** A snapshot, or the path of a JSON snapshot file, loaded at start. */
  state?: string | Snapshot | undefined;
  /** Register users on first use instead of answering "user not found". Default false. */
  autoCreateUsers?: boolean | undefined;
  /** Default 600 each. */
  maxGroupsPerUser?: number | undefined;
  maxChatroomsPerUser?: number | undefined;
  /** Default 3,000 (the Pro and Flagship editions). */
  maxContactsPerUser?: number | undefined;
  /** Default 120,000: the documented 2 minutes (the console allows up to 7 days). */
  recallWindowMs?: number | undefined;
  /** Another bundled spec (JSON) to serve; default: the one shipped in dist/openapi.json. */
  spec?: string | undefined;
}

export interface EmulatorServer {
  /** Origin without a trailing slash, e.g. http://127.0.0.1:4020. */
  url: string;
  port: number;
  /** Forgets the state of every app, or of one (`my-org/my-app`, `app-id/12345`). */
  reset(app?: string): Promise<void>;
  /** Stops accepting connections, closes open ones; resolves once the server is closed. */
  close(): Promise<void>;
  /** The emulator itself, for in-process access to its state. */
  emulator: Emulator;
}

const DEFAULT_LIMIT = 600;
const DEFAULT_CONTACT_LIMIT = 3000;
const DEFAULT_RECALL_WINDOW_MS = 2 * 60_000;

function loadSnapshot(state: string | Snapshot): Snapshot {
  return typeof state === 'string' ? (JSON.parse(readFileSync(state, 'utf8')) as Snapshot) : state;
}

/** Answers requests node's HTTP parser refuses (unknown methods, bad headers) instead of dropping them. */
function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable) return socket.destroy();
    const body = JSON.stringify(errorBody('bad_request', `The request could not be parsed (${error.code ?? 'parse error'})`, Date.now()));
    socket.end(`HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  });
  server.on('connect', (_request, socket: Socket) => {
    const body = JSON.stringify(errorBody('method_not_allowed', 'CONNECT is not served', Date.now()));
    socket.end(`HTTP/1.1 405 Method Not Allowed\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  });
}

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const credentials = typeof options.credentials === 'string' ? parseCredentials(options.credentials) : options.credentials;
  const emulator = new Emulator({
    document: readDocument(options.spec ?? DEFAULT_SPEC),
    controlPlane: parseYaml(readFileSync(CONTROL_PLANE_SPEC, 'utf8')) as OpenApiDocument,
    credentials,
    settings: {
      autoCreateUsers: options.autoCreateUsers ?? false,
      maxGroupsPerUser: options.maxGroupsPerUser ?? DEFAULT_LIMIT,
      maxChatroomsPerUser: options.maxChatroomsPerUser ?? DEFAULT_LIMIT,
      maxContactsPerUser: options.maxContactsPerUser ?? DEFAULT_CONTACT_LIMIT,
      recallWindowMs: options.recallWindowMs ?? DEFAULT_RECALL_WINDOW_MS,
    },
  });
  if (options.state !== undefined) emulator.store.import(loadSnapshot(options.state), emulator.clock.now());
  return emulator;
}

/** Starts the emulator; resolves once it accepts connections. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<EmulatorServer> {
  const host = options.host ?? '127.0.0.1';
  const emulator = createEmulator(options);
  const server = createServer({ keepAliveTimeout: 5_000 }, emulator.listener);
  answerClientErrors(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new Error(`Port ${options.port} on ${host} is already in use`) : error),
    );
    server.listen(options.port ?? 0, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  const origin = host.includes(':') ? `[${host}]` : host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${origin}:${port}`,
    port,
    emulator,
    reset: async app => emulator.reset(app),
    close: () =>
      (closing ??= new Promise<void>(resolve => {
        server.close(() => resolve());
        server.closeAllConnections();
      })),
  };
}
