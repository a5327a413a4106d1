// The etcd-leader-failover scenario: determinism (trace included) and what a learner must see.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_COMPONENTS } from '../engine/components';
import { loadScenario } from '../engine/scenario/load';
import { runScenario, type RunRecord } from '../engine/scenario/runScenario';

const TEXT = readFileSync(new URL('./etcd-leader-failover.yaml', import.meta.url), 'utf8');

function run(trace: boolean): RunRecord[] {
  const loaded = loadScenario(TEXT, 'etcd-leader-failover.yaml');
  if (!loaded.ok) throw new Error(loaded.error);
  const records: RunRecord[] = [];
  runScenario(loaded.scenario, { trace, components: DEFAULT_COMPONENTS, onRecord: (r) => records.push(r) });
  return records;
}

describe('etcd-leader-failover scenario', () => {
  it('is byte-identical run to run, Raft trace included', () => {
    expect(run(true).map((r) => JSON.stringify(r))).toEqual(run(true).map((r) => JSON.stringify(r)));
  });

  it('shows the failover: a write during it fails with etcd\'s error, the survivors elect a leader, the member rejoins', () => {
    const records = run(true);
    const results = records.filter((r) => r.type === 'result') as Array<RunRecord & { run: string; exit: number; stdout: string; stderr: string }>;
    const byRun = (run: string, index = 0) => results.filter((r) => r.run === run)[index];
    expect(byRun('sim etcd stop leader').stdout).toMatch(/^etcd member etcd-\d \(leader\) stopped\n$/);
    const during = byRun('kubectl scale deployment web --replicas=5', 0);
    // kubectl scale first reads the Deployment (a consistent read: etcd ReadIndex, which fails with
    // "leader changed" across an election in etcd 3.4), then writes it (a proposal: timeout).
    expect([0, 'Error from server: etcdserver: leader changed\n', 'Error from server: etcdserver: request timed out, possibly due to previous leader failure\n']).toContain(during.exit === 0 ? 0 : during.stderr);
    expect(byRun('kubectl scale deployment web --replicas=5', 1).exit).toBe(0);
    expect(byRun('etcdctl endpoint status -w table', 1).stderr).toContain('connect: connection refused');
    expect(byRun('etcdctl endpoint status -w table', 2).exit).toBe(0);
    expect(byRun('kubectl get deployment web').stdout).toMatch(/web\s+5\/5/);
    const kinds = new Set(records.filter((r) => r.type === 'event').map((r) => (r as unknown as { kind: string }).kind));
    for (const kind of ['raft.become', 'raft.msg.send', 'raft.msg.recv', 'raft.msg.drop', 'raft.append', 'raft.hardstate', 'raft.apply', 'raft.lead', 'etcd.member.stop', 'etcd.member.start']) {
      expect(kinds).toContain(kind);
    }
  });
});
