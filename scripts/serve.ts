// `pnpm start`: after the build, serves the docs, the mock and the emulator on 127.0.0.1 until
// Ctrl-C, SIGTERM, or the death of the pnpm that started it. DOCS_PORT, MOCK_PORT and
// EMULATOR_PORT choose the ports; unset, the defaults are tried, then any free port.
import { startEmulator } from "@easemob-openapi/emulator";
import { startMock } from "@easemob-openapi/mock";
import { startDocsServer } from "../apps/docs/src/server.js";

const ORPHAN_CHECK_MS = 500;

interface Running {
  url: string;
  close(): Promise<void>;
}

/** A fixed port must be free; without one the default is tried, then a free port. */
async function onPort<T>(name: string, wanted: string | undefined, fallback: number, start: (port: number) => Promise<T>): Promise<T> {
  if (wanted === undefined || wanted === "") return start(fallback).catch(() => start(0));
  const port = Number(wanted);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`${name}=${wanted} is not a port number`);
  return start(port).catch((error: unknown) => {
    const inUse = (error as NodeJS.ErrnoException).code === "EADDRINUSE" || /already in use/.test(String(error));
    throw inUse ? new Error(`Port ${port} on 127.0.0.1 is already in use (${name}); pick another or unset it`) : error;
  });
}

const running: Running[] = [];
let stopping = false;
function stop(code: number): void {
  if (stopping) return;
  stopping = true;
  void Promise.allSettled(running.map((server) => server.close())).then(() => process.exit(code));
}

// Listening from the start, so that a signal during startup still stops what has started.
process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));
// A SIGTERM to pnpm's own PID ends pnpm and its shell but never reaches this process.
const parent = process.ppid;
setInterval(() => process.ppid !== parent && stop(0), ORPHAN_CHECK_MS);

try {
  const docs = await onPort("DOCS_PORT", process.env.DOCS_PORT, 8080, (port) => startDocsServer({ port }));
  running.push(docs);
  const mock = await onPort("MOCK_PORT", process.env.MOCK_PORT, 4010, (port) => startMock({ port }));
  running.push(mock);
  const emulator = await onPort("EMULATOR_PORT", process.env.EMULATOR_PORT, 4020, (port) => startEmulator({ port }));
  running.push(emulator);
  console.log(`Docs: ${docs.url}`);
  console.log(`Mock: ${mock.url}/{org_name}/{app_name}/...  and  ${mock.url}/app-id/{app_id}/...`);
  console.log(`Emulator: ${emulator.url}/{org_name}/{app_name}/...  and  ${emulator.url}/app-id/{app_id}/...  (control plane ${emulator.url}/_emulator/)`);
  console.log("Press Ctrl-C to stop.");
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  stop(1);
}
