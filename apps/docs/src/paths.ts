import { fileURLToPath } from 'node:url';

/** The built site and everything it needs; the server serves nothing else. */
export const distDir = fileURLToPath(new URL('../dist/', import.meta.url));
/** The home page: the introduction and the list of areas. */
export const indexHtmlPath = fileURLToPath(new URL('../dist/index.html', import.meta.url));
/** The spec as the pages render it: the bundle plus the docs' introduction sections and code samples. */
export const decoratedSpecPath = fileURLToPath(new URL('../dist/openapi.json', import.meta.url));
/** The browser script the build bundles into assets/site.js. */
export const siteScriptEntry = fileURLToPath(new URL('./site/main.ts', import.meta.url));

/** The introduction's docs-only sections, appended in this order after the spec's own. */
export const introSectionPaths = ['typescript-client.md', 'mock-in-ci.md', 'emulator-in-ci.md'].map((name) =>
  fileURLToPath(new URL(`../content/${name}`, import.meta.url)),
);

/** The bundled spec, resolved through the workspace dependency; a function, as it exists only once bundled. */
export const bundledSpecPath = (): string => fileURLToPath(import.meta.resolve('@easemob-openapi/spec/openapi.json'));
export const dereferencedSpecPath = (): string =>
  fileURLToPath(import.meta.resolve('@easemob-openapi/spec/openapi.dereferenced.json'));
/** Redoc 2's browser bundle, which hydrates the server-rendered pages. */
export const redocStandalonePath = (): string => fileURLToPath(import.meta.resolve('redoc/bundles/redoc.standalone.js'));

/** Debian's chromium, installed by scripts/ensure-browser.ts. */
export const chromiumPath = '/usr/bin/chromium';
