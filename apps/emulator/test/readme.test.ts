// The README and the docs section say what holds: their TypeScript samples type-check against the
// built package and the client, the flow samples run against the emulator and print what their
// comments say, and the coverage tables are what the modules declare for the bundled spec.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import ts from 'typescript';
import { afterAll, expect, it } from 'vitest';
import { coverageMarkdown, README, withCoverage } from '../scripts/coverage.js';
import { DEFAULT_SPEC } from '../src/index.js';
import { operationsOf, readDocument } from '../src/spec/document.js';
import { useEmulator } from './support/emulator.js';

const run = promisify(execFile);
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const docsSection = fileURLToPath(new URL('../../docs/content/emulator-in-ci.md', import.meta.url));
const tsBlocks = (file: string) => [...readFileSync(file, 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].map(match => match[1]!);
const samples = [...tsBlocks(README).map((source, i) => ({ name: `readme-${i + 1}`, source })), ...tsBlocks(docsSection).map((source, i) => ({ name: `docs-${i + 1}`, source }))];
// `.readme-*` directories are ignored by git.
const dir = mkdtempSync(join(packageDir, '.readme-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const emulator = useEmulator();

it('has the coverage tables of the bundled spec', () => {
  const readme = readFileSync(README, 'utf8');
  const current = withCoverage(readme, coverageMarkdown(operationsOf(readDocument(DEFAULT_SPEC))));
  expect(readme, 'run: pnpm --filter @easemob-openapi/emulator coverage').toBe(current);
});

it('has TypeScript samples that type-check as a user of the packages would import them', () => {
  expect(samples.length).toBeGreaterThanOrEqual(3);
  const files = samples.map(({ name, source }) => {
    const file = join(dir, `${name}.mts`);
    // In a project, vitest is in the program through its tests: an augmentation of it needs that.
    const context = source.includes('declare module "vitest"') ? 'import type {} from "vitest";\n' : '';
    writeFileSync(file, `${context}${source}\nexport {};\n`);
    return file;
  });
  const program = ts.createProgram(files, {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    types: ['node'],
  });
  const problems = ts.getPreEmitDiagnostics(program).map(d => `${d.file?.fileName.slice(dir.length + 1) ?? ''} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
  expect(problems).toEqual([]);
});

it.each(samples.filter(({ source }) => source.includes('EMULATOR_URL')).map(sample => [sample.name, sample] as const))('%s runs against the emulator and prints what it says', async (_, { name, source }) => {
  const file = join(dir, `${name}-run.mts`);
  writeFileSync(file, source);
  await fetch(`${emulator().url}/_emulator/reset`, { method: 'POST' });
  const tsx = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));
  const { stdout } = await run(tsx, [file], { env: { ...process.env, EMULATOR_URL: emulator().url } });
  const promised = [...source.matchAll(/console\.log\([^;]*\); \/\/ (.*)$/gm)].map(match => match[1]);
  expect(promised.length).toBeGreaterThan(0);
  expect(stdout.trim().split('\n')).toEqual(promised);
});
