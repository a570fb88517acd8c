// Loads the built site in Debian's chromium with every request beyond the docs server refused, and
// checks that each area page shows every operation and webhook of the bundled spec, hydrated, with its
// vendor section title, every code sample, and every named example; that the search box finds an
// operation by its Chinese title and lands on it; and that the site works opened from disk.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { docTitleLine } from '../src/decorate.js';
import { pageIds } from '../src/page-ids.js';
import { chromiumPath, distDir, introSectionPaths } from '../src/paths.js';
import { startDocsServer, type DocsServer } from '../src/server.js';
import { builtOperations, builtWebhooks } from './built-spec.js';
import { readSections, type RenderedSection } from './rendered-sections.js';
import { areaPages, operations, spec, type AreaPage } from './spec-operations.js';

const resultsDir = fileURLToPath(new URL('../test-results/', import.meta.url));
const screenshots = { operation: join(resultsDir, 'docs-operation.png'), search: join(resultsDir, 'docs-search.png') };
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let docs: DocsServer;
let userDataDir: string;
let context: BrowserContext;
let page: Page;
const refusedRequests: string[] = [];
const pageErrors: string[] = [];
/** Each area's page, as the header links it. */
const areaUrls = new Map<string, string>();
/** operationIds found rendered, over every area page. */
const renderedOperationIds: string[] = [];
const built = new Map<string, { docTitle: string; samples: { label: string; source: string }[]; exampleSummaries: Record<string, string[]>; requestExampleSummaries: string[] }>([
  ...builtOperations.map((op) => [op.operationId, op] as const),
  ...builtWebhooks.map((webhook) => [webhook.operationId, webhook] as const),
]);
const firstPayload = new Map(builtWebhooks.map((webhook) => [webhook.operationId, Object.values(webhook.payloads)[0] as Record<string, unknown>]));
const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

beforeAll(async () => {
  docs = await startDocsServer();
  userDataDir = mkdtempSync(join(tmpdir(), 'docs-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
    viewport: { width: 1400, height: 1000 },
  });
  const origin = new URL(docs.url).origin;
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.origin === origin || url.protocol === 'file:') return route.continue();
    refusedRequests.push(url.href);
    return route.abort('blockedbyclient');
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => pageErrors.push(error.message));
});

afterAll(async () => {
  await context?.close();
  await docs?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

/** Redoc hydrates in a timeout after its bundle runs; React marks each element it has taken over. */
async function hydrated(): Promise<void> {
  await page.waitForFunction((rootId) => {
    const first = document.getElementById(rootId)?.firstElementChild;
    return first !== null && first !== undefined && Object.keys(first).some((key) => key.startsWith('__react'));
  }, pageIds.redocRoot);
}

/** The title line as the page shows it: docTitleLine's markdown, bold markers rendered away. */
const docTitleLineText = (docTitle: string) => collapse(docTitleLine(docTitle).replace(/\*\*/g, ''));

/** What the page must show of one operation or webhook; each problem found is returned as a line. */
function problemsOf(section: RenderedSection, summary: string, webhook: boolean): string[] {
  const expected = built.get(section.operationId);
  if (!expected) return [`${section.operationId} is not in the built spec`];
  const problems: string[] = [];
  const problem = (what: string) => problems.push(`${section.operationId}: ${what}`);
  if (!section.heading.includes(summary)) problem(`heading "${section.heading}" lacks the summary`);
  if (!collapse(section.text).includes(docTitleLineText(expected.docTitle))) problem('no vendor section title');

  // Every generated sample, in order, then Redoc's payload tab where there is a body.
  const samples = section.request.filter((tab) => tab.label !== 'Payload');
  if (JSON.stringify(samples.map((tab) => tab.label)) !== JSON.stringify(expected.samples.map((s) => s.label))) problem(`sample tabs ${samples.map((t) => t.label).join(', ')}`);
  for (const [i, sample] of expected.samples.entries()) {
    if (collapse(samples[i]?.code ?? '') !== collapse(sample.source)) problem(`${sample.label} sample differs from the built spec`);
  }
  const payload = section.request.find((tab) => tab.label === 'Payload');
  if (expected.requestExampleSummaries.length > 1 && JSON.stringify(payload?.options) !== JSON.stringify(expected.requestExampleSummaries)) {
    problem(`payload examples ${JSON.stringify(payload?.options)}`);
  }
  if (webhook) {
    // The first documented callback body, with objects nested deeper than two levels folded: every top-level field is there.
    const shown = collapse(payload?.text ?? '');
    const fields = Object.entries(firstPayload.get(section.operationId) ?? {}).map(([key, value]) => `"${key}": ${typeof value === 'object' ? '' : JSON.stringify(value)}`.trim());
    const missing = fields.filter((field) => !shown.includes(field));
    if (missing.length > 0) problem(`payload lacks ${missing.join(', ')}`);
  }

  // Every status with a documented body has its tab; one with several named examples lists them all, in order.
  for (const [status, summaries] of Object.entries(expected.exampleSummaries)) {
    if (summaries.length === 0) continue;
    const tab = section.response.find((candidate) => candidate.label === status);
    if (!tab) problem(`no ${status} response sample`);
    else if (summaries.length > 1 && JSON.stringify(tab.options) !== JSON.stringify(summaries)) problem(`${status} examples ${JSON.stringify(tab.options)}`);
    else if (collapse(tab.text) === '') problem(`${status} shows no example`);
  }
  return problems;
}

describe('docs site', () => {
  it('links every area from the header of the home page, which holds the introduction', async () => {
    await page.goto(docs.url);
    expect(await page.title()).toContain(spec.info.title);
    const links = await page.locator('.docs-areas a').evaluateAll((anchors) => anchors.map((a) => [a.textContent ?? '', (a as HTMLAnchorElement).href]));
    expect(links.map(([name]) => name)).toEqual(areaPages.map((area) => area.name));
    for (const [name, href] of links) areaUrls.set(name ?? '', href ?? '');
    await hydrated();
    const headings = await page.locator('h2').allInnerTexts();
    for (const path of introSectionPaths) {
      const heading = /^## (.+)$/m.exec(readFileSync(path, 'utf8'))?.[1];
      expect(headings.map(collapse), `the introduction shows ${path}`).toContain(heading);
    }
  });

  it('puts every operation and webhook in an area', () => {
    const areaTags = new Set(areaPages.flatMap((area) => area.tags));
    expect(operations.filter((op) => !op.tags.some((tag) => areaTags.has(tag))).map((op) => op.operationId)).toEqual([]);
  });

  it.each(areaPages)('renders every operation and webhook of $name, with its title, samples and named examples', async (area: AreaPage) => {
    const url = areaUrls.get(area.name);
    if (!url) throw new Error(`the header has no link to ${area.name}`);
    await page.goto(url);
    await hydrated();
    // Clicking each sample and response tab also shows that hydration worked.
    const sections = await page.evaluate(readSections);
    const summaries = new Map(area.operations.map((op) => [op.operationId, op]));
    expect(sections.map((s) => s.operationId).sort()).toEqual([...summaries.keys()].sort());
    const problems = sections.flatMap((section) => problemsOf(section, summaries.get(section.operationId)?.summary ?? '', summaries.get(section.operationId)?.webhook ?? false));
    expect(problems).toEqual([]);
    renderedOperationIds.push(...sections.map((section) => section.operationId));
  });

  it('rendered every operation and webhook of the bundled spec, by operationId', () => {
    expect([...renderedOperationIds].sort()).toEqual(operations.map((op) => op.operationId).sort());
    console.info(`docs: ${renderedOperationIds.length} operations and webhooks rendered`);
  });

  it('finds an operation by its Chinese title, from another page, and lands on it', async () => {
    // The last area's first operation whose vendor title no other operation shares.
    const titleCount = (title: string) => [...built.values()].filter((op) => op.docTitle === title).length;
    const lastArea = areaPages.at(-1);
    const target = lastArea?.operations.find((op) => titleCount(built.get(op.operationId)?.docTitle ?? '') === 1);
    const docTitle = target && built.get(target.operationId)?.docTitle;
    if (!lastArea || !target || !docTitle) throw new Error('no operation with a title of its own');
    await page.goto(docs.url);
    await page.locator(`#${pageIds.searchInput}`).fill(docTitle);
    const first = page.locator(`#${pageIds.searchResults} a`).first();
    await first.waitFor({ state: 'visible' });
    expect(await first.locator('.docs-hit-title').innerText()).toBe(docTitle);
    mkdirSync(resultsDir, { recursive: true });
    await page.screenshot({ path: screenshots.search });

    await page.locator(`#${pageIds.searchInput}`).press('Enter');
    await page.waitForURL((url) => url.href.startsWith(areaUrls.get(lastArea.name) ?? '?') && url.hash.endsWith(`/operation/${target.operationId}`));
    const heading = page.locator(`[id$=${JSON.stringify(`/operation/${target.operationId}`)}][data-section-id] h2`).first();
    await expect.poll(() => heading.innerText()).toContain(target.summary);
    // Landed: the operation's heading is on screen, below the fixed header.
    await expect.poll(async () => (await heading.boundingBox())?.y ?? -1).toBeGreaterThan(0);
    expect((await heading.boundingBox())?.y).toBeLessThan(1000);
    await page.screenshot({ path: screenshots.operation });
    console.info(`docs: "${docTitle}" found ${target.operationId}; screenshots ${screenshots.search}, ${screenshots.operation}`);
  });

  it('works opened from disk: an area page shows its operations, and search loads its index', async () => {
    const [area] = areaPages;
    const file = areaUrls.get(area?.name ?? '')?.split('/').at(-1);
    const firstOperation = area?.operations[0];
    if (!file || !firstOperation) throw new Error('no area page');
    await page.goto(pathToFileURL(join(distDir, file)).href);
    await page.locator(`[id$=${JSON.stringify(`/operation/${firstOperation.operationId}`)}][data-section-id] h2`).first().waitFor({ state: 'visible' });
    await page.locator(`#${pageIds.searchInput}`).fill(firstOperation.operationId);
    await expect.poll(() => page.locator(`#${pageIds.searchResults} .docs-hit-area`).first().innerText()).toContain(firstOperation.operationId);
  });

  it('never needed the network and threw no error', () => {
    expect(refusedRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
