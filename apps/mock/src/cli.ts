#!/usr/bin/env node
// easemob-mock [--port N] [--host H]: runs the mock until SIGINT/SIGTERM.
import { parseArgs } from 'node:util';
import { PREFIXES } from './mock-spec.js';
import { startMock, type MockServer } from './server.js';

const ORPHAN_CHECK_MS = 1_000;
const USAGE = 'Usage: easemob-mock [--port N] [--host 127.0.0.1]   (port: --port, else MOCK_PORT, else a free one)';

function parsePort(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid port: ${value}`);
  return port;
}

async function main(): Promise<void> {
  // Read before anything can orphan us: pnpm passes SIGTERM to its shell, not to us.
  const parent = process.ppid;
  // `pnpm mock -- --port N` hands the script a literal `--`.
  const args = process.argv.slice(2);
  const { values } = parseArgs({
    args: args[0] === '--' ? args.slice(1) : args,
    options: {
      port: { type: 'string', short: 'p' },
      host: { type: 'string', short: 'h' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  let mock: MockServer | undefined;
  let stopping = false;
  // Listening from the start, so that a signal during startup still stops Prism.
  // `on`, not `once`: wrappers such as pnpm may forward a signal the process got already.
  const stop = () => {
    stopping = true;
    void mock?.close();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  mock = await startMock({
    port: parsePort(values.port ?? process.env['MOCK_PORT']),
    host: values.host,
  });
  if (stopping) return mock.close();
  const prefixes = PREFIXES.join(' and ');
  console.log(`Mock: ${mock.url} (prefixes ${prefixes})`);

  // Stop once orphaned.
  const orphanWatch = setInterval(() => process.ppid !== parent && stop(), ORPHAN_CHECK_MS);
  const { code, signal, output } = await mock.exited;
  clearInterval(orphanWatch);
  process.off('SIGINT', stop);
  process.off('SIGTERM', stop);
  if (!stopping) {
    console.error(`Prism stopped unexpectedly (${signal ?? `exit code ${code}`})${output ? `:\n${output}` : ''}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
