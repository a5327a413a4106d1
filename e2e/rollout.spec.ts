import { expect, test } from '@playwright/test';

test('the rollout diagram shows both ReplicaSets, the budgets within limits and the decisions with numbers', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('speed').selectOption('5');
  const terminal = page.getByRole('textbox', { name: /Terminal/ });
  await terminal.fill('kubectl create deployment web --image=nginx:1.27.3 --replicas=4');
  await terminal.press('Enter');
  await expect(page.locator('[data-testid="pod-chip"][data-namespace="default"][data-status="Running"]')).toHaveCount(4, { timeout: 30_000 });
  await page.getByRole('tab', { name: 'Rollout' }).click();
  await terminal.fill('kubectl set image deployment/web nginx=nginx:1.27.2');
  await terminal.press('Enter');
  const diagram = page.getByTestId('rollout-diagram');
  await expect(diagram.getByTestId('rollout-rs')).toHaveCount(2, { timeout: 20_000 });
  // While rolling: 4 replicas, 25%/25% → maxSurge 1, maxUnavailable 1; the bars never cross their limits.
  const bars = async () => ({
    surge: await diagram.getByTestId('surge-bar').evaluate((e) => [Number(e.getAttribute('data-value')), Number(e.getAttribute('data-limit'))]),
    available: await diagram.getByTestId('available-bar').evaluate((e) => [Number(e.getAttribute('data-value')), Number(e.getAttribute('data-limit'))]),
  });
  for (let i = 0; i < 10; i++) {
    const b = await bars();
    expect(b.surge[0]).toBeLessThanOrEqual(5);
    expect(b.surge[1]).toBe(5);
    expect(b.available[0]).toBeGreaterThanOrEqual(3);
    expect(b.available[1]).toBe(3);
    await page.waitForTimeout(150);
  }
  await expect(diagram.getByTestId('rollout-status')).toContainText('deployment "web" successfully rolled out', { timeout: 40_000 });
  await expect(diagram.getByTestId('rollout-decisions')).toContainText(/Scaled up web-[a-z0-9]+ from \d to \d \(maxSurge 1 → may create \d more\)/);
  await expect(diagram.getByTestId('rollout-decisions')).toContainText(/Scaled down web-[a-z0-9]+ from \d to \d \(maxUnavailable 1 → \d available may go\)/);
  await expect(diagram.locator('[data-testid="rollout-rs"][data-new="true"]')).toContainText('DESIRED 4 · READY 4 · AVAILABLE 4');
  await page.screenshot({ path: test.info().outputPath('rollout-en.png') });
  await page.getByTestId('language').selectOption('zh-CN');
  await expect(diagram.getByTestId('rollout-decisions')).toContainText('maxSurge 1 → 还可多建');
  await page.screenshot({ path: test.info().outputPath('rollout-zh-CN.png') });
});
