// Makes sure Playwright has a Chromium to drive: Debian's system Chromium when present (CI and this
// project's machines); otherwise Playwright's own browser, downloaded once (a user's laptop).
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { chromium } from '@playwright/test';

const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].some((p) => existsSync(p));
if (!systemChromium && !existsSync(chromium.executablePath())) {
  console.log('No system Chromium found; installing Playwright\'s Chromium...');
  const status = spawnSync('node_modules/.bin/playwright', ['install', 'chromium'], { stdio: 'inherit' }).status;
  if (status !== 0) {
    console.error('Could not install a browser. On Debian/Ubuntu: sudo apt-get install -y chromium');
    process.exit(1);
  }
}
