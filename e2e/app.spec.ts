import { test, expect } from '@playwright/test';

test('the app renders its title', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'k8sim' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('home.png') });
});
