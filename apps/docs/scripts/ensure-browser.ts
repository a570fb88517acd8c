// The browser test drives Debian's chromium; playwright never downloads a browser here. A CJK font
// makes the Chinese section titles legible in the test's screenshot (without one they are boxes).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

import { chromiumPath } from '../src/paths.js';

const needed = [
  { path: chromiumPath, debianPackage: 'chromium' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', debianPackage: 'fonts-wqy-microhei' },
];
const missing = needed.filter(({ path }) => !existsSync(path));

if (missing.length > 0) {
  const packages = missing.map(({ debianPackage }) => debianPackage);
  // CI has no stdin: apt must never prompt.
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', ...packages]]) {
    console.log(`ensure-browser: ${missing.map(({ path }) => path).join(', ')} missing, running apt-get ${args.join(' ')}`);
    execFileSync('apt-get', args, { stdio: 'inherit', env });
  }
}
