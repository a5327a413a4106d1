import { expect, test } from '@playwright/test';

test('the pod-creation sequence diagram draws the steps of a new Deployment in order', async ({ page }) => {
  await page.goto('/');
  const terminal = page.getByRole('textbox', { name: /Terminal/ });
  await terminal.fill('kubectl create deployment web --image=nginx:1.27.3');
  await terminal.press('Enter');
  await terminal.fill('kubectl expose deployment web --port=80');
  await terminal.press('Enter');
  await page.getByRole('tab', { name: 'Pod creation sequence' }).click();
  const steps = page.getByTestId('sequence-step');
  await expect(steps).toHaveCount(19, { timeout: 30_000 });
  expect(await steps.evaluateAll((els) => els.map((e) => e.getAttribute('data-step')))).toEqual([
    'post', 'admission', 'persist', 'created', 'watchDeployment', 'createReplicaSet', 'createPod', 'watchPod', 'filter', 'score', 'bind',
    'kubeletWatch', 'sandbox', 'pull', 'createContainer', 'startContainer', 'statusRunning', 'endpoints', 'proxyRules',
  ]);
  await expect(page.getByTestId('sequence-diagram')).toContainText('9. filter: 3/4 nodes fit');
  await expect(page.getByTestId('sequence-diagram')).toContainText('14. PullImage nginx:1.27.3');
  await page.screenshot({ path: test.info().outputPath('sequence-en.png') });

  // Compact view: the 15 classic steps.
  await page.getByLabel('Detailed (controllers, endpoints, kube-proxy)').uncheck();
  await expect(steps).toHaveCount(15);

  // Seeking back to before the create hides every step; zh-CN captions.
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.getByTestId('scrubber').fill('0');
  await expect(steps).toHaveCount(0);
  await page.getByRole('button', { name: 'Back to live' }).click();
  await page.getByTestId('language').selectOption('zh-CN');
  await expect(page.getByTestId('sequence-diagram')).toContainText('过滤：4 个节点中 3 个满足条件');
  await page.screenshot({ path: test.info().outputPath('sequence-zh-CN.png') });
});

test('the scheduler view shows the filter and score table of a pending pod and of a scheduled one', async ({ page }) => {
  await page.goto('/');
  const terminal = page.getByRole('textbox', { name: /Terminal/ });
  for (const line of ['kubectl create deployment big --image=nginx:1.27.3', 'kubectl set resources deployment big --requests=cpu=64']) {
    await terminal.fill(line);
    await terminal.press('Enter');
  }
  await expect(page.getByTestId('pending-pods')).toContainText('(1)', { timeout: 15_000 });
  await page.getByTestId('pending-pods').getByTestId('pod-chip').click();
  await page.getByRole('tab', { name: 'Scheduler' }).click();
  const viewEl = page.getByTestId('scheduler-view');
  await expect(viewEl.getByTestId('schedule-result')).toContainText('Unschedulable', { timeout: 15_000 });
  await expect(viewEl).toContainText('NodeResourcesFit');
  await expect(viewEl).toContainText('Insufficient cpu');
  await page.screenshot({ path: test.info().outputPath('scheduler-unschedulable.png') });
  await page.getByTestId('language').selectOption('zh-CN');
  await expect(viewEl).toContainText('kube-scheduler：单个 Pod 的过滤与打分');
  await page.screenshot({ path: test.info().outputPath('scheduler-unschedulable-zh-CN.png') });
});
