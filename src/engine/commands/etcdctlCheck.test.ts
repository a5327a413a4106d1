import { describe, expect, it } from 'vitest';
import { Cluster } from '../cluster';
import { clusterSpec, nodesFromCount } from '../clusterSpec';
import { DEFAULT_COMPONENTS } from '../components';
import { loadCase } from '../etcdctl/testdata/loadCase';
import { runCommands } from '../testing/runCommands';

const boot = (etcdMembers = 1) => Cluster.boot(clusterSpec({ seed: 7, nodes: nodesFromCount(1), etcdMembers, kubeSystem: true }), DEFAULT_COMPONENTS);

/** verdicts: the result lines with the measured numbers blanked. */
const verdicts = (text: string) => text.replace(/[\d.]+s$/gm, 'Ns').replace(/\d+ writes\/s/, 'N writes/s');

// etcdctl 3.4.23 `check perf` (testdata recorded by src/tools/fixtures/etcd/make-check-fixtures.sh).
describe('etcdctl check perf', () => {
  it('writes the small load for 60 s through etcd and prints the verdicts as etcdctl does', () => {
    const golden = loadCase('check_perf');
    const cluster = boot();
    const start = cluster.sim.nowMs;
    const [perf, left] = runCommands(cluster, ['etcdctl check perf', 'etcdctl get /etcdctl-check-perf/ --prefix --keys-only']);
    expect(cluster.sim.nowMs - start).toBeGreaterThanOrEqual(60_000);
    expect(perf.exit).toBe(golden.exitCode);
    // The progress bar ends at its final state; the verdicts follow as etcdctl prints them.
    expect(perf.stdout.split('\n')[0]).toBe(' 60 / 60  100.00% 1m0s');
    expect(verdicts(perf.stdout.slice(perf.stdout.indexOf('\n') + 1))).toBe(verdicts(golden.stdout));
    expect(perf.stdout).toContain('PASS: Throughput is 150 writes/s\n');
    // The check deletes its keys afterwards.
    expect(left.stdout).toBe('');
  });

  it.each(['err_check_perf_load', 'check_no_sub'])('answers %s as etcdctl 3.4 does', (name) => {
    const golden = loadCase(name);
    const [out] = runCommands(boot(), [`etcdctl ${golden.args.filter((a) => !a.startsWith('--endpoints')).join(' ')}`]);
    expect(out).toEqual({ stdout: golden.stdout, stderr: golden.stderr, exit: golden.exitCode });
  });

  it('refuses a prefix that already has keys', () => {
    const golden = loadCase('err_check_perf_prefix');
    const [, out] = runCommands(boot(), ['etcdctl put /etcdctl-check-perf/left-over x', 'etcdctl check perf']);
    expect(out).toEqual({ stdout: '', stderr: golden.stderr, exit: golden.exitCode });
  });

  it('fails on throughput when the cluster loses quorum during the run', () => {
    const cluster = boot(3);
    const proc = cluster.exec('etcdctl check perf');
    cluster.runUntil(cluster.sim.nowMs + 20_000);
    runCommands(cluster, ['sim etcd stop etcd-2', 'sim etcd stop etcd-3']);
    cluster.sim.runWhile(() => !proc.done.isSettled, cluster.sim.nowMs + 200_000);
    expect(proc.done.value.exit).toBe(1);
    expect(proc.done.value.stdout).toMatch(/^FAIL: Throughput too low: \d+ writes\/s$/m);
    expect(proc.done.value.stdout.endsWith('FAIL\n')).toBe(true);
  });
});
