import { expect, test } from '@playwright/test';

test('the Raft view shows one leader; killing it elects another at a higher term', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('tab', { name: 'etcd Raft' }).click();
  const ring = page.getByTestId('raft-ring');
  const leaders = ring.locator('[data-state="StateLeader"]');
  await expect(leaders).toHaveCount(1);
  const oldLeader = await leaders.getAttribute('data-testid');
  const oldTerm = Number(await leaders.getAttribute('data-term'));
  await page.screenshot({ path: test.info().outputPath('raft-before.png') });
  await ring.getByRole('button', { name: 'Kill the leader' }).click();
  await expect(page.getByRole('log')).toContainText('(leader) stopped');
  await expect(ring.locator(`[data-testid="${oldLeader}"]`)).toHaveAttribute('data-state', 'StateStopped');
  await expect(leaders).toHaveCount(1, { timeout: 15_000 });
  expect(await leaders.getAttribute('data-testid')).not.toBe(oldLeader);
  expect(Number(await leaders.getAttribute('data-term'))).toBeGreaterThan(oldTerm);
  await page.screenshot({ path: test.info().outputPath('raft-after.png') });
  await page.getByTestId('language').selectOption('zh-CN');
  await expect(ring).toContainText('领导者');
  await page.screenshot({ path: test.info().outputPath('raft-after-zh-CN.png') });
});

test('a member given a slow disk shows it on the ring, and its button fixes it again', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('tab', { name: 'etcd Raft' }).click();
  const ring = page.getByTestId('raft-ring');
  const row = ring.getByTestId('raft-row-etcd-1');
  await row.getByRole('button', { name: 'Slow disk' }).click();
  await expect(page.getByRole('log')).toContainText('etcd member etcd-1: fdatasync takes 800ms');
  await expect(ring.getByTestId('raft-disk-etcd-1')).toContainText('disk 800ms');
  await expect(ring.getByTestId('raft-disk-etcd-2')).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('raft-slow-disk.png') });
  await page.getByRole('tab', { name: 'Cluster map' }).click();
  await expect(page.getByTestId('etcd-disk-etcd-1')).toHaveText('disk 800ms');
  await page.getByRole('tab', { name: 'etcd Raft' }).click();
  await row.getByRole('button', { name: 'Fix disk' }).click();
  await expect(page.getByRole('log')).toContainText('etcd member etcd-1: disk back to normal');
  await expect(ring.getByTestId('raft-disk-etcd-1')).toHaveCount(0);
});

test("the apiserver's inspector reads its log: a write on a slow etcd disk shows up as a trace", async ({ page }) => {
  await page.goto('/');
  await page.getByRole('tab', { name: 'etcd Raft' }).click();
  // Every member slow: a write cannot commit without waiting for a slow fsync.
  for (const member of ['etcd-1', 'etcd-2', 'etcd-3']) {
    await page.getByTestId(`raft-row-${member}`).getByRole('button', { name: 'Slow disk' }).click();
    await expect(page.getByRole('log')).toContainText(`etcd member ${member}: fdatasync takes 800ms`);
  }
  await page.getByRole('tab', { name: 'Cluster map' }).click();
  await page.getByTestId('component-kube-apiserver').click();
  const inspector = page.getByTestId('inspector');
  await expect(inspector).toContainText('kube-apiserver');
  // The cluster's own writes (leases, events) meet the slow disk: the map flags the apiserver.
  await expect(page.getByTestId('apiserver-slow')).toContainText(/^slow \d/, { timeout: 15_000 });
  await inspector.getByRole('button', { name: /kubectl logs -n kube-system -l component=kube-apiserver/ }).click();
  await expect(page.getByRole('log')).toContainText('trace.go:236] Trace[', { timeout: 15_000 });
  await expect(page.getByRole('log')).toContainText('etcd3');
  await page.screenshot({ path: test.info().outputPath('apiserver-trace.png') });
});
