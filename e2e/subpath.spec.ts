import { expect, test } from '@playwright/test';

// Issue #6: the build works under any sub-path. The page is served as if dist/ were hosted at
// /courses/k8s/ of a static host: requests there are answered with the preview server's root
// files, and any request outside the sub-path is refused (it would be a 404 on that host).
test('the app and an embed load from a sub-path of a static host', async ({ page, baseURL }) => {
  const outside: string[] = [];
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== new URL(baseURL!).origin) return route.continue();
    if (!url.pathname.startsWith('/courses/k8s/')) {
      outside.push(url.pathname);
      return route.abort();
    }
    const response = await route.fetch({ url: `${baseURL}${url.pathname.replace('/courses/k8s', '')}${url.search}` });
    await route.fulfill({ response });
  });

  await page.goto('/courses/k8s/');
  await expect(page.getByRole('textbox', { name: /Terminal/ })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('node-1').first()).toBeVisible({ timeout: 30_000 });

  await page.goto('/courses/k8s/embed/?scenario=rolling-update&view=rollout');
  await expect(page.getByTestId('sim-time')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(outside).toEqual([]);
});
