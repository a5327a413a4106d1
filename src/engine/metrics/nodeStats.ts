// The kubelet's resource metrics endpoint (/metrics/resource, fed by its embedded cAdvisor), as
// metrics-server scrapes it: per running container a cumulative CPU counter, the working-set
// memory and the container's start time; the same for the whole node. Counters only grow, so
// metrics-server turns two scrapes into a rate, as it does with the real kubelet.
import { parseQuantity } from '../api/quantity';
import type { ContainerRecord } from '../runtime/types';
import type { LoadModel, PodLoad } from './loadModel';
import { flat } from '../api/flat';
import { withPoint } from './containerPoints';

/**
 * MetricsPoint is one sample (metrics-server storage.MetricsPoint): cumulative CPU is in
 * core-nanoseconds since `startTimeMs` (zero then), memory is the working set in bytes.
 */
export interface MetricsPoint {
  startTimeMs: number;
  timestampMs: number;
  cumulativeCpuNanoCoreSeconds: number;
  memoryBytes: number;
}

/** PodPoints: one pod's container points by container name. */
export type PodPoints = ReadonlyMap<string, MetricsPoint>;

/** NodeBatch is one node's answer: the node point and, per `namespace/pod`, its containers' points. */
export interface NodeBatch {
  node: MetricsPoint;
  pods: Map<string, PodPoints>;
}

/** ContainerSource is the part of the node's containerd the collector reads. */
export interface ContainerSource {
  listContainers(): ContainerRecord[];
}

/**
 * SYSTEM_RESERVED_USAGE is what a worker node spends outside pods (kubelet, containerd, the OS):
 * a model constant, in the range an idle kubeadm worker shows in `kubectl top node`.
 */
export const SYSTEM_USAGE = { cpuMilli: 40, memoryBytes: 600 * 1024 * 1024 };

/**
 * NodeStats integrates each container's CPU rate into its cgroup counter at every collection,
 * using the rate of that moment for the time since the previous one: a load change shows in full
 * at the next scrape. When the pods ask for more CPU than the node has, every container gets the
 * same fraction of its demand (the CFS scheduler sharing the cores).
 */
export class NodeStats {
  private readonly node: { lastMs: number; cumulative: number };
  private readonly cpuCapacityMilli: number;

  constructor(
    private readonly runtime: ContainerSource,
    private readonly load: LoadModel,
    cpuCapacity: string,
    private readonly bootMs: number,
  ) {
    this.cpuCapacityMilli = Math.round(parseQuantity(cpuCapacity) * 1000);
    this.node = { lastMs: bootMs, cumulative: 0 };
  }

  /**
   * collect answers a scrape at `nowMs`. The pods' points go into `pods` (the scrape's batch, shared
   * by every node: one map of 150,000 pods rather than one per node merged afterwards); a pod
   * already there from another node keeps that node's points, as metrics-server's merge does.
   */
  collect(nowMs: number, pods: Map<string, PodPoints> = new Map()): NodeBatch {
    // One pass over the node's containers into scratch lists (no filtered copy, no demand object
    // per container: at 150,000 pods a scrape every 15 s visits every container).
    const running = runningScratch;
    const cpu = cpuScratch;
    const memory = memoryScratch;
    const loads = this.load.active ? new Map<string, PodLoad | undefined>() : undefined;
    let n = 0;
    let totalMilli = 0;
    for (const c of this.runtime.listContainers()) {
      if (c.state !== 'CONTAINER_RUNNING' || c.startedAtMs === undefined) continue;
      this.demand(c, nowMs, loads);
      running[n] = c;
      cpu[n] = this.demandCpuMilli;
      memory[n] = this.demandMemoryBytes;
      totalMilli += this.demandCpuMilli;
      n++;
    }
    const available = Math.max(0, this.cpuCapacityMilli - SYSTEM_USAGE.cpuMilli);
    const fraction = totalMilli > available ? available / totalMilli : 1;
    const owned = ownedScratch;
    owned.clear();
    let nodeIncrement = 0;
    let nodeMemory = SYSTEM_USAGE.memoryBytes;
    for (let i = 0; i < n; i++) {
      const c = running[i]!;
      // The counter lives on the container record (a restarted container is a new record, so its
      // counter starts from zero): no per-node map of counters to look up or sweep.
      const acct = (c.cpuAccounting ??= { accountedAtMs: c.startedAtMs!, nanoCoreSeconds: 0, podKey: flat(c.podNamespace, '/', c.podName) });
      const increment = cpu[i]! * fraction * Math.max(0, nowMs - acct.accountedAtMs) * 1000;
      acct.nanoCoreSeconds += increment;
      acct.accountedAtMs = nowMs;
      nodeIncrement += increment;
      nodeMemory += memory[i]!;
      const containers = pods.get(acct.podKey);
      if (!containers) owned.add(acct.podKey);
      else if (!owned.has(acct.podKey)) continue;
      const point = { startTimeMs: c.startedAtMs!, timestampMs: nowMs, cumulativeCpuNanoCoreSeconds: Math.round(acct.nanoCoreSeconds), memoryBytes: pageAligned(memory[i]!) };
      pods.set(acct.podKey, withPoint(containers, c.name, point));
    }
    running.fill(undefined, 0, n); // keep no container records alive between scrapes
    this.node.cumulative += nodeIncrement + SYSTEM_USAGE.cpuMilli * Math.max(0, nowMs - this.node.lastMs) * 1000;
    this.node.lastMs = nowMs;
    return { node: new NodePoint(this.bootMs, nowMs, Math.round(this.node.cumulative), pageAligned(nodeMemory)), pods };
  }

  /** demandCpuMilli / demandMemoryBytes: what `demand` found for the last container asked. */
  private demandCpuMilli = 0;
  private demandMemoryBytes = 0;

  /** demand is what a container would use now: idle usage from its image plus its load, capped by limits. */
  private demand(c: ContainerRecord, nowMs: number, loads: Map<string, PodLoad | undefined> | undefined): void {
    let cpuMilli = c.behavior.cpuMillicores;
    let load: PodLoad | undefined;
    if (loads) {
      const key = `${c.podNamespace}/${c.podName}`;
      if (!loads.has(key)) loads.set(key, this.load.podLoad(c.podNamespace, c.podName, nowMs));
      load = loads.get(key);
      if (load && load.container === c.name) {
        cpuMilli += load.cpuMilli;
        if (load.cpuLimitMilli !== undefined) cpuMilli = Math.min(cpuMilli, load.cpuLimitMilli);
      }
    }
    this.demandCpuMilli = cpuMilli;
    this.demandMemoryBytes = containerWorkingSet(c, load, nowMs);
  }
}

/**
 * NodePoint is a node's MetricsPoint, a class apart from the containers' literals: V8 keeps one
 * number representation per field per object shape, and a node's counters soon pass 2^31, which
 * in a shared shape would box every container point's numbers as doubles (16 bytes each, twice
 * per pod in metrics-server's storage).
 */
class NodePoint implements MetricsPoint {
  constructor(
    readonly startTimeMs: number,
    readonly timestampMs: number,
    readonly cumulativeCpuNanoCoreSeconds: number,
    readonly memoryBytes: number,
  ) {}
}

/** Scratch lists for collect (the engine is single-threaded and collect does not re-enter). */
const runningScratch: Array<ContainerRecord | undefined> = [];
const cpuScratch: number[] = [];
const memoryScratch: number[] = [];
/** ownedScratch: the pods this collect call added to the batch (others came from an earlier node). */
const ownedScratch = new Set<string>();

/** pageAligned rounds a working set to whole 4 KiB pages (what the kernel accounts). */
export function pageAligned(bytes: number): number {
  return Math.round(bytes / 4096) * 4096;
}

/**
 * containerWorkingSet is a running container's memory working set now: its image's idle usage
 * (growing for a leaking one), plus the load on it, capped by its limit.
 */
export function containerWorkingSet(c: ContainerRecord, load: PodLoad | undefined, nowMs: number): number {
  let memoryBytes = c.behavior.memoryBytes;
  if (c.behavior.mode === 'oom') memoryBytes += ((c.behavior.memoryGrowthBytesPerSec ?? 0) * (nowMs - c.startedAtMs!)) / 1000;
  if (load && load.container === c.name) {
    memoryBytes += load.memoryBytes;
    if (load.memoryLimitBytes !== undefined) memoryBytes = Math.min(memoryBytes, load.memoryLimitBytes);
  }
  if (c.memoryLimitBytes !== undefined) memoryBytes = Math.min(memoryBytes, c.memoryLimitBytes);
  return memoryBytes;
}
