import { fileURLToPath } from 'node:url';

/** The built page and everything it needs; the server serves nothing else. */
export const distDir = fileURLToPath(new URL('../dist/', import.meta.url));
export const indexHtmlPath = fileURLToPath(new URL('../dist/index.html', import.meta.url));

/** The bundled spec, resolved through the workspace dependency; a function, as it exists only once bundled. */
export const bundledSpecPath = (): string => fileURLToPath(import.meta.resolve('@easemob-openapi/spec/openapi.json'));

/** Debian's chromium, installed by scripts/ensure-chromium.ts. */
export const chromiumPath = '/usr/bin/chromium';
