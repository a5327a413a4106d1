// Mirrors kubernetes pkg/scheduler/framework/plugins/noderesources/least_allocated.go (v1.32).
import { MAX_NODE_SCORE } from '../../framework/types';
import { weightedResourceScore, type ResourceSpec } from './resourceAllocation';

/**
 * leastResourceScorer favors nodes with more room left: per resource
 * (allocatable - requested) * 100 / allocatable (integer division, 0 when over-requested), then
 * the weighted mean, again with integer division.
 *
 * Worked example: node 4 cpu / 10000 bytes, pod asking 3 cpu / 5000 → cpu 25, memory 50 →
 * (25 + 50) / 2 = 37.
 */
export function leastResourceScorer(requested: number[], allocatable: number[], resources: readonly ResourceSpec[]): number {
  return weightedResourceScore(requested, allocatable, resources, leastRequestedScore);
}

function leastRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.trunc(((capacity - requested) * MAX_NODE_SCORE) / capacity);
}
