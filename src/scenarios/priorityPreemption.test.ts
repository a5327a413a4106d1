// The priority-preemption scenario: a higher-priority pod evicts a lower-priority one, waits for
// its grace period on the nominated node, then runs there; the evicted pod's replacement stays Pending.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_COMPONENTS } from '../engine/components';
import { loadScenario } from '../engine/scenario/load';
import { runScenario, type RunRecord } from '../engine/scenario/runScenario';

type Result = RunRecord & { run: string; exit: number; stdout: string; stderr: string };

function run(trace = false): RunRecord[] {
  const loaded = loadScenario(readFileSync(new URL('./priority-preemption.yaml', import.meta.url), 'utf8'), 'priority-preemption.yaml');
  if (!loaded.ok) throw new Error(loaded.error);
  const records: RunRecord[] = [];
  runScenario(loaded.scenario, { trace, components: DEFAULT_COMPONENTS, onRecord: (r) => records.push(r) });
  return records;
}

describe('priority-preemption scenario', () => {
  const out = run().filter((r) => r.type === 'result') as Result[];
  const pods = out.filter((r) => r.run === 'kubectl get pods -o wide').map((r) => r.stdout);

  it('preempts one batch pod, nominates its node, and runs there after the victim\'s grace period', () => {
    const preempted = out.find((r) => r.run.startsWith('kubectl get events'))!.stdout;
    const [, victim, node] = /pod\/(batch-\S+)\s+Preempted by pod [0-9a-f-]{36} on node (node-[12])/.exec(preempted) ?? [];
    expect(victim).toBeDefined();
    expect(pods[1]).toMatch(new RegExp(`^${victim}\\s+1/1\\s+Terminating\\s.*${node}`, 'm'));
    expect(pods[1]).toMatch(new RegExp(`^critical\\s+0/1\\s+Pending\\s+0\\s+\\S+\\s+<none>\\s+<none>\\s+${node}\\s`, 'm'));
    expect(pods[2]).toMatch(new RegExp(`^critical\\s+1/1\\s+Running\\s+0\\s+\\S+\\s+\\S+\\s+${node}\\s`, 'm'));
    expect(pods[2]).not.toContain(victim);
    expect(pods[2].match(/^batch-\S+\s+0\/1\s+Pending\s/gm)).toHaveLength(1);
    expect(out.at(-1)!.stdout).toBe('1000000');
  });

  it('is byte-identical run to run, trace included', () => {
    expect(run(true).map((r) => JSON.stringify(r))).toEqual(run(true).map((r) => JSON.stringify(r)));
  });
});
