import { expect, test } from '@playwright/test';

test('keyboard: ? lists the shortcuts, digits switch diagrams, ← seeks back; every diagram shows its legend', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('cluster-map')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('cluster-map').getByTestId('legend')).toContainText('Running and ready');

  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toContainText('Back / forward 1 s');
  await expect(help.getByTestId('console-keys')).toContainText('Search earlier commands');
  await page.screenshot({ path: test.info().outputPath('shortcuts-help.png') });
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);

  await page.keyboard.press('5');
  await expect(page.getByTestId('raft-ring').getByTestId('legend')).toContainText('leader');
  await page.keyboard.press('1');
  await expect(page.getByTestId('cluster-map')).toBeVisible();

  // Pause, then ← moves the display one second back (history mode).
  await page.getByRole('button', { name: 'Pause' }).click();
  const before = await page.getByTestId('sim-time').textContent();
  await page.keyboard.press('Shift+ArrowLeft');
  await expect(page.getByTestId('sim-time')).not.toHaveText(before!);

  await page.getByLabel('Theme').selectOption('dark');
  await page.keyboard.press('5');
  await page.screenshot({ path: test.info().outputPath('raft-legend-dark.png') });
  await page.getByTestId('language').selectOption('zh-CN');
  await expect(page.getByTestId('raft-ring').getByTestId('legend')).toContainText('领导者');
});
