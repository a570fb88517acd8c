// Renders the bundled spec into dist/index.html, a single page that works with no network.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { findNetworkDependencies, inlineRedoclyLogos } from '../src/offline-page.js';
import { bundledSpecPath, indexHtmlPath } from '../src/paths.js';

const redocly = fileURLToPath(new URL('../node_modules/.bin/redocly', import.meta.url));
const specPath = bundledSpecPath();
const { info } = JSON.parse(readFileSync(specPath, 'utf8')) as { info: { title: string; version: string } };

execFileSync(
  redocly,
  [
    'build-docs',
    specPath,
    '--output',
    indexHtmlPath,
    '--title',
    `${info.title} ${info.version} — reference`,
    // The default page loads the renderer from a CDN: offline, no operation would render.
    '--inlineBundle',
  ],
  { stdio: 'inherit', env: { ...process.env, REDOCLY_TELEMETRY: 'off' } },
);

const html = inlineRedoclyLogos(readFileSync(indexHtmlPath, 'utf8'));
writeFileSync(indexHtmlPath, html);

const findings = findNetworkDependencies(html);
if (findings.length > 0) {
  console.error(`${indexHtmlPath} needs the network:\n  ${findings.join('\n  ')}`);
  process.exit(1);
}
console.log(`Docs: ${indexHtmlPath} (${Math.round(Buffer.byteLength(html) / 1024)} KiB, offline)`);
