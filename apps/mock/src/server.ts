import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { canConnect, findFreePort } from './ports.js';

export interface MockOptions {
  /** 0 or undefined: a free port. */
  port?: number | undefined;
  /** Default 127.0.0.1. */
  host?: string | undefined;
  /** Bundled spec to serve; default: the build output, dist/mock-openapi.json. */
  spec?: string | undefined;
  /** false: serve the spec's paths without the prefixes, as bare Prism does. Default true. */
  prefixes?: boolean | undefined;
}

export interface PrismExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** The end of what Prism printed (its own error when it crashed). */
  output: string;
}

export interface MockServer {
  /** Origin without a trailing slash, e.g. http://127.0.0.1:4010. */
  url: string;
  port: number;
  /** Settles once Prism has stopped, whether through close() or not. */
  exited: Promise<PrismExit>;
  /** Stops Prism and its process group; resolves once it has exited. */
  close(): Promise<void>;
}

// Both resolve to the same files from src/ (tests run the sources) and from dist/.
export const DEFAULT_SPEC = fileURLToPath(new URL('../dist/mock-openapi.json', import.meta.url));
const REQUEST_GUARD_PRELOAD = fileURLToPath(new URL('../dist/request-guard.cjs', import.meta.url));
const PREFIX_PRELOAD = fileURLToPath(new URL('../dist/prefix-preload.cjs', import.meta.url));
const PARENT_WATCH_PRELOAD = fileURLToPath(new URL('../dist/parent-watch.cjs', import.meta.url));

const READY_TIMEOUT_MS = 20_000;
const POLL_INTERVAL_MS = 25;
const KILL_AFTER_MS = 5_000;
const OUTPUT_TAIL_CHARS = 4_000;

function prismBin(): string {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('@stoplight/prism-cli/package.json');
  const { bin } = require(manifest) as { bin: { prism: string } };
  return join(dirname(manifest), bin.prism);
}

/** Keeps the end of the child's output for error messages; reading also keeps the pipes from filling. */
function recordOutput(child: ChildProcess): () => string {
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-OUTPUT_TAIL_CHARS);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => output.trim();
}

function startError(message: string, output: string): Error {
  return new Error(output ? `${message}:\n${output}` : message);
}

async function launch(nodeArgs: string[], spec: string, host: string, port: number): Promise<MockServer> {
  const args = ['mock', spec, '--host', host, '--port', String(port), '--errors'];
  // Quiet logs; single process whatever NODE_ENV says.
  args.push('--verboseLevel', 'error', '--multiprocess', 'false');
  // Own process group, so that close() can stop everything Prism started.
  const child = spawn(process.execPath, [...nodeArgs, prismBin(), ...args], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = recordOutput(child);
  let spawnError: Error | undefined;
  let hasExited = false;
  const exited = new Promise<PrismExit>(resolve => {
    child.once('error', error => {
      spawnError = error;
      resolve({ code: null, signal: null, output: output() });
    });
    child.once('exit', (code, signal) => {
      hasExited = true;
      resolve({ code, signal, output: output() });
    });
  });

  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, signal);
    } catch {
      // The group is gone already.
    }
  };
  // A detached child outlives its parent; don't leave Prism running if the caller forgets close().
  const killOnParentExit = () => signalGroup('SIGKILL');
  process.on('exit', killOnParentExit);

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      signalGroup('SIGTERM');
      const escalation = setTimeout(() => signalGroup('SIGKILL'), KILL_AFTER_MS);
      await exited;
      clearTimeout(escalation);
      process.off('exit', killOnParentExit);
    })());

  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (!(await canConnect(host, port))) {
    if (spawnError) {
      await close();
      throw startError(`Prism could not start: ${spawnError.message}`, output());
    }
    if (hasExited) {
      await close();
      throw startError(`Prism exited before listening on ${host}:${port}`, output());
    }
    if (Date.now() > deadline) {
      await close();
      throw startError(`Prism did not listen on ${host}:${port} within ${READY_TIMEOUT_MS} ms`, output());
    }
    await delay(POLL_INTERVAL_MS);
  }

  const origin = host.includes(':') ? `[${host}]` : host;
  return { url: `http://${origin}:${port}`, port, exited, close };
}

/**
 * Runs Prism's mock (request and response validation on, `--errors`) on `spec`, serving
 * its paths under /{org_name}/{app_name} and /app-id/{app_id}.
 */
export async function startMock(options: MockOptions = {}): Promise<MockServer> {
  const host = options.host ?? '127.0.0.1';
  const spec = options.spec ?? DEFAULT_SPEC;
  // The guard wraps Prism's request listener first, so it sees each request before the prefix is stripped.
  const preloads = [PARENT_WATCH_PRELOAD, REQUEST_GUARD_PRELOAD, ...(options.prefixes === false ? [] : [PREFIX_PRELOAD])];
  for (const file of [spec, ...preloads]) {
    if (!existsSync(file)) {
      throw new Error(`${file} does not exist; build it with: pnpm --filter @easemob-openapi/mock build`);
    }
  }
  const nodeArgs = preloads.flatMap(preload => ['--require', preload]);
  if (!options.port) return launch(nodeArgs, spec, host, await findFreePort(host));
  // Readiness is "the port accepts connections", so a port already in use would look ready.
  if (await canConnect(host, options.port)) throw new Error(`Port ${options.port} on ${host} is already in use`);
  return launch(nodeArgs, spec, host, options.port);
}
