// Loads the built docs in Debian's chromium with every request beyond the docs server refused, and
// checks that each operation of the bundled spec renders with its vendor section title and its first
// code sample: the page must work with no network at all.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { docTitleLine } from '../src/decorate.js';
import { chromiumPath } from '../src/paths.js';
import { startDocsServer, type DocsServer } from '../src/server.js';
import { builtOperations, builtWebhooks } from './built-spec.js';
import { operations, spec, tagPages, type TagPage } from './spec-operations.js';

const screenshotPath = fileURLToPath(new URL('../test-results/docs.png', import.meta.url));
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
/** operationIds whose element was found rendered, over every tag page. */
const renderedOperationIds: string[] = [];
const built = new Map(builtOperations.map((op) => [op.operationId, op]));
const builtWebhook = new Map(builtWebhooks.map((webhook) => [webhook.operationId, webhook]));
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
    const url = route.request().url();
    if (new URL(url).origin === origin) return route.continue();
    refusedRequests.push(url);
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

describe('docs page', () => {
  it('shows the first operation of the first tag page after a cold load', async () => {
    const [first] = tagPages;
    const firstOperation = first?.operations[0];
    if (!first || !firstOperation) throw new Error('the spec has no tagged operation');
    const started = performance.now();
    // The first navigation of a fresh browser profile: nothing cached, the 2.8 MB page parsed from scratch.
    await page.goto(`${docs.url}#/${slugOf(first.name)}`);
    const heading = page.locator(`[id=${JSON.stringify(`${slugOf(first.name)}/${firstOperation.operationId.toLowerCase()}`)}] h2`).first();
    await heading.waitFor({ state: 'visible' });
    const elapsed = performance.now() - started;
    console.info(`docs: first operation visible ${Math.round(elapsed)} ms after navigation (cold; the bench measures it repeatedly)`);
    expect(await heading.innerText()).toContain(firstOperation.summary);
    mkdirSync(fileURLToPath(new URL('../test-results/', import.meta.url)), { recursive: true });
    await page.screenshot({ path: screenshotPath });
  });

  it('serves the overview with its title', async () => {
    await page.goto(docs.url);
    expect(await page.title()).toContain(spec.info.title);
  });

  it('puts every operation under a tag, so some tag page shows it', () => {
    expect(operations.filter((op) => op.tags.length === 0).map((op) => op.operationId)).toEqual([]);
  });

  it.each(tagPages)('renders every operation of tag $name with its vendor title and curl sample (a webhook: its payload)', async (tag) => {
    const slug = await openTagPage(tag);
    expect(slug, 'Redoc routes the tag page by the slug the bench opens').toBe(slugOf(tag.name));
    // Redoc's id for an operation is <tag slug>/<operationId in lower case>; its h2 is the summary.
    const idOf = (operationId: string) => `${slug}/${operationId.toLowerCase()}`;
    await scrollUntilRendered(tag.operations.map((op) => idOf(op.operationId)));

    for (const { operationId, summary, webhook } of tag.operations) {
      const element = page.locator(`[id=${JSON.stringify(idOf(operationId))}]`).first();
      const heading = element.locator('h2').first();
      // Operations use content-visibility: auto; one is laid out (has innerText) only once on screen.
      await heading.scrollIntoViewIfNeeded();
      await expect.poll(() => heading.innerText(), { message: `${operationId} shows its summary`, timeout: 2_000 }).toContain(summary);
      const docTitle = (webhook ? builtWebhook.get(operationId) : built.get(operationId))?.docTitle;
      if (!docTitle) throw new Error(`${operationId} is not in the built spec`);
      expect(collapse(await element.innerText()), `${operationId} shows its vendor section title`).toContain(docTitleLineText(docTitle));
      const shown = collapse((await element.locator('pre').first().textContent()) ?? '');
      if (webhook) {
        // A webhook has no sample to send: its panel shows the first documented callback body, with
        // objects nested deeper than two levels folded (…); every top-level field is there.
        const payload = builtWebhook.get(operationId)?.firstPayload as Record<string, unknown>;
        const fields = Object.entries(payload).map(([key, value]) => `"${key}": ${typeof value === 'object' ? '' : JSON.stringify(value)}`.trim());
        expect(fields.filter((field) => !shown.includes(field)), `${operationId} shows its first payload example`).toEqual([]);
      } else {
        // The sample panel shows the first language (curl, org/app prefix) until the reader picks another.
        const samples = built.get(operationId)?.samples ?? [];
        expect(shown, `${operationId} shows its generated curl sample`).toBe(collapse(samples[0]?.source ?? '(none)'));
      }
      renderedOperationIds.push(operationId);
    }
  });

  it('lists every named example of every response of the operation that has the most', async () => {
    const count = (op: (typeof builtOperations)[number]) => Object.values(op.exampleSummaries).flat().length;
    const richest = [...builtOperations].sort((a, b) => count(b) - count(a))[0];
    const tag = tagPages.find((candidate) => candidate.operations.some((op) => op.operationId === richest?.operationId));
    const summary = tag?.operations.find((op) => op.operationId === richest?.operationId)?.summary;
    if (!richest || !tag || !summary) throw new Error('no operation with examples');
    const slug = await openTagPage(tag);
    await page.getByText(summary, { exact: true }).first().click();
    const element = page.locator(`[id=${JSON.stringify(`${slug}/${richest.operationId.toLowerCase()}`)}]`).first();
    await element.locator('h2').first().waitFor({ state: 'visible' });
    for (const [status, summaries] of Object.entries(richest.exampleSummaries)) {
      // The response panel's status buttons; the ones with role=tab switch the schema instead.
      await element.locator('button:not([role=tab])', { hasText: new RegExp(`^${status}$`) }).click();
      // A lone example is shown without a picker (and without its summary).
      if (summaries.length < 2) continue;
      // The request panel may have an example picker too; the response panel's comes last.
      await element.locator('button[aria-label="Example"]').last().click();
      // Hidden menus (the server pickers) stay in the DOM; the open one is the visible one.
      const menu = page.locator('[role="menu"]:visible [role="menuitem"]');
      await menu.first().waitFor({ state: 'visible', timeout: 5_000 });
      expect((await menu.allInnerTexts()).map(collapse), `${richest.operationId} ${status}`).toEqual(summaries.map(collapse));
      // Picking the example already shown closes the menu (Escape does not).
      await menu.first().click();
      await menu.first().waitFor({ state: 'hidden', timeout: 5_000 });
    }
    console.info(`docs: ${count(richest)} named examples of ${richest.operationId} listed`);
  });

  it('rendered every operation of the bundled spec, by operationId', () => {
    expect([...renderedOperationIds].sort()).toEqual(operations.map((op) => op.operationId).sort());
    console.info(`docs: ${renderedOperationIds.length} operations rendered`);
  });

  it('never needed the network and threw no error', () => {
    expect(refusedRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

/** The title line as the page shows it: docTitleLine's markdown, bold markers rendered away. */
function docTitleLineText(docTitle: string): string {
  return collapse(docTitleLine(docTitle).replace(/\*\*/g, ''));
}

/** Redoc's page slug for a tag name, e.g. "Group members" → group-members. */
function slugOf(tagName: string): string {
  return tagName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** Opens a tag's page from the sidebar and returns the slug Redoc routes it by (`#/<slug>`). */
async function openTagPage(tag: TagPage): Promise<string> {
  await page.goto(docs.url);
  await page.getByRole('link', { name: tag.displayName, exact: true }).click();
  await page.waitForURL(/#\/./);
  return decodeURIComponent(new URL(page.url()).hash.slice('#/'.length));
}

/**
 * Redoc renders a tag's operations progressively as they near the viewport, so sweep down half a
 * screen at a time (a jump to the bottom skips them). On a loaded machine rendering lags behind
 * scrolling and a sweep can pass an operation by, so sweep again from the top, a few times at most.
 */
async function scrollUntilRendered(ids: string[]): Promise<void> {
  for (let sweep = 0; sweep < 5; sweep++) {
    await page.evaluate(() => window.scrollTo(0, 0));
    for (let step = 0; step < 400; step++) {
      const state = await page.evaluate((wanted) => {
        window.scrollBy(0, window.innerHeight / 2);
        const rendered = new Set([...document.querySelectorAll('[id]')].filter((e) => e.querySelector('h2')).map((e) => e.id));
        const atBottom = window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1;
        return { done: wanted.every((id) => rendered.has(id)), atBottom };
      }, ids);
      if (state.done) return;
      await page.waitForTimeout(100);
      if (state.atBottom) break;
    }
  }
}
