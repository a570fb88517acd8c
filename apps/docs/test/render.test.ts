// Loads the built docs in Debian's chromium with every off-origin request refused, and checks that
// each operation of the bundled spec renders: the page must work with no network at all.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { chromiumPath } from '../src/paths.js';
import { startDocsServer, type DocsServer } from '../src/server.js';
import { operations, spec, tagPages, type TagPage } from './spec-operations.js';

const screenshotPath = join(tmpdir(), 'docs.png');
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
const offOriginRequests: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  docs = await startDocsServer();
  userDataDir = mkdtempSync(join(tmpdir(), 'docs-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
  });
  const origin = new URL(docs.url).origin;
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).origin === origin) return route.continue();
    offOriginRequests.push(url);
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
  it('serves the overview', async () => {
    await page.goto(docs.url);
    expect(await page.title()).toContain(spec.info.title);
  });

  it('puts every operation under a tag, so some tag page shows it', () => {
    expect(operations.filter((op) => op.tags.length === 0).map((op) => op.operationId)).toEqual([]);
  });

  it.each(tagPages)('renders every operation of tag $name', async (tag) => {
    const slug = await openTagPage(tag);
    // Redoc's id for an operation is <tag slug>/<operationId in lower case>; its h2 is the summary.
    const idOf = (operationId: string) => `${slug}/${operationId.toLowerCase()}`;
    await scrollUntilRendered(tag.operations.map((op) => idOf(op.operationId)));
    const renderedIds = await page.$$eval('[id]', (elements) =>
      elements.filter((element) => element.querySelector('h2')).map((element) => element.id),
    );
    const missing = tag.operations.map((op) => idOf(op.operationId)).filter((id) => !renderedIds.includes(id));
    expect(missing, 'operations with no element #<tag>/<operationid> holding an h2').toEqual([]);

    for (const { operationId, summary } of tag.operations) {
      const heading = page.locator(`[id=${JSON.stringify(idOf(operationId))}] h2`).first();
      // Operations use content-visibility: auto; one is laid out (has innerText) only once on screen.
      await heading.scrollIntoViewIfNeeded();
      await expect.poll(() => heading.innerText(), { message: `${operationId} shows its summary`, timeout: 2_000 }).toContain(summary);
    }
    // The last operation checked is on screen: proof for a human that the page really renders.
    await page.screenshot({ path: screenshotPath });
  });

  it('never needed the network and threw no error', () => {
    expect(offOriginRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

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
