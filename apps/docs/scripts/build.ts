// Renders the bundled spec, with the docs' introduction sections and generated code samples, into
// dist/index.html: a single page that works with no network.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { decorate, sampleLanguages, type BundledSpec } from '../src/decorate.js';
import { findNetworkDependencies, inlineRedoclyLogos } from '../src/offline-page.js';
import {
  bundledSpecPath,
  decoratedSpecPath,
  dereferencedSpecPath,
  distDir,
  indexHtmlPath,
  introSectionPaths,
} from '../src/paths.js';

const redocly = fileURLToPath(new URL('../node_modules/.bin/redocly', import.meta.url));
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

const spec = await decorate(
  readJson(bundledSpecPath()) as BundledSpec,
  readJson(dereferencedSpecPath()) as Parameters<typeof decorate>[1],
  introSectionPaths.map((path) => readFileSync(path, 'utf8')),
);
mkdirSync(distDir, { recursive: true });
writeFileSync(decoratedSpecPath, `${JSON.stringify(spec, null, 2)}\n`);

// Redoc shows an operation's x-codeSamples only for the languages its config lists (matched by label).
const configDir = mkdtempSync(join(tmpdir(), 'docs-redocly-'));
const configPath = join(configDir, 'redocly.yaml');
const languages = [...sampleLanguages(spec), { lang: 'payload', label: 'Payload' }];
writeFileSync(configPath, JSON.stringify({ openapi: { codeSamples: { languages } } }));
try {
  execFileSync(
    redocly,
    [
      'build-docs',
      decoratedSpecPath,
      '--config',
      configPath,
      '--output',
      indexHtmlPath,
      '--title',
      `${spec.info.title} ${spec.info.version} — reference`,
      // The default page loads the renderer from a CDN: offline, no operation would render.
      '--inlineBundle',
    ],
    { stdio: 'inherit', env: { ...process.env, REDOCLY_TELEMETRY: 'off' } },
  );
} finally {
  rmSync(configDir, { recursive: true, force: true });
}

const html = inlineRedoclyLogos(readFileSync(indexHtmlPath, 'utf8'));
writeFileSync(indexHtmlPath, html);

const findings = findNetworkDependencies(html);
if (findings.length > 0) {
  console.error(`${indexHtmlPath} needs the network:\n  ${findings.join('\n  ')}`);
  process.exit(1);
}
console.log(`Docs: ${indexHtmlPath} (${Math.round(Buffer.byteLength(html) / 1024)} KiB, offline)`);
