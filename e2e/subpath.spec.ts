import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

// Issue #6: the build works under any sub-path. The page is served as if dist/ (built by the
// web server command) were copied to /courses/k8s/ of a plain static host: a request there is
// answered with the file under dist/ (a directory with its index.html, else 404), and any
// request outside the sub-path is refused, as it would be a 404 on that host.
test('the app and an embed load from a sub-path of a static host', async ({ page, baseURL }) => {
  const outside: string[] = [];
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== new URL(baseURL!).origin) return route.continue();
    if (!url.pathname.startsWith('/courses/k8s/')) {
      outside.push(url.pathname);
      return route.abort();
    }
    let file = join('dist', decodeURIComponent(url.pathname.slice('/courses/k8s/'.length)));
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return route.fulfill({ status: 404, body: 'Not Found' });
    return route.fulfill({ path: file });
  });

  await page.goto('/courses/k8s/');
  await expect(page.getByRole('textbox', { name: /Terminal/ })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('node-1').first()).toBeVisible({ timeout: 30_000 });

  await page.goto('/courses/k8s/embed/?scenario=rolling-update&view=rollout');
  await expect(page.getByTestId('sim-time')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(outside).toEqual([]);
});
