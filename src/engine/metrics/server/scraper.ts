// Mirrors metrics-server pkg/scraper/scraper.go (v0.7): every resolution, scrape each node's
// kubelet (staggered by up to 8 ms per node, at most 4 s, to spread the load) and merge the
// answers into one batch. A node whose kubelet does not answer is missing from the batch, so its
// node and pod metrics disappear until it answers again.
import type { Node } from 'kubernetes-types/core/v1';
import type { Rng } from '../../sim/rng';
import type { Simulator } from '../../sim/simulator';
import { Future } from '../../sim/future';
import type { LoadModel } from '../loadModel';
import { NodeStats, type ContainerSource, type MetricsPoint, type PodPoints } from '../nodeStats';
import type { MetricsBatch } from './storage';

const DELAY_PER_SOURCE_MS = 8;
const MAX_DELAY_MS = 4_000;
/** KUBELET_RESPONSE_MS: the round trip of one /metrics/resource request on the sim network. */
const KUBELET_RESPONSE_MS = 3;

/** KubeletEndpoint is what metrics-server reaches on a node: the kubelet's port 10250. */
export interface KubeletEndpoint {
  readonly nodeName: string;
  readonly running: boolean;
  readonly runtime: ContainerSource;
  readonly spec: { cpu: string };
}

/** ScrapeResult is one scrape's batch and the nodes that failed. */
export interface ScrapeResult {
  batch: MetricsBatch;
  failedNodes: string[];
}

/**
 * nodeStatsByRuntime keeps each node's stats with its containerd, so the cumulative counters
 * belong to the node (as cAdvisor's do) whoever scrapes them.
 */
const nodeStatsByRuntime = new WeakMap<ContainerSource, NodeStats>();

export class Scraper {
  constructor(
    private readonly sim: Simulator,
    private readonly rng: Rng,
    private readonly kubelet: (nodeName: string) => KubeletEndpoint | undefined,
    private readonly load: LoadModel,
  ) {}

  /** scrape collects every node (in name order) and settles once all answered or failed. */
  scrape(nodes: readonly Node[]): Future<ScrapeResult> {
    const done = new Future<ScrapeResult>();
    const pods = new Map<string, PodPoints>();
    const result: ScrapeResult = { batch: { nodes: new Map(), pods }, failedNodes: [] };
    let pending = nodes.length;
    if (pending === 0) return Future.resolved(result);
    const delayMs = Math.min(DELAY_PER_SOURCE_MS * nodes.length, MAX_DELAY_MS);
    for (const node of nodes) {
      const name = node.metadata?.name ?? '';
      this.sim.after(this.rng.int(delayMs) + KUBELET_RESPONSE_MS, () => {
        const point = this.collectNode(name, pods);
        if (point) result.batch.nodes.set(name, point);
        else result.failedNodes.push(name);
        if (--pending === 0) {
          result.failedNodes.sort();
          done.resolve(result);
        }
      });
    }
    return done;
  }

  /**
   * collectNode scrapes one kubelet: its pods' points go straight into the batch's `pods` (first
   * node wins a pod reported twice); returns the node's point, undefined when it did not answer.
   */
  private collectNode(name: string, pods: Map<string, PodPoints>): MetricsPoint | undefined {
    const kubelet = this.kubelet(name);
    if (!kubelet || !kubelet.running) return undefined;
    let stats = nodeStatsByRuntime.get(kubelet.runtime);
    if (!stats) nodeStatsByRuntime.set(kubelet.runtime, (stats = new NodeStats(kubelet.runtime, this.load, kubelet.spec.cpu, this.sim.nowMs)));
    return stats.collect(this.sim.nowMs, pods).node;
  }
}

/** isKubeletEndpoint tells a kubelet component apart from the others found by name. */
export function isKubeletEndpoint(component: unknown): component is KubeletEndpoint {
  const c = component as Partial<KubeletEndpoint> | undefined;
  return c !== undefined && typeof c.nodeName === 'string' && typeof c.running === 'boolean' && typeof c.runtime?.listContainers === 'function' && typeof c.spec?.cpu === 'string';
}
