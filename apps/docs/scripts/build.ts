// Builds the site into dist/: the decorated spec, a home page and one page per vendor area, each
// rendered by Redoc 2 on the server and hydrated in the browser, the search index over every area,
// and the scripts the pages load. Everything works with no network.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

import { build } from 'esbuild';

import { areaSpec, areasOf, homeFile, homeSpec, type AreaSpec } from '../src/areas.js';
import { decorate, type BundledSpec } from '../src/decorate.js';
import { findNetworkDependencies, inlineRedoclyLogos } from '../src/offline-page.js';
import { areaDescription, homeDescription, type AreaSummary } from '../src/page-descriptions.js';
import { assetFiles, pageHtml, searchIndexScript } from '../src/page.js';
import {
  bundledSpecPath,
  decoratedSpecPath,
  dereferencedSpecPath,
  distDir,
  introSectionPaths,
  redocStandalonePath,
  siteScriptEntry,
} from '../src/paths.js';
import { renderSpec } from '../src/redoc-render.js';
import { buildSearchIndex, type SearchDocument } from '../src/search.js';
import { searchDocuments } from '../src/search-documents.js';

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
const write = (file: string, content: string | Buffer) => {
  mkdirSync(dirname(join(distDir, file)), { recursive: true });
  writeFileSync(join(distDir, file), content);
};

const spec = (await decorate(
  readJson(bundledSpecPath()) as BundledSpec,
  readJson(dereferencedSpecPath()) as Parameters<typeof decorate>[1],
  introSectionPaths.map((path) => readFileSync(path, 'utf8')),
)) as AreaSpec;
// A page or asset of an earlier build must not outlive its area.
rmSync(distDir, { recursive: true, force: true });
mkdirSync(distDir, { recursive: true });
writeFileSync(decoratedSpecPath, `${JSON.stringify(spec, null, 2)}\n`);

const title = `${spec.info.title} ${spec.info.version}`;
const areas = areasOf(spec);
const documents: SearchDocument[] = [];
const summaries: AreaSummary[] = [];
const pages: { file: string; html: string }[] = [];
for (const area of areas) {
  const rendered = await renderSpec(areaSpec(spec, area, areaDescription(area)));
  if (rendered.entries.length === 0) throw new Error(`${area.name} has no operation or webhook`);
  documents.push(...searchDocuments(spec, area, rendered.entries));
  summaries.push({
    area,
    operations: rendered.entries.filter((entry) => !entry.webhook).length,
    webhooks: rendered.entries.filter((entry) => entry.webhook).length,
    tagNames: [...new Set(rendered.entries.map((entry) => entry.tag))],
  });
  pages.push({ file: area.file, html: inlineRedoclyLogos(pageHtml({ title, area, areas, rendered })) });
}
const home = await renderSpec(homeSpec(spec, homeDescription(spec.info.description ?? '', summaries)));
pages.unshift({ file: homeFile, html: inlineRedoclyLogos(pageHtml({ title, areas, rendered: home })) });

const findings = pages.flatMap(({ file, html }) => findNetworkDependencies(html).map((finding) => `${file} ${finding}`));
const redocBundle = inlineRedoclyLogos(readFileSync(redocStandalonePath(), 'utf8'));
findings.push(...findNetworkDependencies(redocBundle).map((finding) => `${assetFiles.redoc} ${finding}`));
if (findings.length > 0) {
  console.error(`the site needs the network:\n  ${findings.join('\n  ')}`);
  process.exit(1);
}

for (const { file, html } of pages) write(file, html);
write(assetFiles.redoc, redocBundle);
write(assetFiles.searchIndex, searchIndexScript(buildSearchIndex(documents)));
await build({
  entryPoints: [siteScriptEntry],
  outfile: join(distDir, assetFiles.site),
  bundle: true,
  minify: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2020',
  logLevel: 'warning',
});

const kib = (bytes: number) => `${Math.round(bytes / 1024)} KiB`;
const gz = (file: string) => gzipSync(readFileSync(join(distDir, file))).length;
console.log(`Docs: ${distDir} (${pages.length} pages, ${documents.length} operations and webhooks in the search index)`);
for (const { file } of pages) console.log(`  ${file.padEnd(22)} ${kib(gz(file)).padStart(8)} gzipped`);
for (const file of Object.values(assetFiles)) console.log(`  ${file.padEnd(22)} ${kib(gz(file)).padStart(8)} gzipped`);
