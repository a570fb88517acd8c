// Copies the bundled spec into dist/, so that the published package serves it without the workspace.
import { copyFile, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SPEC } from '../src/default-spec.js';

const source = fileURLToPath(import.meta.resolve('@easemob-openapi/spec/openapi.json'));
await mkdir(fileURLToPath(new URL('../dist/', import.meta.url)), { recursive: true });
await copyFile(source, DEFAULT_SPEC);
console.log(`Wrote ${DEFAULT_SPEC}`);
