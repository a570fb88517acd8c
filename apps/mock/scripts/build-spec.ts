// Writes dist/mock-openapi.json: the bundled spec with servers relative to the mock.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { mockSpec, type OpenApiDocument } from '../src/mock-spec.js';
import { DEFAULT_SPEC } from '../src/server.js';

const source = fileURLToPath(import.meta.resolve('@easemob-openapi/spec/openapi.json'));
const spec = JSON.parse(await readFile(source, 'utf8')) as OpenApiDocument;
await mkdir(fileURLToPath(new URL('../dist/', import.meta.url)), { recursive: true });
await writeFile(DEFAULT_SPEC, `${JSON.stringify(mockSpec(spec), null, 2)}\n`);
console.log(`Wrote ${DEFAULT_SPEC}`);
