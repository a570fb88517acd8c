// `pnpm start`: after the build, serves the docs and the mock on 127.0.0.1 until Ctrl-C.
// DOCS_PORT and MOCK_PORT choose the ports; unset, the defaults are tried, then any free port.
import { startMock } from "@easemob-openapi/mock";
import { startDocsServer } from "../apps/docs/src/server.js";

async function onPort<T>(wanted: string | undefined, fallback: number, start: (port: number) => Promise<T>): Promise<T> {
  if (wanted !== undefined) return start(Number(wanted));
  return start(fallback).catch(() => start(0));
}

const docs = await onPort(process.env.DOCS_PORT, 8080, (port) => startDocsServer({ port }));
const mock = await onPort(process.env.MOCK_PORT, 4010, (port) => startMock({ port })).catch(async (error: unknown) => {
  await docs.close();
  throw error;
});

console.log(`Docs: ${docs.url}`);
console.log(`Mock: ${mock.url}/{org_name}/{app_name}/...  and  ${mock.url}/app-id/{app_id}/...`);
console.log("Press Ctrl-C to stop both.");

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    if (stopping) return;
    stopping = true;
    void Promise.all([docs.close(), mock.close()]).then(() => process.exit(0));
  });
}
