// `pnpm bench`: the built page's size, and how long chromium takes from navigation to the first
// operation of a tag page on screen, from a local server with a fresh browser profile each run.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import { chromium } from 'playwright-core';

import { chromiumPath, indexHtmlPath } from '../src/paths.js';
import { startDocsServer } from '../src/server.js';

const runs = Number(process.env.BENCH_RUNS ?? 7);
const tagSlug = process.env.BENCH_TAG ?? 'group-members';
const operationId = process.env.BENCH_OPERATION ?? 'listgroupmembers';
/** A second tag page, opened from the loaded page: what moving around the docs costs. */
const nextSlug = 'threads';
const nextOperationId = 'listthreads';

const html = readFileSync(indexHtmlPath);
const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
console.log(`page: ${kib(html.length)} (${kib(gzipSync(html).length)} gzipped)`);

interface Timing {
  /** The page's first paint with content: the sidebar and the prerendered overview, before any operation. */
  firstContentfulPaint: number;
  domContentLoaded: number;
  load: number;
  firstOperation: number;
  nextTagPage: number;
}

const docs = await startDocsServer();
const timings: Timing[] = [];
try {
  for (let run = 0; run < runs; run++) {
    const profile = mkdtempSync(join(tmpdir(), 'docs-bench-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
      viewport: { width: 1400, height: 1000 },
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const started = performance.now();
      await page.goto(`${docs.url}#/${tagSlug}`);
      await page.locator(`[id="${tagSlug}/${operationId}"] h2`).first().waitFor({ state: 'visible' });
      const firstOperation = performance.now() - started;
      const navigation = await page.evaluate(() => {
        const [entry] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
        const paint = performance.getEntriesByName('first-contentful-paint')[0];
        return {
          firstContentfulPaint: paint?.startTime ?? 0,
          domContentLoaded: entry?.domContentLoadedEventEnd ?? 0,
          load: entry?.loadEventEnd ?? 0,
        };
      });
      const switched = performance.now();
      await page.evaluate((hash) => (window.location.hash = hash), `#/${nextSlug}`);
      await page.locator(`[id="${nextSlug}/${nextOperationId}"] h2`).first().waitFor({ state: 'visible' });
      timings.push({ ...navigation, firstOperation, nextTagPage: performance.now() - switched });
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  }
} finally {
  await docs.close();
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const row = (name: keyof Timing) => {
  const values = timings.map((timing) => timing[name]);
  return `${name.padEnd(20)} median ${median(values).toFixed(0).padStart(5)} ms   min ${Math.min(...values).toFixed(0).padStart(5)} ms   max ${Math.max(...values).toFixed(0).padStart(5)} ms`;
};
console.log(`cold loads of #/${tagSlug} (${runs} runs, fresh profile each; target: first operation < 1000 ms)`);
for (const name of ['firstContentfulPaint', 'domContentLoaded', 'load', 'firstOperation'] as const) console.log(`  ${row(name)}`);
console.log(`then #/${nextSlug} in the loaded page, to its first operation visible:`);
console.log(`  ${row('nextTagPage')}`);
