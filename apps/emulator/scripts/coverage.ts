// The README's tables of what the emulator models, written from the spec and the modules'
// declarations: `tsx scripts/coverage.ts --write` updates README.md; the tests check it is current.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MODULES } from '../src/resources/index.js';
import { operationsOf, readDocument, type OperationInfo } from '../src/spec/document.js';

export const README = fileURLToPath(new URL('../README.md', import.meta.url));
const START = '<!-- coverage:start (written by scripts/coverage.ts) -->';
const END = '<!-- coverage:end -->';
const GLOBAL_STATUSES = new Set([401, 429, 503]);

const cell = (text: string) => text.replace(/\n/g, '\\n').replace(/\|/g, '\\|');

export function coverageMarkdown(operations: OperationInfo[]): string {
  const handled = new Map(MODULES.flatMap(module => Object.keys(module.handlers).map(id => [id, module.resource] as const)));
  const declared = new Map(MODULES.flatMap(module => Object.entries(module.errors ?? {})));
  const produced: string[] = [];
  const notProduced: string[] = [];
  for (const operation of operations) {
    for (const example of operation.errorExamples.values()) {
      if (GLOBAL_STATUSES.has(example.status)) continue;
      const source = declared.get(operation.operationId)?.[example.name];
      const row = `| \`${operation.operationId}\` | ${example.status} | \`${example.name}\` | \`${cell(String(example.value['error']))}\` | ${cell(String(example.value['error_description']))} |`;
      if (source === 'state' || source === 'validation') produced.push(`${row} ${source} |`);
      else notProduced.push(`${row} ${source ? cell(source.not) : handled.has(operation.operationId) ? 'not classified yet' : 'served from the example only'} |`);
    }
  }
  const examples = operations.filter(operation => !handled.has(operation.operationId));
  const header = '| operation | status | example | `error` | `error_description` |';
  return [
    START,
    '',
    `#### Produced (${produced.length})`,
    '',
    `${header} from |`,
    '| --- | --- | --- | --- | --- | --- |',
    ...produced,
    '',
    `#### Not produced (${notProduced.length})`,
    '',
    `${header} why |`,
    '| --- | --- | --- | --- | --- | --- |',
    ...notProduced,
    '',
    `#### Served from the documented example (${examples.length})`,
    '',
    examples.length ? examples.map(operation => `- \`${operation.operationId}\` (${operation.method.toUpperCase()} \`${operation.path}\`)`).join('\n') : 'None: every operation of the bundled spec is modelled.',
    '',
    END,
  ].join('\n');
}

export function withCoverage(readme: string, table: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start === -1 || end === -1) throw new Error(`README.md has no ${START} ... ${END} block`);
  return readme.slice(0, start) + table + readme.slice(end + END.length);
}

if (process.argv.includes('--write')) {
  const spec = fileURLToPath(import.meta.resolve('@easemob-openapi/spec/openapi.json'));
  const table = coverageMarkdown(operationsOf(readDocument(spec)));
  writeFileSync(README, withCoverage(readFileSync(README, 'utf8'), table));
  console.log(`Updated ${README}`);
}
