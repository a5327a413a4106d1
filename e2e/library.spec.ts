import { expect, test } from '@playwright/test';

test('opens a narrated scenario from the library in its diagram and follows its chapters', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Scenarios' }).click();
  await page.getByTestId('library-rolling-update').click();
  await expect(page.getByRole('tab', { name: 'Rollout' })).toHaveAttribute('aria-selected', 'true');
  const narration = page.getByTestId('narration');
  await expect(narration).toContainText('Rolling update and rollback');
  await expect(narration.getByTestId('narration-text')).toContainText('Six replicas of nginx 1.27.3');
  await page.getByTestId('speed').selectOption('20');
  await expect(narration.getByTestId('narration-text')).toContainText('A new ReplicaSet appears', { timeout: 20_000 });
  await expect(page.getByTestId('rollout-diagram').getByTestId('rollout-rs')).toHaveCount(2);
  await page.screenshot({ path: test.info().outputPath('library-rolling-update.png') });
  await page.getByTestId('language').selectOption('zh-CN');
  await expect(narration).toContainText('滚动更新与回滚');
  await page.screenshot({ path: test.info().outputPath('library-rolling-update-zh-CN.png') });
});
