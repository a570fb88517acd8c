// The browser test drives Debian's chromium; playwright never downloads a browser here.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

import { chromiumPath } from '../src/paths.js';

if (!existsSync(chromiumPath)) {
  // CI has no stdin: apt must never prompt.
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', 'chromium']]) {
    console.log(`ensure-chromium: ${chromiumPath} is missing, running apt-get ${args.join(' ')}`);
    execFileSync('apt-get', args, { stdio: 'inherit', env });
  }
}
