// etcdctl endpoint health/status against etcd 3.4.23 with quorum lost (testdata/quorum_lost_*,
// recorded by src/tools/fixtures/etcd/make-fixtures.sh on 127.0.0.1): the survivor can't serve
// the linearizable Get, so every endpoint is unhealthy at --command-timeout.
import { describe, expect, it } from 'vitest';
import { Cluster } from '../cluster';
import { clusterSpec, nodesFromCount } from '../clusterSpec';
import { DEFAULT_COMPONENTS } from '../components';
import { loadCase } from '../etcdctl/testdata/loadCase';
import { runCommands } from '../testing/runCommands';

const boot = () => Cluster.boot(clusterSpec({ seed: 3, nodes: nodesFromCount(1), etcdMembers: 3, kubeSystem: true }), DEFAULT_COMPONENTS);

/** shape: a transcript with times, client uuids, took values and endpoint addresses made neutral, lines sorted. */
const shape = (text: string) =>
  text
    .replace(/"ts":"[^"]+"/g, '"ts":"TS"')
    .replace(/client-[0-9a-f-]{36}/g, 'client-UUID')
    .replace(/(took = |\| +)[0-9.]+(ms|s)( \|)?/g, '$1TOOK$3')
    .replace(/(https?:\/\/)?(127\.0\.0\.1|10\.0\.0\.\d+):\d+/g, 'EP')
    .split('\n')
    .sort()
    .join('\n');

/** cells: a table's rows as trimmed cells, with the TOOK column's durations made neutral. */
const cells = (table: string) =>
  table
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .map((line) => line.split('|').map((c) => c.trim().replace(/^[0-9.]+(ms|s)$/, 'TOOK')));

describe('etcdctl endpoint health (ctlv3/command/ep_command.go epHealthCommandFunc)', () => {
  it('reports every member healthy in a few milliseconds while the cluster has a leader', () => {
    const [health] = runCommands(boot(), ['etcdctl endpoint health']);
    expect(health.exit).toBe(0);
    const took = [...health.stderr.matchAll(/^https:\/\/10\.0\.0\.\d:2379 is healthy: successfully committed proposal: took = ([\d.]+)ms$/gm)];
    expect(took).toHaveLength(3);
    for (const [, ms] of took) expect(Number(ms)).toBeLessThan(20);
  });

  it('finds every endpoint unhealthy once quorum is lost, the survivor included, as etcd 3.4.23 does', () => {
    const cluster = boot();
    const golden = loadCase('quorum_lost_endpoint_health');
    const [, , health] = runCommands(cluster, ['sim etcd stop etcd-2', 'sim etcd stop etcd-3', { run: ['etcdctl', ...golden.args.filter((a) => !a.startsWith('--endpoints='))].join(' '), advanceMs: 3_000 }]);
    expect(health.exit).toBe(golden.exitCode);
    expect(shape(health.stderr)).toBe(shape(golden.stderr));
    expect(health.stdout).toBe('');
  });

  it('waits out --command-timeout for all endpoints at once, and honours --endpoints', () => {
    const cluster = boot();
    const golden = loadCase('quorum_lost_endpoint_health_table');
    runCommands(cluster, ['sim etcd stop etcd-2', { run: 'sim etcd stop etcd-3', advanceMs: 0 }, { run: 'true', advanceMs: 3_000 }]);
    const start = cluster.sim.nowMs;
    const [table] = runCommands(cluster, [['etcdctl', ...golden.args].join(' ')]);
    expect(cluster.sim.nowMs - start).toBeGreaterThanOrEqual(2_000);
    expect(cluster.sim.nowMs - start).toBeLessThan(2_100);
    expect(cells(table.stdout)).toEqual(cells(golden.stdout));
    expect(shape(table.stderr)).toBe(shape(golden.stderr));
  });

  it('is healthy again after the members come back and elect a leader', () => {
    const cluster = boot();
    const [, , , , , health] = runCommands(cluster, ['sim etcd stop etcd-2', 'sim etcd stop etcd-3', { run: 'true', advanceMs: 3_000 }, 'sim etcd start etcd-2', { run: 'sim etcd start etcd-3', advanceMs: 100 }, { run: 'etcdctl endpoint health', advanceMs: 5_000 }]);
    expect(health.exit).toBe(0);
  });
});

describe('etcdctl endpoint status with quorum lost', () => {
  it('answers from the survivor with "etcdserver: no leader" and fails the stopped members one after another', () => {
    const cluster = boot();
    const golden = loadCase('quorum_lost_endpoint_status_table');
    runCommands(cluster, ['sim etcd stop etcd-2', 'sim etcd stop etcd-3', { run: 'true', advanceMs: 3_000 }]);
    const start = cluster.sim.nowMs;
    const [status] = runCommands(cluster, [['etcdctl', ...golden.args.filter((a) => !a.startsWith('--endpoints='))].join(' ')]);
    expect(cluster.sim.nowMs - start).toBeGreaterThanOrEqual(4_000);
    expect(status.exit).toBe(golden.exitCode);
    expect(shape(status.stderr)).toBe(shape(golden.stderr));
    const row = (text: string) => text.split('\n').find((l) => l.includes('no leader'))!.split('|').map((c) => c.trim());
    // VERSION, IS LEADER, IS LEARNER and ERRORS; sizes, terms and indexes are this cluster's own.
    const pick = (cells: string[]) => [3, 5, 6, 10].map((i) => cells[i]);
    expect(pick(row(status.stdout))).toEqual(pick(row(golden.stdout)));
  });
});
