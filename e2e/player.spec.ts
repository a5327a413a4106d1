import { expect, test, type Page } from '@playwright/test';

/**
 * watchPodStatuses records every STATUS each pod chip shows. A MutationObserver sees each render,
 * however briefly a status stays on screen (a sampling timer missed a short Pending under CI load).
 */
async function watchPodStatuses(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: Record<string, string[]> = {};
    (window as unknown as { __seen: typeof seen }).__seen = seen;
    const record = () => {
      // The deployment's pods only: kube-system's are Running from the start.
      for (const chip of document.querySelectorAll<HTMLElement>('[data-testid="pod-chip"][data-namespace="default"]')) {
        const list = (seen[chip.dataset.pod!] ??= []);
        if (list[list.length - 1] !== chip.dataset.status) list.push(chip.dataset.status!);
      }
    };
    new MutationObserver(record).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-status', 'data-pod'] });
    record();
  });
}

async function podNames(page: Page): Promise<string[]> {
  return (await page.locator('[data-testid="pod-chip"][data-namespace="default"]').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-pod')} ${e.getAttribute('data-status')}`))).sort();
}

test('create, scale, set image, pause, seek back, share and reload: the learner flow', async ({ page, context }) => {
  test.setTimeout(120_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  await expect(page.getByTestId('worker-node')).toHaveCount(4);
  await watchPodStatuses(page);

  // Create a Deployment with the dialog.
  await page.getByRole('button', { name: 'Create Deployment' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create Deployment' });
  await dialog.getByLabel('Name').fill('web');
  await dialog.getByLabel('Image').fill('nginx:1.27.3');
  await dialog.getByLabel('Replicas').fill('3');
  await expect(dialog).toContainText('$ kubectl create deployment web --image=nginx:1.27.3 --replicas=3');
  // Slow motion (0.1×) while the pods are created, so each state stays on screen long enough to see.
  await page.getByTestId('speed').selectOption('0.1');
  await dialog.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(page.getByRole('log')).toContainText('deployment.apps/web created');
  await expect(page.locator('[data-testid="pod-chip"][data-namespace="default"][data-status="ContainerCreating"]').first()).toBeVisible({ timeout: 20_000 });
  await page.getByTestId('speed').selectOption('5');
  await expect(page.locator('[data-testid="pod-chip"][data-namespace="default"][data-status="Running"]')).toHaveCount(3, { timeout: 20_000 });
  const seen = await page.evaluate(() => (window as unknown as { __seen: Record<string, string[]> }).__seen);
  const histories = Object.values(seen);
  expect(histories).toHaveLength(3);
  for (const history of histories) {
    expect(history[history.length - 1]).toBe('Running');
    expect(history.indexOf('Pending')).toBeGreaterThanOrEqual(0);
    expect(history.indexOf('Pending')).toBeLessThan(history.indexOf('ContainerCreating'));
    expect(history.indexOf('ContainerCreating')).toBeLessThan(history.indexOf('Running'));
  }
  await page.screenshot({ path: test.info().outputPath('10-created.png') });

  // Faster from here on: the player runs the engine at 10× wall time.
  await page.getByTestId('speed').selectOption('10');

  // Scale with the quick action: the console echoes the command.
  await page.getByRole('button', { name: 'Scale up web' }).click();
  await expect(page.getByRole('log')).toContainText('$ kubectl scale deployment/web --replicas=4');
  await expect(page.locator('[data-testid="pod-chip"][data-namespace="default"][data-status="Running"]')).toHaveCount(4, { timeout: 20_000 });
  await page.screenshot({ path: test.info().outputPath('11-scaled.png') });

  // Set an image and watch the rollout replace every pod.
  const oldPods = (await podNames(page)).map((p) => p.split(' ')[0]);
  await page.getByTestId('deployment-web').getByRole('button', { name: 'Set image' }).click();
  await page.getByLabel('New image for web').fill('nginx:1.27.2');
  await page.getByLabel('New image for web').press('Enter');
  await expect(page.getByRole('log')).toContainText('$ kubectl set image deployment/web nginx=nginx:1.27.2');
  await expect(page.getByTestId('deployment-web')).toContainText('nginx:1.27.2');
  await expect
    .poll(async () => (await podNames(page)).filter((p) => p.endsWith(' Running') && !oldPods.includes(p.split(' ')[0])).length, { timeout: 40_000 })
    .toBe(4);
  await expect.poll(async () => (await podNames(page)).length, { timeout: 40_000 }).toBe(4);
  await page.screenshot({ path: test.info().outputPath('12-rolled-out.png') });

  // The console shows the real table.
  const terminal = page.getByRole('textbox', { name: /Terminal/ });
  await terminal.fill('kubectl get deployments');
  await terminal.press('Enter');
  await expect(page.getByRole('log')).toContainText(/web\s+4\/4\s+4\s+4/);

  // Pause, seek back before the deployment existed, then play forward again.
  // A frame the worker sent before it got the pause may still arrive: wait for the clock to
  // settle, then it must stay where it stopped.
  await page.getByRole('button', { name: 'Pause' }).click();
  const simTime = page.getByTestId('sim-time');
  let pausedAt = '';
  await expect
    .poll(async () => {
      const before = await simTime.textContent();
      await page.waitForTimeout(250);
      pausedAt = (await simTime.textContent()) ?? '';
      return before === pausedAt;
    }, { timeout: 10_000 })
    .toBe(true);
  await page.waitForTimeout(300);
  await expect(simTime).toHaveText(pausedAt);
  await page.getByTestId('scrubber').fill('500');
  await expect(page.getByTestId('sim-time')).toContainText('0:00.5');
  await expect(page.locator('[data-testid="pod-chip"][data-namespace="default"]')).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('13-seek-back.png') });
  // Play from the past: the recorded timeline plays back (the deployment's pods reappear) up to
  // live; slowly, so that it is still in the past when paused again.
  await page.getByTestId('speed').selectOption('1');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.locator('[data-testid="pod-chip"][data-namespace="default"]').first()).toBeVisible({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Pause' }).click();
  // Inspecting in the past says that the YAML is the live cluster's.
  await page.locator('[data-testid="pod-chip"][data-namespace="default"]').first().click();
  await expect(page.getByTestId('inspect-live-note')).toContainText("the YAML and events below are the live cluster's");
  await page.getByRole('button', { name: 'Back to live' }).click();
  await expect(page.getByTestId('sim-time')).toHaveText(pausedAt!);
  await expect(page.locator('[data-testid="pod-chip"][data-namespace="default"]')).toHaveCount(4);
  await expect(page.getByTestId('inspect-live-note')).toHaveCount(0);

  // Share and reload from the link: same pods at the same time.
  const mapBefore = await podNames(page);
  await page.getByTestId('share').click();
  await expect(page).toHaveURL(/#s=[A-Za-z0-9_-]+&t=\d+/);
  const url = page.url();
  const other = await context.newPage();
  await other.goto(url);
  await expect(other.getByTestId('sim-time')).toHaveText(pausedAt!, { timeout: 20_000 });
  await expect.poll(() => podNames(other)).toEqual(mapBefore);
  await other.screenshot({ path: test.info().outputPath('14-from-shared-link.png') });
});

test('a large cluster is drawn as an aggregated canvas map with counts', async ({ page }) => {
  const { deflateRawSync } = await import('node:zlib');
  const yaml = `apiVersion: k8sim.dev/v1alpha1
kind: Scenario
metadata: {name: big-cluster}
spec:
  seed: 2
  cluster: {nodes: 60, etcd: {members: 3}}
  steps:
    - {at: 0s, run: "kubectl create deployment web --image=registry.k8s.io/pause:3.10 --replicas=400"}
`;
  await page.goto(`/#s=${deflateRawSync(Buffer.from(yaml)).toString('base64url')}&t=90000`);
  const summary = page.getByTestId('aggregated-summary');
  await expect(summary).toContainText('60 nodes (60 Ready) · 400 pods: 400 running', { timeout: 60_000 });
  await expect(page.getByTestId('worker-node')).toHaveCount(0);
  await page.locator('[data-testid="aggregated-map"] canvas').click({ position: { x: 5, y: 5 } });
  await expect(page.getByTestId('inspector')).toContainText('node/node-1');
  await page.screenshot({ path: test.info().outputPath('aggregated-map.png') });
});
