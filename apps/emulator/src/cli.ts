#!/usr/bin/env node
// easemob-emulator [--port N] [--host H] [--credentials ID:SECRET] [--state FILE]: runs until SIGINT/SIGTERM.
import { parseArgs } from 'node:util';
import { startEmulator, type EmulatorServer } from './server.js';

const ORPHAN_CHECK_MS = 500;
const USAGE = `Usage: easemob-emulator [--port N] [--host 127.0.0.1] [--credentials ID:SECRET] [--state FILE] [--auto-create-users]
  port: --port, else EMULATOR_PORT, else a free one`;

function parsePort(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid port: ${value}`);
  return port;
}

async function main(): Promise<void> {
  // `pnpm start -- --port N` hands the script a literal `--`.
  const args = process.argv.slice(2);
  const { values } = parseArgs({
    args: args[0] === '--' ? args.slice(1) : args,
    options: {
      port: { type: 'string', short: 'p' },
      host: { type: 'string', short: 'h' },
      credentials: { type: 'string' },
      state: { type: 'string' },
      'auto-create-users': { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const server: EmulatorServer = await startEmulator({
    port: parsePort(values.port ?? process.env['EMULATOR_PORT']),
    host: values.host,
    credentials: values.credentials,
    state: values.state,
    autoCreateUsers: values['auto-create-users'],
  });
  const stop = () => {
    clearInterval(orphanWatch);
    void server.close();
  };
  // `on`, not `once`: wrappers such as pnpm may forward a signal the process got already.
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // pnpm passes SIGTERM to the shell that runs this script, not to us: stop once orphaned.
  const parent = process.ppid;
  const orphanWatch = setInterval(() => process.ppid !== parent && stop(), ORPHAN_CHECK_MS);
  const auth = values.credentials ? 'tokens from POST /{org_name}/{app_name}/token' : 'any Bearer token';
  console.log(`Emulator: ${server.url} (prefixes /{org_name}/{app_name} and /app-id/{app_id}; ${auth}; control plane ${server.url}/_emulator/)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
