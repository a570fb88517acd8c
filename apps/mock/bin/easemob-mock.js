#!/usr/bin/env node
// A committed entry point, so that pnpm can link the command at install time, before dist/ is built.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  console.error('easemob-mock is not built yet: run `pnpm build` in the workspace first');
  process.exit(1);
}
await import(cli.href);
