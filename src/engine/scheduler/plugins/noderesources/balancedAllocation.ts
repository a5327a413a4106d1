// Mirrors kubernetes pkg/scheduler/framework/plugins/noderesources/balanced_allocation.go (v1.32).
import type { CycleState, PreScorePlugin, ScorePlugin } from '../../framework/interface';
import type { NodeInfo } from '../../framework/nodeInfo';
import type { PodInfo } from '../../framework/podInfo';
import { MAX_NODE_SCORE, newStatus, type Status } from '../../framework/types';
import { NAMES } from '../names';
import { podRequestFor, ResourceAllocationScorer, type ResourceSpec } from './resourceAllocation';

export const DEFAULT_BALANCED_RESOURCES: readonly ResourceSpec[] = [{ name: 'cpu', weight: 1 }, { name: 'memory', weight: 1 }];

/**
 * NodeResourcesBalancedAllocation (weight 1) prefers nodes whose cpu and memory would be used in
 * equal proportion after placing the pod: score = (1 - std) * 100 of the usage fractions, with
 * std = |f1 - f2| / 2 for two resources. Best-effort pods (no requests) skip it in PreScore.
 *
 * Worked example: fractions 0.75 (cpu) and 0.5 (memory) → std 0.125 → int(87.5) = 87.
 */
export class BalancedAllocation implements PreScorePlugin, ScorePlugin {
  readonly name = NAMES.NodeResourcesBalancedAllocation;
  private readonly scorer: ResourceAllocationScorer;

  constructor(private readonly resources: readonly ResourceSpec[] = DEFAULT_BALANCED_RESOURCES) {
    this.scorer = new ResourceAllocationScorer(resources, true, balancedResourceScorer);
  }

  preScore(_state: CycleState, pod: PodInfo): Status | null {
    for (const resource of this.resources) if (podRequestFor(pod, resource.name, true) !== 0) return null;
    return newStatus('Skip', this.name);
  }

  score(_state: CycleState, pod: PodInfo, node: NodeInfo): number {
    return this.scorer.score(pod, node);
  }
}

/** balancedResourceScorer: fractions capped at 1, population standard deviation for > 2 resources. */
export function balancedResourceScorer(requested: number[], allocatable: number[]): number {
  let count = 0;
  let total = 0;
  let first = 0;
  let second = 0;
  for (let i = 0; i < requested.length; i++) {
    if (allocatable[i] === 0) continue;
    const fraction = Math.min(requested[i] / allocatable[i], 1);
    if (count === 0) first = fraction;
    else if (count === 1) second = fraction;
    total += fraction;
    count++;
  }
  let std = 0;
  if (count === 2) std = Math.abs((first - second) / 2);
  else if (count > 2) {
    const mean = total / count;
    let sum = 0;
    for (let i = 0; i < requested.length; i++) {
      if (allocatable[i] === 0) continue;
      const deviation = Math.min(requested[i] / allocatable[i], 1) - mean;
      sum += deviation * deviation;
    }
    std = Math.sqrt(sum / count);
  }
  return Math.trunc((1 - std) * MAX_NODE_SCORE);
}
