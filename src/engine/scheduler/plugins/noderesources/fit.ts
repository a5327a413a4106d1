// Mirrors kubernetes pkg/scheduler/framework/plugins/noderesources/fit.go (v1.32).
import type { CycleState, FilterPlugin, ScorePlugin } from '../../framework/interface';
import type { NodeInfo } from '../../framework/nodeInfo';
import type { PodInfo } from '../../framework/podInfo';
import type { Status } from '../../framework/types';
import { NAMES } from '../names';
import { leastResourceScorer } from './leastAllocated';
import { mostResourceScorer } from './mostAllocated';
import { ResourceAllocationScorer, type ResourceSpec, type Scorer } from './resourceAllocation';

export type ScoringStrategyType = 'LeastAllocated' | 'MostAllocated';

/** FitArgs is NodeResourcesFitArgs.scoringStrategy (defaults: LeastAllocated, cpu 1, memory 1). */
export interface FitArgs {
  scoringStrategy: { type: ScoringStrategyType; resources: readonly ResourceSpec[] };
}

export const DEFAULT_FIT_ARGS: FitArgs = {
  scoringStrategy: { type: 'LeastAllocated', resources: [{ name: 'cpu', weight: 1 }, { name: 'memory', weight: 1 }] },
};

const SCORERS: Record<ScoringStrategyType, Scorer> = { LeastAllocated: leastResourceScorer, MostAllocated: mostResourceScorer };

/**
 * NodeResourcesFit rejects nodes whose allocatable minus what their pods request cannot hold the
 * pod's requests ("Insufficient cpu", "Too many pods", ...: every shortage is a reason, so a
 * node short of both cpu and memory counts twice in the FitError histogram) and scores the rest
 * with the configured strategy (weight 1).
 */
export class Fit implements FilterPlugin, ScorePlugin {
  readonly name = NAMES.NodeResourcesFit;
  private readonly scorer: ResourceAllocationScorer;

  constructor(args: FitArgs = DEFAULT_FIT_ARGS) {
    this.scorer = new ResourceAllocationScorer(args.scoringStrategy.resources, false, SCORERS[args.scoringStrategy.type]);
  }

  filter(_state: CycleState, pod: PodInfo, node: NodeInfo): Status | null {
    const reasons = insufficientResources(pod, node);
    return reasons === undefined ? null : { code: 'Unschedulable', reasons, plugin: this.name };
  }

  score(_state: CycleState, pod: PodInfo, node: NodeInfo): number {
    return this.scorer.score(pod, node);
  }

  eventsToRegister() {
    return [
      { resource: 'AssignedPod', action: 'Delete' },
      { resource: 'AssignedPod', action: 'UpdatePodScaleDown' },
      { resource: 'Node', action: 'Add' },
      { resource: 'Node', action: 'UpdateNodeAllocatable' },
    ] as const;
  }
}

/** insufficientResources is fitsRequest: the reasons a node cannot hold the pod, or undefined. */
export function insufficientResources(pod: PodInfo, node: NodeInfo): string[] | undefined {
  let reasons: string[] | undefined;
  const allocatable = node.allocatable;
  if (node.pods.size + 1 > allocatable.allowedPodNumber) (reasons ??= []).push('Too many pods');
  const request = pod.requests;
  if (request.milliCPU === 0 && request.memory === 0 && request.ephemeralStorage === 0 && !request.scalar) return reasons;
  const requested = node.requested;
  if (request.milliCPU > 0 && request.milliCPU > allocatable.milliCPU - requested.milliCPU) (reasons ??= []).push('Insufficient cpu');
  if (request.memory > 0 && request.memory > allocatable.memory - requested.memory) (reasons ??= []).push('Insufficient memory');
  if (request.ephemeralStorage > 0 && request.ephemeralStorage > allocatable.ephemeralStorage - requested.ephemeralStorage) {
    (reasons ??= []).push('Insufficient ephemeral-storage');
  }
  if (request.scalar) {
    for (const name of Object.keys(request.scalar)) {
      const wanted = request.scalar[name];
      if (wanted === 0) continue;
      const free = (allocatable.scalar?.[name] ?? 0) - (requested.scalar?.[name] ?? 0);
      if (wanted > free) (reasons ??= []).push(`Insufficient ${name}`);
    }
  }
  return reasons;
}
