// Checks the spec's file layout, which Redocly cannot: each operation lives in
// resources/<area>/<operationId>.yaml and each webhook in webhooks/<operationId>.yaml,
// every file is reachable from openapi.yaml, a piece used by one area lives in that
// area (webhooks count as one area, whose pieces live in webhooks/schemas/ and the
// like) and one used by several in shared/, and no folder grows past the size a
// reader can scan.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const MAX_ENTRIES = 60;
const problems = [];

const refsOf = (file) =>
  [...fs.readFileSync(file, 'utf8').matchAll(/\$ref: *['"]?([^'"\s#]+\.yaml)/g)].map((m) =>
    path.resolve(path.dirname(file), m[1]),
  );
const rel = (file) => path.relative(root, file);

const entry = path.join(root, 'openapi.yaml');
const doc = parse(fs.readFileSync(entry, 'utf8'));
const areasUsing = new Map();
const visit = (file, area) => {
  const users = areasUsing.get(file) ?? new Set();
  if (users.has(area)) return;
  users.add(area);
  areasUsing.set(file, users);
  if (!fs.existsSync(file)) return problems.push(`${rel(file)}: referenced but missing`);
  for (const target of refsOf(file)) visit(target, area);
};

/** An operation's (or webhook's) file: present, named after the operationId it holds, and walked for its pieces. */
function checkOperationFile(where, ref, name, area, namingRule) {
  const file = path.join(root, ref);
  if (!fs.existsSync(file)) return problems.push(`${where}: ${ref} is missing`);
  const { operationId } = parse(fs.readFileSync(file, 'utf8'));
  if (operationId !== name) problems.push(`${ref}: its operationId is ${operationId}; ${namingRule}`);
  visit(file, area);
}

const WEBHOOKS = 'webhooks';
for (const [route, item] of Object.entries(doc.paths ?? {})) {
  for (const [method, operation] of Object.entries(item)) {
    const ref = operation?.$ref;
    const where = `${method.toUpperCase()} ${route}`;
    if (typeof ref !== 'string') {
      problems.push(`${where}: the operation must be a $ref to resources/<area>/<operationId>.yaml`);
      continue;
    }
    const match = /^resources\/([a-z0-9-]+)\/([A-Za-z0-9]+)\.yaml$/.exec(ref);
    if (!match) {
      problems.push(`${where}: ${ref} is not resources/<area>/<operationId>.yaml`);
      continue;
    }
    checkOperationFile(where, ref, match[2], match[1], 'the file must be named after it');
  }
}

for (const [name, item] of Object.entries(doc.webhooks ?? {})) {
  for (const [method, operation] of Object.entries(item)) {
    const ref = operation?.$ref;
    const where = `webhook ${name} ${method.toUpperCase()}`;
    const expected = `webhooks/${name}.yaml`;
    if (ref !== expected) {
      problems.push(`${where}: must be a $ref to ${expected} (the webhook's key is its operationId)`);
      continue;
    }
    checkOperationFile(where, ref, name, WEBHOOKS, "the file and the webhook's key must be named after it");
  }
}
const webhookFiles = new Set(Object.keys(doc.webhooks ?? {}).map((name) => path.join(root, WEBHOOKS, `${name}.yaml`)));
const homeOf = (area) => (area === WEBHOOKS ? `${WEBHOOKS}/` : `resources/${area}/`);

const walk = (dir) => {
  const entries = fs.readdirSync(dir, { withFileTypes: true });
  if (entries.length > MAX_ENTRIES) problems.push(`${rel(dir)}/: ${entries.length} entries (at most ${MAX_ENTRIES}; split it)`);
  return entries.flatMap((d) => (d.isDirectory() ? walk(path.join(dir, d.name)) : [path.join(dir, d.name)]));
};

const tops = ['resources', 'shared', WEBHOOKS].filter((top) => fs.existsSync(path.join(root, top)));
for (const file of tops.flatMap((top) => walk(path.join(root, top)))) {
  const users = areasUsing.get(file);
  if (!users) {
    problems.push(`${rel(file)}: not reachable from openapi.yaml (remove it or reference it)`);
    continue;
  }
  const parts = rel(file).split(path.sep);
  const [top, area] = parts;
  if (top === 'resources' && (users.size > 1 || !users.has(area)))
    problems.push(`${rel(file)}: used by ${[...users].sort().join(', ')}; a piece shared by areas belongs in shared/`);
  if (top === 'shared' && users.size === 1)
    problems.push(`${rel(file)}: used by ${[...users][0]} only; move it to ${homeOf([...users][0])}`);
  if (top === WEBHOOKS && (users.size > 1 || !users.has(WEBHOOKS)))
    problems.push(`${rel(file)}: used by ${[...users].sort().join(', ')}; a piece shared with REST operations belongs in shared/`);
  if (top === WEBHOOKS && parts.length === 2 && !webhookFiles.has(file))
    problems.push(`${rel(file)}: only webhooks sit in webhooks/; a piece belongs in a subfolder such as webhooks/schemas/`);
}

if (problems.length) {
  console.error(`spec layout: ${problems.length} problem(s)\n${problems.map((p) => `  ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(`spec layout: ${areasUsing.size} files in place`);
