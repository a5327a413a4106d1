// Mirrors metrics-server pkg/storage (v0.7): pod.go, node.go, types.go. The storage keeps the
// last two scrapes; a usage is the CPU counter's increase between them over the window, so a pod
// has metrics from its second scrape on (or its first, if it started 10–15 s before it).
import type { MetricsPoint, PodPoints } from '../nodeStats';
import { OneContainerPoints, withPoint } from '../containerPoints';

/** freshContainerMinMetricsResolution: a container younger than this at its first scrape gets no synthetic start point. */
export const FRESH_CONTAINER_MIN_METRICS_RESOLUTION_MS = 10_000;

/** MetricsBatch is one scrape of every node: node points and, per `namespace/pod`, container points. */
export interface MetricsBatch {
  nodes: Map<string, MetricsPoint>;
  pods: Map<string, PodPoints>;
}

/** Usage is one computed usage: cpu in nanocores, memory in bytes, over [timestamp − window, timestamp]. */
export interface Usage {
  cpuNanoCores: number;
  memoryBytes: number;
  timestampMs: number;
  windowMs: number;
}

export interface ContainerUsage extends Usage {
  name: string;
}

/** resourceUsage: rate of the cumulative counter between two points, or an error when it went backwards. */
export function resourceUsage(last: MetricsPoint, prev: MetricsPoint): { ok: true; usage: Usage } | { ok: false; error: string } {
  if (last.startTimeMs < prev.startTimeMs) return { ok: false, error: 'unexpected decrease in startTime of node/container' };
  if (last.cumulativeCpuNanoCoreSeconds < prev.cumulativeCpuNanoCoreSeconds) return { ok: false, error: 'unexpected decrease in cumulative CPU usage value' };
  const windowMs = last.timestampMs - prev.timestampMs;
  const cpuNanoCores = Math.trunc((last.cumulativeCpuNanoCoreSeconds - prev.cumulativeCpuNanoCoreSeconds) / (windowMs / 1000));
  return { ok: true, usage: { cpuNanoCores, memoryBytes: last.memoryBytes, timestampMs: last.timestampMs, windowMs } };
}

/**
 * PodStorage keeps, per pod, the last scrape's container points and the previous ones that can
 * pair with them (same container start, older timestamp).
 */
export class PodStorage {
  private last = new Map<string, PodPoints>();
  private prev = new Map<string, PodPoints>();

  constructor(private readonly metricResolutionMs: number) {}

  get ready(): boolean {
    return this.prev.size > 0;
  }

  /**
   * getMetrics returns the usage of each pod (key `namespace/name`) that has both points for all
   * its containers; the pod's time info is its earliest container's.
   */
  getMetrics(podKeys: readonly string[]): Map<string, ContainerUsage[]> {
    const results = new Map<string, ContainerUsage[]>();
    for (const key of podKeys) {
      const lastPod = this.last.get(key);
      const prevPod = this.prev.get(key);
      if (!lastPod || !prevPod) continue;
      const containers: ContainerUsage[] = [];
      let allContainersPresent = true;
      for (const [name, lastContainer] of lastPod) {
        const prevContainer = prevPod.get(name);
        if (!prevContainer) {
          allContainersPresent = false;
          break;
        }
        const usage = resourceUsage(lastContainer, prevContainer);
        if (usage.ok) containers.push({ name, ...usage.usage });
      }
      if (allContainersPresent) results.set(key, containers);
    }
    return results;
  }

  /** store replaces the last scrape and keeps, per container, the point that can serve as previous. */
  store(batch: MetricsBatch): void {
    const prevPods = new Map<string, PodPoints>();
    for (const [podKey, newPod] of batch.pods) {
      const newPrev = this.previousPoints(podKey, newPod);
      if (newPrev) prevPods.set(podKey, newPrev);
    }
    // A scrape's maps are never changed after it settles: keep them rather than a copy.
    this.last = batch.pods;
    this.prev = prevPods;
  }

  /**
   * previousPoints pairs a pod's new points with earlier ones. A steady pod pairs every container
   * with the last scrape's point, and then the last scrape's map itself is the answer: at 150,000
   * pods, a new map per pod per scrape was most of the metrics-server's allocation.
   */
  private previousPoints(podKey: string, newPod: PodPoints): PodPoints | undefined {
    const lastPod = this.last.get(podKey);
    if (newPod instanceof OneContainerPoints) {
      const prev = this.previousFor(podKey, lastPod, newPod.name, newPod.point);
      if (prev === undefined) return undefined;
      return lastPod?.size === 1 && prev === lastPod.get(newPod.name) ? lastPod : new OneContainerPoints(newPod.name, prev);
    }
    let allFromLast = lastPod !== undefined && lastPod.size === newPod.size;
    let i = 0;
    for (const [name, point] of newPod) {
      const prev = this.previousFor(podKey, lastPod, name, point);
      pairScratch[i++] = prev;
      if (prev === undefined || prev !== lastPod?.get(name)) allFromLast = false;
    }
    if (allFromLast) return lastPod;
    let newPrev: PodPoints | undefined;
    i = 0;
    for (const name of newPod.keys()) {
      const prev = pairScratch[i++];
      if (prev) newPrev = withPoint(newPrev, name, prev);
    }
    pairScratch.length = 0;
    return newPrev;
  }

  private previousFor(podKey: string, lastPod: PodPoints | undefined, name: string, point: MetricsPoint): MetricsPoint | undefined {
    const age = point.timestampMs - point.startTimeMs;
    // A container that started between 10 s and one resolution ago: its start is a zero point.
    if (point.startTimeMs < point.timestampMs && age < this.metricResolutionMs && age >= FRESH_CONTAINER_MIN_METRICS_RESOLUTION_MS) {
      return { ...point, timestampMs: point.startTimeMs, cumulativeCpuNanoCoreSeconds: 0 };
    }
    const lastContainer = lastPod?.get(name);
    // Keep a previous point only if the container has not restarted since it.
    if (!lastContainer || !(point.startTimeMs < lastContainer.timestampMs)) return undefined;
    if (point.timestampMs > lastContainer.timestampMs) return lastContainer;
    const prevContainer = this.prev.get(podKey)?.get(name);
    return prevContainer && prevContainer.timestampMs < point.timestampMs ? prevContainer : undefined;
  }
}

/** pairScratch: previousPoints' per-container answers, in the pod's container order. */
const pairScratch: Array<MetricsPoint | undefined> = [];

/** NodeStorage is PodStorage for nodes (no fresh-start shortcut). */
export class NodeStorage {
  private last = new Map<string, MetricsPoint>();
  private prev = new Map<string, MetricsPoint>();

  get ready(): boolean {
    return this.prev.size > 0;
  }

  getMetrics(nodeNames: readonly string[]): Map<string, Usage> {
    const results = new Map<string, Usage>();
    for (const name of nodeNames) {
      const last = this.last.get(name);
      const prev = this.prev.get(name);
      if (!last || !prev) continue;
      const usage = resourceUsage(last, prev);
      if (usage.ok) results.set(name, usage.usage);
    }
    return results;
  }

  store(batch: MetricsBatch): void {
    const lastNodes = new Map<string, MetricsPoint>();
    const prevNodes = new Map<string, MetricsPoint>();
    for (const [name, point] of batch.nodes) {
      lastNodes.set(name, point);
      const last = this.last.get(name);
      if (!last) continue;
      if (point.timestampMs > last.timestampMs) prevNodes.set(name, last);
      else {
        const prev = this.prev.get(name);
        if (prev && prev.timestampMs < point.timestampMs) prevNodes.set(name, prev);
      }
    }
    this.last = lastNodes;
    this.prev = prevNodes;
  }
}
