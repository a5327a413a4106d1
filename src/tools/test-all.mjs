// Runs every test the project has: typecheck, unit (vitest), e2e (Playwright), and prints one
// closing line `N passed, N failed, N skipped` that CI recognises. Exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const bin = (name) => `node_modules/.bin/${name}`;
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit' }).status ?? 1;
const readJson = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);

let passed = 0;
let failed = 0;
let skipped = 0;

const tscStatus = run(bin('tsc'), ['-p', 'tsconfig.json']);
if (tscStatus === 0) passed += 1;
else failed += 1;

rmSync('.vitest-report.json', { force: true });
const vitestStatus = run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', '--outputFile=.vitest-report.json']);
const unit = readJson('.vitest-report.json');
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
  skipped += unit.numPendingTests + unit.numTodoTests;
}
if (vitestStatus !== 0 && (!unit || unit.numFailedTests === 0)) failed += 1;

rmSync('.playwright-report.json', { force: true });
const browserStatus = run('node', ['src/tools/ensure-browser.mjs']);
const e2eStatus = browserStatus === 0 ? run(bin('playwright'), ['test']) : 1;
const e2e = readJson('.playwright-report.json');
if (e2e) {
  passed += e2e.stats.expected + e2e.stats.flaky;
  failed += e2e.stats.unexpected;
  skipped += e2e.stats.skipped;
}
if (e2eStatus !== 0 && (!e2e || e2e.stats.unexpected === 0)) failed += 1;

console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
