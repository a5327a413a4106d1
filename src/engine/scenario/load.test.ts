import { describe, expect, it } from 'vitest';
import { loadScenario } from './load';

const header = 'apiVersion: k8sim.dev/v1alpha1\nkind: Scenario\nmetadata: {name: demo}\n';

describe('loadScenario', () => {
  it('names the file, the step and the field of every problem', () => {
    const text = `${header}spec:\n  steps:\n    - at: 0s\n      run: kubectl get pods\n    - at: 5x\n      run: kubectl get nodes\n    - at: 6s\n      rn: oops\n`;
    const result = loadScenario(text, 'demo.yaml');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.split('\n')).toEqual([
      'demo.yaml: spec.steps[1].at: invalid duration "5x" (write it with a unit: 500ms, 30s, 2m, 1h)',
      'demo.yaml: spec.steps[2]: Unrecognized key: "rn"',
    ]);
  });

  it('reports YAML syntax errors with line and column', () => {
    const result = loadScenario(`${header}spec:\n  steps: [\n`, 'broken.yaml');
    expect(!result.ok && result.error).toMatch(/^broken\.yaml:\d+:\d+: /);
  });

  it('refuses an etcd election timeout under 5 heartbeats, as etcd does, and passes snapshotCount on', () => {
    const bad = loadScenario(`${header}spec:\n  cluster:\n    etcd: {heartbeatInterval: 100ms, electionTimeout: 300ms}\n  steps: []\n`, 'etcd.yaml');
    expect(!bad.ok && bad.error).toBe('etcd.yaml: spec.cluster.etcd.electionTimeout: etcd: --election-timeout should be at least as 5 times as --heartbeat-interval');
    const good = loadScenario(`${header}spec:\n  cluster:\n    etcd: {members: 5, snapshotCount: 50}\n  steps: []\n`, 'etcd.yaml');
    expect(good.ok && good.scenario.cluster.etcd).toEqual({ members: 5, heartbeatIntervalMs: 100, electionTimeoutMs: 1000, preVote: false, snapshotCount: 50 });
  });

  it('refuses steps out of time order', () => {
    const result = loadScenario(`${header}spec:\n  steps:\n    - {at: 5s, run: a}\n    - {at: 1s, run: b}\n`, 'order.yaml');
    expect(!result.ok && result.error).toBe('order.yaml: spec.steps[1].at: steps must be in time order (this step is earlier than step 0)');
  });

  it('defaults the cluster: seed 1, node-1..node-3 with 4 CPUs and 8Gi, 3 etcd members, 100ms/1000ms', () => {
    const result = loadScenario(`${header}spec:\n  steps: []\n`, 'min.yaml');
    if (!result.ok) throw new Error(result.error);
    const { cluster } = result.scenario;
    expect(cluster.seed).toBe(1);
    expect(cluster.nodes.map((n) => [n.name, n.cpu, n.memory])).toEqual([['node-1', '4', '8Gi'], ['node-2', '4', '8Gi'], ['node-3', '4', '8Gi']]);
    expect(cluster.etcd).toEqual({ members: 3, heartbeatIntervalMs: 100, electionTimeoutMs: 1000, preVote: false });
  });
});
