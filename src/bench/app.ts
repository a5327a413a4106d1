// `npm run bench:app`: the app's figures (issue #5): time from navigation to a live cluster on
// screen, frame time while ~300 pods animate, seek time in a 30-minute session, and the first
// view's JS size. Builds, serves the build on 127.0.0.1 and drives Chromium (system, else
// Playwright's own).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { deflateRawSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { bundleSizes } from './appSize';

const ms = (n: number) => `${n.toFixed(1)} ms`;
const pct = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

/** shareFragment packs a scenario as the app's share links do (#s=deflate-raw base64url &t=). */
function shareFragment(yaml: string, atMs: number): string {
  return `#s=${deflateRawSync(Buffer.from(yaml)).toString('base64url')}&t=${atMs}`;
}

async function timeToLiveCluster(page: Page, url: string): Promise<number> {
  await page.goto('about:blank');
  const started = performance.now();
  await page.goto(url);
  await page.getByTestId('worker-node').nth(2).waitFor();
  const first = await page.getByTestId('sim-time').textContent();
  await page.waitForFunction((before) => document.querySelector('[data-testid="sim-time"]')?.textContent !== before, first, { polling: 'raf' });
  return performance.now() - started;
}

async function frameTimes(page: Page, url: string): Promise<number[]> {
  const yaml = `apiVersion: k8sim.dev/v1alpha1
kind: Scenario
metadata: {name: bench-300-pods}
spec:
  seed: 1
  cluster: {nodes: 4, etcd: {members: 3}}
  steps:
    - {at: 0s, run: "kubectl create deployment web --image=registry.k8s.io/pause:3.10 --replicas=300"}
    - {at: 1s, run: "kubectl expose deployment web --port=80"}
`;
  await page.goto('about:blank'); // a hash-only change would not reload the app
  await page.goto(`${url}${shareFragment(yaml, 120_000)}`);
  await page.locator('[data-testid="pod-chip"][data-status="Running"]').nth(299).waitFor({ timeout: 120_000 });
  await page.getByTestId('play-pause').click();
  await page.getByRole('button', { name: 'Create Deployment' }).waitFor();
  // Code strings: tsx would wrap named inner functions in a helper the page does not have.
  return page.evaluate(`new Promise((resolve) => {
    const deltas = [];
    let last = performance.now();
    const started = last;
    const tick = (now) => {
      deltas.push(now - last);
      last = now;
      if (now - started < 5000) requestAnimationFrame(tick);
      else resolve(deltas.slice(1));
    };
    requestAnimationFrame(tick);
  })`) as Promise<number[]>;
}

async function seekTimes(page: Page, url: string): Promise<{ replayMs: number; seeks: number[] }> {
  const steps = Array.from({ length: 30 }, (_, i) => `    - {at: ${i + 1}m, run: "kubectl scale deployment web --replicas=${(i % 5) + 1}"}`).join('\n');
  const yaml = `apiVersion: k8sim.dev/v1alpha1
kind: Scenario
metadata: {name: bench-30-minutes}
spec:
  seed: 1
  cluster: {nodes: 3, etcd: {members: 3}}
  steps:
    - {at: 0s, run: "kubectl create deployment web --image=nginx:1.27.3"}
${steps}
`;
  await page.goto('about:blank');
  const started = performance.now();
  await page.goto(`${url}${shareFragment(yaml, 1_800_000)}`);
  await page.getByTestId('sim-time').filter({ hasText: '30:00.0' }).waitFor({ timeout: 300_000 });
  const replayMs = performance.now() - started;
  const seeks: number[] = [];
  for (let i = 0; i < 25; i++) {
    const target = Math.floor(((i * 7919) % 1799) + 1) * 1000;
    const label = `${Math.floor(target / 60_000)}:${((target % 60_000) / 1000).toFixed(1).padStart(4, '0')}`;
    const t = (await page.evaluate(`new Promise((resolve) => {
      const input = document.querySelector('[data-testid="scrubber"]');
      const time = document.querySelector('[data-testid="sim-time"]');
      const start = performance.now();
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
      setter.call(input, '${target}');
      input.dispatchEvent(new Event('input', { bubbles: true }));
      const check = () => (time.textContent.endsWith('${label}') ? requestAnimationFrame(() => resolve(performance.now() - start)) : requestAnimationFrame(check));
      check();
    })`)) as number;
    seeks.push(t);
  }
  return { replayMs, seeks };
}

async function main(): Promise<void> {
  execFileSync('node_modules/.bin/vite', ['build', '--logLevel', 'error'], { stdio: 'inherit' });
  const sizes = bundleSizes('dist');
  const port = await freePort();
  const server = spawn('node_modules/.bin/vite', ['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}/`;
  await new Promise((r) => setTimeout(r, 1500));
  const executablePath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
  const browser = await chromium.launch({ executablePath, args: ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const boots: number[] = [];
    for (let i = 0; i < 5; i++) boots.push(await timeToLiveCluster(page, url));
    console.log(`app: first view JS+CSS gzipped ${(sizes.initialGzipBytes / 1024).toFixed(1)} KiB (${sizes.initialFiles.join(', ')}); engine worker ${(sizes.workerBytes / 1024).toFixed(0)} KiB (${(sizes.workerGzipBytes / 1024).toFixed(0)} KiB gzipped, loaded by the worker)`);
    console.log(`app: navigation → live 3-node cluster on screen: median ${ms(pct(boots, 50))}, max ${ms(Math.max(...boots))} (5 loads)`);
    const frames = await frameTimes(page, url);
    console.log(`app: frame time with 300 Running pods on the map and messages animating: median ${ms(pct(frames, 50))}, p95 ${ms(pct(frames, 95))} (${frames.length} frames over 5 s)`);
    const seek = await seekTimes(page, url);
    console.log(`app: opening a 30-minute session from a link (replay to 30:00): ${(seek.replayMs / 1000).toFixed(1)} s`);
    console.log(`app: seek anywhere in the 30-minute session: median ${ms(pct(seek.seeks, 50))}, p95 ${ms(pct(seek.seeks, 95))}, max ${ms(Math.max(...seek.seeks))} (${seek.seeks.length} seeks)`);
  } finally {
    await browser.close();
    server.kill();
  }
}

void main();
