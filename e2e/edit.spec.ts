import { expect, test } from '@playwright/test';
import { openTerminal } from './terminal';

test('kubectl edit opens the editor dialog; the saved change reaches the cluster and a second edit can be quit', async ({ page }) => {
  test.setTimeout(60_000);
  const { log, type } = await openTerminal(page);
  await type('kubectl create deployment web --image=nginx:1.25 --replicas=2');
  await expect(log).toContainText('deployment.apps/web created');

  await type('kubectl edit deployment web');
  const dialog = page.getByRole('dialog', { name: /Editor: \/tmp\/kubectl-edit-\d+\.yaml/ });
  await expect(dialog).toBeVisible();
  const editor = dialog.getByRole('textbox');
  await expect(editor).toHaveValue(/^# Please edit the object below\./);
  await expect(editor).toHaveValue(/image: nginx:1\.25/);
  await editor.fill((await editor.inputValue()).replace('image: nginx:1.25', 'image: nginx:1.26'));
  await editor.press('Control+s');
  await expect(dialog).toHaveCount(0);
  await expect(log).toContainText('deployment.apps/web edited');

  await type("kubectl get deploy web -o jsonpath='{.spec.template.spec.containers[0].image}'");
  await expect(log).toContainText("image}'nginx:1.26");

  await type('kubectl edit deploy/web');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('textbox').press('Escape');
  await expect(log).toContainText('Edit cancelled, no changes made.');
  await page.screenshot({ path: test.info().outputPath('edit.png') });
});
