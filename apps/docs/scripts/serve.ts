// `pnpm start`: serves dist/ until SIGINT or SIGTERM. DOCS_PORT picks the port (default 8080).
import { startDocsServer } from '../src/server.js';

const docs = await startDocsServer({ port: Number(process.env.DOCS_PORT ?? 8080) });
console.log(`Docs: ${docs.url}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void docs.close().then(() => process.exit(0));
  });
}
