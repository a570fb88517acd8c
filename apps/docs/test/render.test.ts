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
    await scrollToBottomUntilStable();

    // Redoc's id for an operation is <tag slug>/<operationId in lower case>; its h2 is the summary.
    const idOf = (operationId: string) => `${slug}/${operationId.toLowerCase()}`;
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

/** Redoc renders a tag's operations progressively as they near the viewport. */
async function scrollToBottomUntilStable(): Promise<void> {
  const states: string[] = [];
  for (let round = 0; round < 60; round++) {
    states.push(
      await page.evaluate(() => {
        window.scrollTo(0, document.documentElement.scrollHeight);
        return `${document.documentElement.scrollHeight} ${document.querySelectorAll('[id] h2').length}`;
      }),
    );
    // Stable: page height and heading count unchanged over the last two waits.
    if (states.length >= 3 && new Set(states.slice(-3)).size === 1) return;
    await page.waitForTimeout(250);
  }
  throw new Error('the page kept growing after 60 scrolls');
}
