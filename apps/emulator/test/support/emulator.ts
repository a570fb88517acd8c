/** One emulator per test file, and small helpers to talk to it as raw HTTP. */
import { afterAll, beforeAll } from 'vitest';
import { startEmulator, type EmulatorOptions, type EmulatorServer } from '../../src/index.js';
import type { Snapshot } from '../../src/state/snapshot.js';

export const AUTH = { Authorization: 'Bearer test-token' };

export interface Answer {
  status: number;
  headers: Headers;
  body: any;
}

export function useEmulator(options: EmulatorOptions = {}): () => EmulatorServer {
  let server: EmulatorServer | undefined;
  beforeAll(async () => {
    server = await startEmulator(options);
  });
  afterAll(() => server?.close());
  return () => server!;
}

export async function send(url: string, method: string, body?: unknown, headers: Record<string, string> = AUTH): Promise<Answer> {
  const response = await fetch(url, {
    method,
    headers,
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // Left as text for the assertion to show.
  }
  return { status: response.status, headers: response.headers, body: parsed };
}

export async function loadState(origin: string, apps: Snapshot['apps']): Promise<void> {
  const answer = await send(`${origin}/_emulator/state`, 'PUT', { version: 1, apps }, {});
  if (answer.status !== 200) throw new Error(`PUT state: ${answer.status} ${JSON.stringify(answer.body)}`);
}
