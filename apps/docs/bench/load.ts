// `pnpm bench`: each page's weight (its HTML and the scripts it loads, gzipped), and how long chromium
// takes from a cold navigation to the page's first operation on screen, from the local docs server
// with a fresh browser profile each run. BENCH_RUNS sets the runs per page (default 5); BENCH_AREAS
// (page names, comma-separated, e.g. groups,callbacks) limits the pages.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import { chromium } from 'playwright-core';

import { areasOf, homeFile, type AreaSpec } from '../src/areas.js';
import { assetFiles } from '../src/page.js';
import { pageIds } from '../src/page-ids.js';
import { chromiumPath, decoratedSpecPath, distDir } from '../src/paths.js';
import { startDocsServer } from '../src/server.js';

const runs = Number(process.env.BENCH_RUNS ?? 5);
const only = process.env.BENCH_AREAS?.split(',').map((name) => name.trim().replace(/\.html$/, ''));
const targetMs = 1000;
const budgetBytes = 500 * 1024;

const areas = areasOf(JSON.parse(readFileSync(decoratedSpecPath, 'utf8')) as AreaSpec).filter((area) => !only || only.includes(area.slug));
const gzipped = (file: string) => gzipSync(readFileSync(join(distDir, file))).length;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;

/** A page and the same-site scripts it loads before any search: what a cold visit downloads. */
function weightOf(file: string): number {
  const html = readFileSync(join(distDir, file), 'utf8');
  const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((match) => match[1] ?? '');
  return gzipped(file) + scripts.reduce((sum, script) => sum + gzipped(script), 0);
}

/** The page's first operation in document order: the one a reader opening the area sees first. */
const firstOperationHeading = '[data-section-id^="tag/"][id*="/operation/"] h2';

/**
 * Runs in the page from its first moment: at each frame, whether the first operation's heading is laid
 * out on screen, so the next paint shows it. Timed in the page from navigation start, so neither
 * playwright's polling nor its round trips, slow on a loaded machine, count. A string, as tsx would
 * add helpers of its own to a function's source.
 */
const watchFirstOperation = `(() => {
  const frame = () => {
    const box = document.querySelector(${JSON.stringify(firstOperationHeading)})?.getBoundingClientRect();
    if (box && box.height > 0 && box.top < window.innerHeight) window.firstOperationOnScreen = performance.now();
    else requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();`;

interface Timing {
  firstContentfulPaint: number;
  /**
   * Navigation start to the first paint that shows the first operation: the later of the frame that
   * laid it out on screen and the first contentful paint (Chrome may lay frames out before it paints any).
   */
  firstOperation: number;
  domContentLoaded: number;
  load: number;
  /** Until Redoc has hydrated the page (tabs and pickers answer clicks from then on), seen at most a poll late. */
  hydrated: number;
}

const docs = await startDocsServer();
const results: { file: string; weight: number; timings: Timing[] }[] = [];
try {
  for (const area of areas) {
    const timings: Timing[] = [];
    for (let run = 0; run < runs; run++) {
      const profile = mkdtempSync(join(tmpdir(), 'docs-bench-'));
      const context = await chromium.launchPersistentContext(profile, {
        executablePath: chromiumPath,
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
        viewport: { width: 1400, height: 1000 },
      });
      try {
        const page = context.pages()[0] ?? (await context.newPage());
        await page.addInitScript({ content: watchFirstOperation });
        await page.goto(`${docs.url}${area.file}`, { waitUntil: 'commit' });
        await page.waitForFunction(() => (window as { firstOperationOnScreen?: number }).firstOperationOnScreen !== undefined);
        await page.waitForFunction((rootId) => {
          const first = document.getElementById(rootId)?.firstElementChild;
          return first !== null && first !== undefined && Object.keys(first).some((key) => key.startsWith('__react'));
        }, pageIds.redocRoot);
        const hydrated = await page.evaluate(() => performance.now());
        await page.waitForLoadState('load');
        const navigation = await page.evaluate(() => {
          const [entry] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
          const firstContentfulPaint = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Infinity;
          return {
            firstOperation: Math.max((window as { firstOperationOnScreen?: number }).firstOperationOnScreen ?? Infinity, firstContentfulPaint),
            firstContentfulPaint,
            domContentLoaded: entry?.domContentLoadedEventEnd ?? 0,
            load: entry?.loadEventEnd ?? 0,
          };
        });
        timings.push({ ...navigation, hydrated });
      } finally {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      }
    }
    results.push({ file: area.file, weight: weightOf(area.file), timings });
  }
} finally {
  await docs.close();
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const ms = (value: number) => `${value.toFixed(0).padStart(5)} ms`;
const spread = (values: number[]) => `${ms(median(values))} (min ${ms(Math.min(...values))}, max ${ms(Math.max(...values))})`;

console.log(`load average while measuring: ${loadavg().map((value) => value.toFixed(1)).join(' ')} (1, 5, 15 min; ${cpus().length} cores)`);
console.log(`home ${homeFile}: ${kib(weightOf(homeFile))} gzipped; the search index (${assetFiles.searchIndex}, loaded on first search): ${kib(gzipped(assetFiles.searchIndex))} gzipped`);
console.log(`cold loads, ${runs} runs per page, fresh profile each; target: first operation < ${targetMs} ms (median), page <= ${kib(budgetBytes)} gzipped`);
console.log(`${'page'.padEnd(20)} ${'weight gz'.padStart(9)}   first operation median          FCP median   DOMContentLoaded   load       hydrated`);
for (const { file, weight, timings } of results) {
  const column = (name: keyof Timing) => ms(median(timings.map((timing) => timing[name])));
  console.log(
    `${file.padEnd(20)} ${kib(weight).padStart(9)}   ${spread(timings.map((t) => t.firstOperation))}   ${column('firstContentfulPaint')}   ${column('domContentLoaded')}           ${column('load')}   ${column('hydrated')}`,
  );
}
const slowest = Math.max(...results.map(({ timings }) => median(timings.map((t) => t.firstOperation))));
const heaviest = Math.max(...results.map(({ weight }) => weight));
console.log(`slowest median first operation: ${ms(slowest)} (${slowest < targetMs ? 'within' : 'OVER'} target); heaviest page: ${kib(heaviest)} gzipped (${heaviest <= budgetBytes ? 'within' : 'OVER'} budget)`);
