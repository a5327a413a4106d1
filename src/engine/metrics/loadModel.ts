// The load model: how much CPU and memory `sim load` puts on one pod right now. It stands for
// the traffic a load generator sends through a Service: per-pod load reaches every pod of the
// Deployment, a total load is shared by the pods that are Ready (the ones in the endpoints).
// It is physics, not a Kubernetes component, so it reads pods straight from the apiserver's
// watch cache instead of through a client.
import type { Pod } from 'kubernetes-types/core/v1';
import { matches, parseSelector, type Selector } from '../api/labels';
import { milliValue, value } from '../api/quantity';
import type { LoadState, LoadTarget } from './loadState';

/** PodView is the read-only view of pods the model needs. */
export interface PodView {
  get(namespace: string, name: string): Pod | undefined;
  /** list returns the pods of a namespace. */
  list(namespace: string): readonly Pod[];
}

/** PodLoad is the extra usage on one pod; it lands on `container`, the pod's first (serving) container. */
export interface PodLoad {
  container: string;
  cpuMilli: number;
  memoryBytes: number;
  /** The container's limits, which cap its usage (CFS quota for cpu). */
  cpuLimitMilli?: number;
  memoryLimitBytes?: number;
}

/** isServing: the pod receives traffic: Ready and not terminating (what the endpoints list). */
export function isServing(pod: Pod): boolean {
  if (pod.metadata?.deletionTimestamp) return false;
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

/**
 * LoadModel answers podLoad(namespace, pod, now). Ready-pod counts of total loads are computed
 * once per sim instant, so scraping every node at the same time costs one scan per target.
 *
 * @example
 * // sim load deployment/web --total-cpu=900m with 3 ready pods → 300m on each of them
 * model.podLoad('default', 'web-7d4b9-abcde', nowMs); // { container: 'nginx', cpuMilli: 300, ... }
 */
export class LoadModel {
  private readonly readyCounts = new Map<string, { atMs: number; count: number }>();
  private readonly selectors = new Map<string, Selector>();

  constructor(
    private readonly state: () => LoadState,
    private readonly pods: PodView,
  ) {}

  /** active is true when any load is set (lets collectors skip pod lookups otherwise). */
  get active(): boolean {
    return this.state().targets.length > 0;
  }

  podLoad(namespace: string, name: string, nowMs: number): PodLoad | undefined {
    const targets = this.state().targets.filter((t) => t.namespace === namespace);
    if (targets.length === 0) return undefined;
    const pod = this.pods.get(namespace, name);
    const first = pod?.spec?.containers?.[0];
    if (!pod || !first) return undefined;
    let cpuMilli = 0;
    let memoryBytes = 0;
    for (const target of targets) {
      if (!matches(this.selectorOf(target), pod.metadata?.labels)) continue;
      cpuMilli += this.share(target, target.cpu, pod, nowMs);
      memoryBytes += this.share(target, target.memory, pod, nowMs);
    }
    if (cpuMilli === 0 && memoryBytes === 0) return undefined;
    const limits = first.resources?.limits;
    return {
      container: first.name, cpuMilli, memoryBytes,
      cpuLimitMilli: limits?.cpu !== undefined ? milliValue(limits.cpu) : undefined,
      memoryLimitBytes: limits?.memory !== undefined ? value(limits.memory) : undefined,
    };
  }

  /** share is the pod's part of one load: all of a per-pod load, 1/readyCount of a total load. */
  private share(target: LoadTarget, load: LoadTarget['cpu'], pod: Pod, nowMs: number): number {
    if (!load) return 0;
    if (load.mode === 'perPod') return load.amount;
    if (!isServing(pod)) return 0;
    return load.amount / Math.max(1, this.readyCount(target, nowMs));
  }

  private readyCount(target: LoadTarget, nowMs: number): number {
    const key = `${target.namespace}/${target.deployment}`;
    const cached = this.readyCounts.get(key);
    if (cached && cached.atMs === nowMs) return cached.count;
    const selector = this.selectorOf(target);
    let count = 0;
    for (const pod of this.pods.list(target.namespace)) if (matches(selector, pod.metadata?.labels) && isServing(pod)) count++;
    this.readyCounts.set(key, { atMs: nowMs, count });
    return count;
  }

  private selectorOf(target: LoadTarget): Selector {
    let selector = this.selectors.get(target.selector);
    if (!selector) {
      const parsed = parseSelector(target.selector);
      selector = parsed.ok ? parsed.selector : [{ key: '', operator: 'in', values: [] }];
      this.selectors.set(target.selector, selector);
    }
    return selector;
  }
}
