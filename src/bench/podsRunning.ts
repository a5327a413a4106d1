import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject, Stored } from '../engine/api/object';
import { Cluster } from '../engine/cluster';
import { clusterSpec, nodesFromCount } from '../engine/clusterSpec';
import type { ClientRateLimits } from '../engine/client/flowcontrol';
import { DEFAULT_COMPONENTS } from '../engine/components';
import { RaftCostMeter } from './raftCost';

export interface PodsRunningResult {
  nodes: number;
  replicas: number;
  running: number;
  simMs: number;
  wallMs: number;
  peakHeapBytes: number;
  /** peakCommittedBytes: the most heap V8 had reserved (used + garbage + free pages), sampled likewise. */
  peakCommittedBytes: number;
  /** liveHeapBytes: the heap after a full GC at the end (what the cluster retains), when `--expose-gc`. */
  liveHeapBytes?: number;
  events: number;
  writes: number;
  etcdMembers: number;
  /** raftWallMs: wall time inside Raft machinery (see RaftCostMeter). */
  raftWallMs: number;
}

/**
 * podsRunning boots `nodes` nodes, creates one Deployment of `replicas` pods with `kubectl create
 * deployment` and simulates until every pod is Running (or `limitMs` of sim time passed),
 * measuring wall time, the peak JS heap (sampled every 20k engine events) and the wall time spent
 * in etcd's Raft machinery.
 */
export function podsRunning(nodes: number, replicas: number, etcdMembers = 1, clientRateLimits?: Partial<ClientRateLimits>, limitMs = 7_200_000): PodsRunningResult {
  const meter = new RaftCostMeter();
  meter.install();
  try {
    return run(nodes, replicas, etcdMembers, clientRateLimits, limitMs, meter);
  } finally {
    meter.uninstall();
  }
}

function run(nodes: number, replicas: number, etcdMembers: number, clientRateLimits: Partial<ClientRateLimits> | undefined, limitMs: number, meter: RaftCostMeter): PodsRunningResult {
  const heap = () => process.memoryUsage().heapUsed;
  let peakHeapBytes = heap();
  let peakCommittedBytes = 0;
  const sample = () => {
    const { heapUsed, heapTotal } = process.memoryUsage();
    peakHeapBytes = Math.max(peakHeapBytes, heapUsed);
    peakCommittedBytes = Math.max(peakCommittedBytes, heapTotal);
  };
  const started = performance.now();
  const cluster = Cluster.boot(clusterSpec({ seed: 1, nodes: nodesFromCount(nodes, '32', '128Gi'), etcdMembers, clientRateLimits }), DEFAULT_COMPONENTS);
  const startRevision = cluster.etcd.currentRevision();
  const proc = cluster.exec(`kubectl create deployment bench --image=registry.k8s.io/pause:3.10 --replicas=${replicas}`);
  let running = 0;
  const pods = cluster.apiserver.ctx.cachers.get('pods')!;
  // Counted as the watch cache changes (no LIST, no scan: sorting or even just visiting 150,000
  // pods every few simulated seconds would be the benchmark measuring itself).
  const isRunning = (p: Stored<KubeObject> | undefined) => p !== undefined && p.metadata.namespace === 'default' && (p as Pod).status?.phase === 'Running';
  let runningNow = pods.countWhere(isRunning);
  const stopObserving = pods.observe((event) => {
    runningNow += (event.type !== 'DELETED' && isRunning(event.object) ? 1 : 0) - (isRunning(event.prevObject) ? 1 : 0);
  });
  // A re-list (the cache's etcd watch broke) replaces objects without change events: the count
  // is checked against a scan before it ends the run.
  const countRunning = () => (runningNow >= replicas ? (runningNow = pods.countWhere(isRunning)) : runningNow);
  let nextSampleEvents = cluster.sim.eventsRun + 20_000;
  let nextCheckMs = 0;
  let lastCheckMs = 0;
  while (cluster.sim.nowMs < limitMs && cluster.sim.nextEventMs() !== Infinity) {
    cluster.sim.step();
    if (cluster.sim.eventsRun >= nextSampleEvents) {
      sample();
      nextSampleEvents += 20_000;
    }
    if (proc.done.isSettled && cluster.sim.nowMs >= nextCheckMs) {
      const before = running;
      running = countRunning();
      if (running >= replicas) break;
      // Check every simulated second near the end, less often while many pods are still to
      // come (from when counting scanned all pods; kept, so a run stops where it did): the next check is at
      // 80 % of the time the current rate needs for the rest, between 1 and 10 s.
      const rate = (running - before) / Math.max(1, (cluster.sim.nowMs - lastCheckMs) / 1000);
      const etaS = rate > 0 ? (replicas - running) / rate : 1;
      lastCheckMs = cluster.sim.nowMs;
      nextCheckMs = cluster.sim.nowMs + 1000 * Math.min(10, Math.max(1, Math.floor(etaS * 0.8)));
    }
  }
  sample();
  stopObserving();
  const wallMs = Math.round(performance.now() - started);
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const liveHeapBytes = gc ? heap() : undefined;
  return {
    nodes,
    replicas,
    running,
    simMs: cluster.sim.nowMs,
    wallMs,
    peakHeapBytes,
    peakCommittedBytes,
    liveHeapBytes,
    events: cluster.sim.eventsRun,
    writes: cluster.etcd.currentRevision() - startRevision,
    etcdMembers,
    raftWallMs: meter.raftWallMs,
  };
}
