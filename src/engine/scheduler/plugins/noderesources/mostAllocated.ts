// Mirrors kubernetes pkg/scheduler/framework/plugins/noderesources/most_allocated.go (v1.32).
import { MAX_NODE_SCORE } from '../../framework/types';
import { weightedResourceScore, type ResourceSpec } from './resourceAllocation';

/**
 * mostResourceScorer favors fuller nodes (bin packing): per resource
 * min(requested, allocatable) * 100 / allocatable, weighted mean with integer division.
 */
export function mostResourceScorer(requested: number[], allocatable: number[], resources: readonly ResourceSpec[]): number {
  return weightedResourceScore(requested, allocatable, resources, mostRequestedScore);
}

function mostRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0) return 0;
  return Math.trunc((Math.min(requested, capacity) * MAX_NODE_SCORE) / capacity);
}
