// The controller-manager-leader-election scenario: what a learner must see, run headless.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_COMPONENTS } from '../engine/components';
import { loadScenario } from '../engine/scenario/load';
import { runScenario, type RunRecord } from '../engine/scenario/runScenario';

const TEXT = readFileSync(new URL('./controller-manager-leader-election.yaml', import.meta.url), 'utf8');

type Result = Extract<RunRecord, { type: 'result' }>;

function results(): Result[] {
  const loaded = loadScenario(TEXT, 'controller-manager-leader-election.yaml');
  if (!loaded.ok) throw new Error(loaded.error);
  const records: RunRecord[] = [];
  runScenario(loaded.scenario, { components: DEFAULT_COMPONENTS, onRecord: (r) => records.push(r) });
  return records.filter((r): r is Result => r.type === 'result');
}

describe('controller-manager-leader-election scenario', () => {
  it('kills the leader; nothing reconciles until a standby takes the Lease; then the Deployment rolls out', () => {
    const out = results();
    const at = (ms: number) => out.find((r) => r.t === ms)!;
    // Which replica wins the first race depends on request timing: find it, then follow it.
    const first = /^(kube-controller-manager(?:-[23])?)\s+(control-plane(?:-[23])?)\s+Running\s+yes$/m.exec(at(0).stdout);
    expect(first).not.toBeNull();
    const [, instance, host] = first!;
    expect(at(0).stdout.match(/Running\s+yes/g)).toHaveLength(2);
    expect(at(1000).stdout).toMatch(new RegExp(`^kube-controller-manager\\s+${host}_[0-9a-f-]{36}\\s+\\d+s$`, 'm'));
    expect(at(12_000).stderr).toBe('No resources found in default namespace.\n');
    expect(at(30_000).stdout).toMatch(new RegExp(`^${instance}\\s+${host}\\s+Stopped$`, 'm'));
    const next = /^(kube-controller-manager(?:-[23])?)\s+\S+\s+Running\s+yes$/m.exec(at(30_000).stdout);
    expect(next?.[1]).toBeDefined();
    expect(next![1]).not.toBe(instance);
    expect(at(31_000).stdout.match(/LeaderElection\s+lease\/kube-controller-manager/g)).toHaveLength(2);
    expect(at(32_000).stdout).toMatch(/^web\s+2\/2\s+2\s+2\s/m);
  });
});
