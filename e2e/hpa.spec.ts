import { expect, test } from '@playwright/test';

test('the HPA chart shows utilization, replicas and the formula with live numbers as load scales the deployment up', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/');
  await page.getByTestId('speed').selectOption('20');
  const terminal = page.getByRole('textbox', { name: /Terminal/ });
  for (const line of [
    'kubectl create deployment php-apache --image=registry.k8s.io/hpa-example',
    'kubectl set resources deployment php-apache --requests=cpu=200m',
    'kubectl autoscale deployment php-apache --cpu-percent=50 --min=1 --max=10',
    'sim load deployment/php-apache --total-cpu=1000m',
  ]) {
    await terminal.fill(line);
    await terminal.press('Enter');
  }
  await page.getByRole('tab', { name: 'HPA' }).click();
  const chart = page.getByTestId('hpa-chart');
  await expect(chart).toContainText('HorizontalPodAutoscaler: php-apache');
  await expect(chart.getByTestId('hpa-formula')).toContainText(/desired = ceil\(\d+ × \d+% \/ 50%\) = \d+/, { timeout: 40_000 });
  await expect(chart.getByTestId('hpa-formula')).toContainText(/current replicas [2-9]|current replicas 10/, { timeout: 40_000 });
  await expect(chart.getByTestId('stabilization-window')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('hpa-en.png') });
  await page.getByTestId('language').selectOption('zh-CN');
  await expect(chart).toContainText('缩容稳定窗口');
  await page.screenshot({ path: test.info().outputPath('hpa-zh-CN.png') });
});
