import { expect, test } from '@playwright/test';

test('the app boots a simulated cluster and answers kubectl in its terminal', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'k8sim' })).toBeVisible();
  const terminal = page.getByRole('textbox', { name: /Terminal|终端/ });
  await terminal.fill('kubectl get namespaces');
  await terminal.press('Enter');
  const log = page.getByRole('log');
  await expect(log).toContainText('kube-system');
  await expect(log).toContainText('Active');
  await page.screenshot({ path: test.info().outputPath('terminal.png') });
});

test('switches the interface to zh-CN', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('combobox').selectOption('zh-CN');
  await expect(page.getByText('Kubernetes v1.32，在浏览器中模拟运行。')).toBeVisible();
});
