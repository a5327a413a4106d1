import { describe, expect, it } from 'vitest';
import table from '../../testdata/scheduler_cases.json';
import { SchedulerCache } from '../../cache/cache';
import { CycleState } from '../../framework/interface';
import { newPodInfo } from '../../framework/podInfo';
import { makeNode, makePod, type RequestTable } from '../../testing/wrappers';
import { BalancedAllocation } from './balancedAllocation';
import { Fit, type ScoringStrategyType } from './fit';

interface ScoreCase {
  id: string;
  plugin: string;
  scoringStrategy: string;
  resources: Array<{ name: string; weight: number }>;
  incomingPod: { containers: Array<{ requests: RequestTable }> };
  nodes: Array<{ name: string; allocatable: RequestTable }>;
  existingPods: Array<{ containers: Array<{ requests: RequestTable }>; nodeName: string }>;
  expectedScores: Record<string, number> | null;
}

// The 29 score cases of kubernetes v1.32 least_allocated_test.go, most_allocated_test.go and
// balanced_allocation_test.go, run through the real plugins on a real scheduler cache.
describe('NodeResourcesFit and NodeResourcesBalancedAllocation scores (upstream tables)', () => {
  for (const c of (table as { cases: ScoreCase[] }).cases) {
    it(c.id, () => {
      const cache = new SchedulerCache();
      for (const node of c.nodes) cache.addNode(makeNode(node.name, node.allocatable));
      c.existingPods.forEach((p, i) => cache.addPod(makePod(`existing-${i}`, p.containers.map((x) => x.requests), { nodeName: p.nodeName })));
      const pod = newPodInfo(makePod('incoming', c.incomingPod.containers.map((x) => x.requests)));
      const state = new CycleState();
      const plugin = c.plugin === 'NodeResourcesFit'
        ? new Fit({ scoringStrategy: { type: c.scoringStrategy as ScoringStrategyType, resources: c.resources } })
        : new BalancedAllocation(c.resources);
      if (plugin instanceof BalancedAllocation) {
        const skipped = plugin.preScore(state, pod)?.code === 'Skip';
        expect(skipped).toBe(c.expectedScores === null);
        if (skipped) return;
      }
      const scores = Object.fromEntries(c.nodes.map((n) => [n.name, plugin.score(state, pod, cache.nodeInfo(n.name)!)]));
      expect(scores).toEqual(c.expectedScores);
    });
  }
});
