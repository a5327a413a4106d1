import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, test } from '@playwright/test';

const require = createRequire(import.meta.url);

test('the Mermaid export of the pod-creation sequence renders with the mermaid library', async ({ page, browser }) => {
  await page.goto('/');
  const terminal = page.getByRole('textbox', { name: /Terminal/ });
  await terminal.fill('kubectl create deployment web --image=nginx:1.27.3');
  await terminal.press('Enter');
  await page.getByRole('tab', { name: 'Pod creation sequence' }).click();
  await expect(page.getByTestId('sequence-step')).toHaveCount(17, { timeout: 30_000 });
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export Mermaid' }).click();
  const download = await downloading;
  const text = readFileSync((await download.path())!, 'utf8');
  expect(text.startsWith('sequenceDiagram\n')).toBe(true);
  expect(text).toContain('apiserver->>etcd: 3. persist Deployment in etcd');

  const renderer = await browser.newPage();
  await renderer.setContent('<!doctype html><html><body><div id="out"></div></body></html>');
  await renderer.addScriptTag({ path: require.resolve('mermaid/dist/mermaid.min.js') });
  const svg = await renderer.evaluate(async (definition) => {
    const mermaid = (window as unknown as { mermaid: { initialize(o: object): void; render(id: string, text: string): Promise<{ svg: string }> } }).mermaid;
    mermaid.initialize({ startOnLoad: false });
    const { svg } = await mermaid.render('sequence', definition);
    document.getElementById('out')!.innerHTML = svg;
    return svg;
  }, text);
  expect(svg).toContain('<svg');
  await expect(renderer.locator('#out svg')).toContainText('kube-apiserver');
  await expect(renderer.locator('#out svg')).toContainText('3. persist Deployment in etcd');
  await renderer.screenshot({ path: test.info().outputPath('mermaid-render.png'), fullPage: true });
});
