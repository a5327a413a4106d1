// Mirrors kubernetes pkg/scheduler/framework/plugins/noderesources/resource_allocation.go (v1.32).
import type { NodeInfo } from '../../framework/nodeInfo';
import type { PodInfo } from '../../framework/podInfo';
import { isExtendedResourceName, resourceAmount } from '../../framework/types';

/** ResourceSpec is one scored resource and its weight (config.ResourceSpec). */
export interface ResourceSpec {
  name: string;
  weight: number;
}

/**
 * weightedResourceScore is the shared tail of the Least/MostAllocated scorers: score each resource
 * the node has (allocatable > 0) and take the weighted mean, with integer division.
 */
export function weightedResourceScore(requested: number[], allocatable: number[], resources: readonly ResourceSpec[], resourceScore: (requested: number, capacity: number) => number): number {
  let nodeScore = 0;
  let weightSum = 0;
  for (let i = 0; i < requested.length; i++) {
    if (allocatable[i] === 0) continue;
    const weight = resources[i].weight;
    nodeScore += resourceScore(requested[i], allocatable[i]) * weight;
    weightSum += weight;
  }
  return weightSum === 0 ? 0 : Math.trunc(nodeScore / weightSum);
}

/** Scorer turns per-resource requested/allocatable pairs into a 0..100 score. */
export type Scorer = (requested: number[], allocatable: number[], resources: readonly ResourceSpec[]) => number;

const CPU = 0;
const MEMORY = 1;
const EPHEMERAL = 2;
const SCALAR = 3;

/**
 * ResourceAllocationScorer is resourceAllocationScorer.score: for each configured resource it
 * pairs the node's allocatable with what would be requested after placing the pod, and hands the
 * pairs to the strategy. With `useRequested` false (Fit's Least/MostAllocated) cpu and memory use
 * the non-zero sums (100m/200Mi per container without requests); BalancedAllocation uses the real
 * ones. An extended resource the pod does not request is left out (allocatable 0 = skipped).
 * Resource kinds are resolved once and the pod's requests cached per pod, since Score runs for
 * hundreds of nodes per cycle.
 */
export class ResourceAllocationScorer {
  private readonly kinds: number[];
  private readonly requested: number[];
  private readonly allocatable: number[];
  private readonly podRequest: number[];
  private lastPod: PodInfo | undefined;

  constructor(
    private readonly resources: readonly ResourceSpec[],
    private readonly useRequested: boolean,
    private readonly scorer: Scorer,
  ) {
    this.kinds = resources.map((r) => (r.name === 'cpu' ? CPU : r.name === 'memory' ? MEMORY : r.name === 'ephemeral-storage' ? EPHEMERAL : SCALAR));
    this.requested = new Array(resources.length).fill(0);
    this.allocatable = new Array(resources.length).fill(0);
    this.podRequest = new Array(resources.length).fill(0);
  }

  score(pod: PodInfo, node: NodeInfo): number {
    if (pod !== this.lastPod) this.cachePodRequests(pod);
    const { kinds, requested, allocatable, podRequest, useRequested } = this;
    for (let i = 0; i < kinds.length; i++) {
      const want = podRequest[i];
      allocatable[i] = 0;
      requested[i] = 0;
      switch (kinds[i]) {
        case CPU:
          allocatable[i] = node.allocatable.milliCPU;
          requested[i] = (useRequested ? node.requested.milliCPU : node.nonZeroMilliCPU) + want;
          break;
        case MEMORY:
          allocatable[i] = node.allocatable.memory;
          requested[i] = (useRequested ? node.requested.memory : node.nonZeroMemory) + want;
          break;
        case EPHEMERAL:
          allocatable[i] = node.allocatable.ephemeralStorage;
          requested[i] = node.requested.ephemeralStorage + want;
          break;
        default:
          this.scalarPair(i, want, node);
      }
    }
    return this.scorer(requested, allocatable, this.resources);
  }

  /** scalarPair fills an extended resource's pair, skipped when the pod does not request it. */
  private scalarPair(i: number, want: number, node: NodeInfo): void {
    const name = this.resources[i].name;
    if (want === 0 && (isExtendedResourceName(name) || name.startsWith('hugepages-'))) return;
    const scalar = node.allocatable.scalar;
    if (!scalar || !(name in scalar)) return;
    this.allocatable[i] = scalar[name];
    this.requested[i] = (node.requested.scalar?.[name] ?? 0) + want;
  }

  private cachePodRequests(pod: PodInfo): void {
    this.lastPod = pod;
    for (let i = 0; i < this.resources.length; i++) this.podRequest[i] = podRequestFor(pod, this.resources[i].name, this.useRequested);
  }
}

/** podRequestFor is calculatePodResourceRequest for one resource (non-zero cpu/memory unless useRequested). */
export function podRequestFor(pod: PodInfo, name: string, useRequested: boolean): number {
  if (!useRequested && name === 'cpu') return pod.nonZeroMilliCPU;
  if (!useRequested && name === 'memory') return pod.nonZeroMemory;
  return resourceAmount(pod.requests, name);
}
