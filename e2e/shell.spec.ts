import { expect, test } from '@playwright/test';

test('kubectl exec -it opens a shell in the container until exit', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto('/');
  const terminal = page.getByRole('textbox', { name: /Terminal/ });
  const log = page.getByRole('log');
  await terminal.fill('kubectl run web --image=busybox:1.36 -- sleep 3600');
  await terminal.press('Enter');
  await expect(log).toContainText('pod/web created');
  await terminal.fill('kubectl wait --for=condition=Ready pod/web --timeout=60s');
  await terminal.press('Enter');
  await expect(log).toContainText('pod/web condition met', { timeout: 30_000 });

  await terminal.fill('kubectl exec -it web -- sh');
  await terminal.press('Enter');
  await expect(page.getByTestId('console-prompt')).toHaveText('/ #');
  await expect(page.getByTestId('shell-hint')).toContainText('exec web');
  await terminal.fill('hostname && cat /etc/resolv.conf');
  await terminal.press('Enter');
  await expect(log).toContainText('/ # hostname && cat /etc/resolv.conf');
  await expect(log).toContainText(/web\nsearch default\.svc\.cluster\.local svc\.cluster\.local cluster\.local/);
  await terminal.fill('nslookup kubernetes.default.svc.cluster.local');
  await terminal.press('Enter');
  await expect(log).toContainText('Address: 10.96.0.1');
  await page.screenshot({ path: test.info().outputPath('shell.png') });
  await terminal.fill('exit');
  await terminal.press('Enter');
  await expect(page.getByTestId('console-prompt')).toHaveText('$');
  await expect(page.getByTestId('shell-hint')).toHaveCount(0);
});
