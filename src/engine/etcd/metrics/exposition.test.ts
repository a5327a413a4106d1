// An etcd member's /metrics page (curl http://127.0.0.1:2381/metrics on a kubeadm control plane)
// against etcd 3.4.23's own page on this machine (testdata/metrics_3.4.txt, made by
// src/tools/fixtures/etcd/make-metrics-fixture.sh).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../cluster';
import { clusterSpec, nodesFromCount } from '../../clusterSpec';
import { DEFAULT_COMPONENTS } from '../../components';
import { runCommands } from '../../testing/runCommands';

const real = readFileSync(resolve(process.cwd(), 'src/engine/etcd/testdata/metrics_3.4.txt'), 'utf8').split('\n');
const boot = (seed = 23) => Cluster.boot(clusterSpec({ seed, nodes: nodesFromCount(1), etcdMembers: 3, kubeSystem: true }), DEFAULT_COMPONENTS);

/** sample reads one sample's value from a page. */
function sample(page: string, name: string): number {
  const line = page.split('\n').find((l) => l.startsWith(`${name} `));
  if (!line) throw new Error(`no sample ${name}`);
  return Number(line.slice(name.length + 1));
}

describe("etcd's /metrics page", () => {
  const cluster = boot();
  const [page] = runCommands(cluster, [{ advanceMs: 20_000, run: 'curl -s http://127.0.0.1:2381/metrics' }]);
  const lines = page.stdout.split('\n');

  it('writes each family with the HELP and TYPE lines etcd 3.4.23 writes, in its order', () => {
    const heads = lines.filter((l) => l.startsWith('# '));
    expect(heads.length).toBeGreaterThanOrEqual(30);
    for (const head of heads) expect(real).toContain(head);
    const order = (names: string[]) => names.map((h) => real.indexOf(h));
    expect(order(heads)).toEqual([...order(heads)].sort((a, b) => a - b));
  });

  it('writes the disk histograms with etcd\'s buckets (1 ms doubling to 8.192 s) and the default quota', () => {
    const bounds = (text: string[], name: string) => text.filter((l) => l.startsWith(`${name}_bucket`)).map((l) => /le="([^"]+)"/.exec(l)![1]);
    for (const name of ['etcd_disk_wal_fsync_duration_seconds', 'etcd_disk_backend_commit_duration_seconds']) expect(bounds(lines, name)).toEqual(bounds(real, name));
    expect(lines).toContain(real.find((l) => l.startsWith('etcd_server_quota_backend_bytes '))!);
    expect(lines).toContain('etcd_server_version{server_version="3.4.23"} 1');
  });

  it('counts a fast disk\'s fsyncs under 1 ms, a leader, and the Raft indexes etcdctl reports', () => {
    expect(sample(page.stdout, 'etcd_disk_wal_fsync_duration_seconds_bucket{le="0.001"}')).toBe(sample(page.stdout, 'etcd_disk_wal_fsync_duration_seconds_count'));
    expect(sample(page.stdout, 'etcd_disk_wal_fsync_duration_seconds_count')).toBeGreaterThan(10);
    expect(sample(page.stdout, 'etcd_server_has_leader')).toBe(1);
    expect(sample(page.stdout, 'etcd_server_leader_changes_seen_total')).toBe(1);
    const member = cluster.etcd.memberViews().find((m) => m.clientURL.includes('//10.0.0.2:'))!;
    expect(sample(page.stdout, 'etcd_server_proposals_committed_total')).toBe(member.raftIndex);
    expect(sample(page.stdout, 'etcd_server_proposals_applied_total')).toBe(member.raftAppliedIndex);
  });
});

describe("etcd's /metrics under faults", () => {
  it('a slow disk moves the fsyncs into the 1.024 s bucket and counts the slow applies', () => {
    const cluster = boot();
    const [, , after] = runCommands(cluster, [
      'sim etcd disk all 800ms',
      { advanceMs: 1_000, run: 'kubectl create configmap slow --from-literal=a=b' },
      { advanceMs: 5_000, run: 'curl -s http://127.0.0.1:2381/metrics' },
    ]);
    const slow = sample(after.stdout, 'etcd_disk_wal_fsync_duration_seconds_bucket{le="1.024"}') - sample(after.stdout, 'etcd_disk_wal_fsync_duration_seconds_bucket{le="0.512"}');
    expect(slow).toBeGreaterThan(0);
    expect(sample(after.stdout, 'etcd_server_slow_apply_total')).toBeGreaterThan(0);
  });

  it('a new leader is a leader change seen, and a stopped member has no page', () => {
    const cluster = boot(3);
    const local = cluster.etcd.memberViews().find((m) => m.clientURL.includes('//10.0.0.2:'))!.name;
    runCommands(cluster, [{ advanceMs: 5_000, run: 'true' }]);
    // With this seed another member leads: stopping it makes the local member see a second leader.
    expect(cluster.etcd.leader()?.name).not.toBe(local);
    const [, page] = runCommands(cluster, ['sim etcd stop leader', { advanceMs: 5_000, run: 'curl -s http://127.0.0.1:2381/metrics' }]);
    expect(sample(page.stdout, 'etcd_server_leader_changes_seen_total')).toBe(2);
    const [, down] = runCommands(cluster, [`sim etcd stop ${local}`, 'curl -s http://127.0.0.1:2381/metrics']);
    expect(down).toMatchObject({ exit: 7, stderr: "curl: (7) Failed to connect to 127.0.0.1 port 2381 after 0 ms: Couldn't connect to server\n" });
  });
});
