import { deflateRawSync } from 'node:zlib';
import { expect, test, type Frame, type Page } from '@playwright/test';

function frames(page: Page): Frame[] {
  return page.frames().filter((f) => f.url().includes('/embed/'));
}

async function simTimes(page: Page): Promise<string[]> {
  return Promise.all(frames(page).map((f) => f.getByTestId('sim-time').textContent().then((t) => t ?? '')));
}

test('the demo training page embeds three players that load, play and obey postMessage commands', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/demo/training.html');
  const log = page.locator('#log');
  for (const id of ['rollout', 'hpa', 'raft']) await expect(log).toContainText(`${id} k8sim-ready`, { timeout: 30_000 });
  expect(frames(page)).toHaveLength(3);
  await expect(frames(page)[0].getByTestId('rollout-diagram').or(frames(page)[0].getByText('Create a Deployment and change'))).toBeVisible();
  await expect(frames(page)[2].getByTestId('raft-ring')).toBeVisible();

  await page.getByRole('button', { name: 'Play all' }).click();
  await expect(log).toContainText('rollout k8sim-step', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Pause all' }).click();
  await page.waitForTimeout(300);
  const paused = await simTimes(page);
  await page.waitForTimeout(700);
  expect(await simTimes(page)).toEqual(paused);

  await page.getByRole('button', { name: 'Seek all to 2:00' }).click();
  for (const f of frames(page)) await expect(f.getByTestId('sim-time')).toHaveText('2:00.0', { timeout: 30_000 });
  // By 2:00 the etcd leader was killed (at 0:10) and a new one elected at a higher term; the HPA exists (0:30).
  const terms = await frames(page)[2].locator('[data-testid^="raft-member"]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-term'))));
  expect(Math.max(...terms)).toBeGreaterThanOrEqual(3);
  await expect(log).toContainText('raft k8sim-step {"type":"k8sim","event":"step","t":10000,"run":"sim etcd stop leader"}');
  await expect(frames(page)[1].getByTestId('hpa-formula')).toContainText('desired = ceil(');
  await page.screenshot({ path: test.info().outputPath('demo-training-page.png'), fullPage: true });
});

test('a malicious or broken scenario is refused with a message and runs no script', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const pack = (text: string) => deflateRawSync(Buffer.from(text)).toString('base64url');

  // Script in a name: the schema refuses the name; nothing is rendered as HTML.
  const evil = 'apiVersion: k8sim.dev/v1alpha1\nkind: Scenario\nmetadata:\n  name: "<img src=x onerror=alert(1)>"\n  title: "<script>alert(2)</script>"\nspec:\n  steps: []\n';
  await page.goto(`/embed/#s=${pack(evil)}`);
  await expect(page.getByRole('alert')).toContainText('metadata.name: must be a lowercase RFC 1123 label');
  expect(await page.locator('img[src="x"]').count()).toBe(0);

  // A bad schema names the field.
  await page.goto(`/embed/?x=1#s=${pack('apiVersion: k8sim.dev/v1alpha1\nkind: Scenario\nmetadata: {name: ok}\nspec: {steps: [{at: soon, run: ls}]}\n')}`);
  await expect(page.getByRole('alert')).toContainText('spec.steps[0].at: invalid duration "soon"');

  // A huge file (a zip bomb in the fragment) is refused before it is parsed.
  await page.goto(`/embed/?y=1#s=${pack('#'.repeat(2 * 1024 * 1024))}`);
  await expect(page.getByRole('alert')).toContainText('expands to more than 512 KiB');

  // An unknown library name.
  await page.goto('/embed/?scenario=no-such-scenario');
  await expect(page.getByRole('alert')).toContainText('no scenario named "no-such-scenario"');
  expect(dialogs).toEqual([]);
});

test('an embed loads a scenario from a URL, and refuses a missing or oversized one', async ({ page }) => {
  test.setTimeout(60_000);
  const scenario = 'apiVersion: k8sim.dev/v1alpha1\nkind: Scenario\nmetadata:\n  name: from-url\n  title: {en: "Loaded from a URL", zh-CN: "从 URL 加载"}\nspec:\n  cluster: {nodes: 2}\n  steps:\n    - at: 0s\n      run: kubectl create deployment web --image=nginx:1.27 --replicas=2\n      narration: {en: "Two nginx pods start.", zh-CN: "两个 nginx Pod 启动。"}\n';
  await page.route('**/training/custom.yaml', (route) => route.fulfill({ status: 200, contentType: 'text/yaml', body: scenario }));
  await page.route('**/training/huge.yaml', (route) => route.fulfill({ status: 200, contentType: 'text/yaml', body: '#'.repeat(600 * 1024) }));
  await page.goto(`/embed/?scenario=${encodeURIComponent('/training/custom.yaml')}&view=map&autoplay=1`);
  await expect(page.getByTestId('narration')).toContainText('Loaded from a URL', { timeout: 30_000 });
  await expect(page.getByTestId('narration-text')).toHaveText('Two nginx pods start.');
  await expect(page.getByRole('alert')).toHaveCount(0);

  await page.goto(`/embed/?scenario=${encodeURIComponent('/training/huge.yaml')}`);
  await expect(page.getByRole('alert')).toContainText('larger than 512 KiB');
  await page.route('**/training/missing.yaml', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto(`/embed/?scenario=${encodeURIComponent('/training/missing.yaml')}`);
  await expect(page.getByRole('alert')).toContainText('HTTP 404');
  // The preview server's SPA fallback answers an unknown path with index.html.
  await page.goto(`/embed/?scenario=${encodeURIComponent('/no/such/file.yaml')}`);
  await expect(page.getByRole('alert')).toContainText('an HTML page, not a scenario file');
  await page.goto(`/embed/?scenario=${encodeURIComponent('javascript:alert(1)')}`);
  await expect(page.getByRole('alert')).toContainText('unsupported scenario URL scheme javascript:');
});
