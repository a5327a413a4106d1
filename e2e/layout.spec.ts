import { expect, test } from '@playwright/test';
import { openTerminal } from './terminal';

test('the side panel can be widened by dragging or with the keys, and keeps its width; wide tables do not wrap', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  const { log, type } = await openTerminal(page);
  await type('kubectl get nodes -o wide');
  await expect(log).toContainText('CONTAINER-RUNTIME');

  // A wide table keeps one row per line: its header line is one line high, scrolled sideways.
  const table = log.locator('pre').last();
  const lineHeight = await table.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
  const tableHeight = await table.evaluate((el) => el.getBoundingClientRect().height);
  const rows = (await table.textContent())!.trimEnd().split('\n').length;
  expect(Math.round(tableHeight / lineHeight)).toBe(rows);

  const splitter = page.getByRole('separator', { name: 'Resize the side panel' });
  await expect(splitter).toHaveAttribute('aria-valuenow', '416');
  const box = (await splitter.boundingBox())!;
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x - 200, y, { steps: 4 });
  await page.mouse.up();
  await expect(splitter).toHaveAttribute('aria-valuenow', '616');
  expect((await page.getByRole('log').boundingBox())!.width).toBeGreaterThan(560);

  // ← → move the splitter, not the player's clock (← elsewhere seeks back one second).
  await page.getByRole('button', { name: 'Pause' }).click();
  const paused = await page.getByTestId('sim-time').textContent();
  await splitter.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(splitter).toHaveAttribute('aria-valuenow', '632');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(splitter).toHaveAttribute('aria-valuenow', '600');
  await expect(page.getByTestId('sim-time')).toHaveText(paused!);
  // End stops where the diagram keeps its 360 px.
  await page.keyboard.press('End');
  const widest = Number(await splitter.getAttribute('aria-valuenow'));
  expect(widest).toBeGreaterThan(900);
  await page.keyboard.press('Home');
  await expect(splitter).toHaveAttribute('aria-valuenow', '300');

  await page.keyboard.press('Shift+ArrowLeft');
  await expect(splitter).toHaveAttribute('aria-valuenow', '396');
  await page.reload();
  await expect(page.getByRole('separator', { name: 'Resize the side panel' })).toHaveAttribute('aria-valuenow', '396');
  await page.getByRole('separator', { name: 'Resize the side panel' }).dblclick();
  await expect(page.getByRole('separator', { name: 'Resize the side panel' })).toHaveAttribute('aria-valuenow', '416');
});
