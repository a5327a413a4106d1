// Mirrors kubernetes pkg/kubelet/kubelet.go SyncPod, SyncTerminatingPod and SyncTerminatedPod
// (v1.32): what a pod worker does in each phase.
import type { Container, Pod, PodStatus } from 'kubernetes-types/core/v1';
import type { Stored } from '../api/object';
import type { LoadModel } from '../metrics/loadModel';
import type { ContainerRecord } from '../runtime/types';
import type { Simulator } from '../sim/simulator';
import type { Task } from '../sim/task';
import type { SyncFailure } from './containerStatuses';
import { syncMirrorPod, type MirrorPodContext } from './kubeletMirrorPods';
import { generateAPIPodStatus, type RuntimePodStatus } from './kubeletPods';
import { isStaticPod } from './pod/mirrorClient';
import type { RuntimeManagerContext } from './kuberuntime/kuberuntimeContainer';
import { getPodStatus, killPod, syncPod, type PodSyncResult } from './kuberuntime/kuberuntimeManager';
import { advancePodLifecycle, classifyPodStatus, INITIAL_POD_LIFECYCLE_STATE, type PodLifecycleState } from './podLifecycle';
import type { PodLifecycleEventType } from './podLifecycle.machine';
import type { PodStatusFunc, SyncOutcome } from './podWorkers';
import { nextChangeAfter } from './prober/analysis';
import type { StatusManager } from './status/statusManager';

/** LastSynced: the inputs of a pod's last generated status; `timeSensitive` when readiness was still pending. */
export interface LastSynced {
  /**
   * The pod version synced: its resourceVersion (holding the object would keep every pod's
   * previous version alive after the apiserver compacted it), or the object itself when it has none.
   */
  podVersion: string | Stored<Pod>;
  runtimeVersion: number;
  reasons: ReadonlyMap<string, SyncFailure> | undefined;
  timeSensitive: boolean;
}

/** KubeletSyncState is the part of the Kubelet the sync functions use. */
export interface KubeletSyncState {
  sim: Simulator;
  component: string;
  epochMs: number;
  hostIP: string;
  runtimeCtx: RuntimeManagerContext;
  statusManager: StatusManager;
  /** reasonCache: per pod, per container, why the last start failed (ReasonCache). */
  reasonCache: Map<string, Map<string, SyncFailure>>;
  /** logSyncError writes a failed sync to the node's journal. */
  logSyncError?(pod: Stored<Pod>, error: string): void;
  /** lifecycle: per pod, its podLifecycle state. */
  lifecycle: Map<string, PodLifecycleState>;
  /** syncPodAt asks for a sync of the pod at `atMs` (readiness turning true). */
  syncPodAt(uid: string, atMs: number): void;
  /** lastSynced: what the last full status generation of a pod saw (the resync short-cut). */
  lastSynced: Map<string, LastSynced>;
  /** load: what `sim load` puts on pods (memory over the limit is OOM-killed). */
  load?: LoadModel;
  /** mirrorPods: what a static pod's sync needs to keep its mirror pod (kubelets with static pods). */
  mirrorPods?: MirrorPodContext;
}

/**
 * oomUnderLoad: `sim load --memory` adds to the serving container's working set; over its memory
 * limit the kernel OOM-kills it. The kubelet looks at every pod sync (at least each resync period),
 * which stands in for the cgroup's instant reaction.
 */
function oomUnderLoad(k: KubeletSyncState, pod: Stored<Pod>, runtime: RuntimePodStatus): boolean {
  if (!k.load?.active) return false;
  const load = k.load.podLoad(pod.metadata.namespace ?? '', pod.metadata.name, k.sim.nowMs);
  if (!load || load.memoryBytes === 0 || load.memoryLimitBytes === undefined) return false;
  const record = runtime.containers.find((c) => c.name === load.container && c.state === 'CONTAINER_RUNNING');
  if (!record || record.behavior.memoryBytes + load.memoryBytes <= load.memoryLimitBytes) return false;
  k.runtimeCtx.runtime.oomKill(record.id);
  return true;
}

/**
 * kubeletSyncPod: write the current status, then (a static pod) keep its mirror pod, then make the
 * runtime match the spec. A resync that finds the pod object, its containers and its failures
 * unchanged since the last one skips the status generation (the result would be the same status).
 */
export function* kubeletSyncPod(k: KubeletSyncState, pod: Stored<Pod>): Task<SyncOutcome> {
  const uid = pod.metadata.uid ?? '';
  let runtimeStatus = getPodStatus(k.runtimeCtx, uid);
  if (oomUnderLoad(k, pod, runtimeStatus)) runtimeStatus = getPodStatus(k.runtimeCtx, uid);
  const runtimeVersion = k.runtimeCtx.runtime.podVersion(uid);
  const reasons = k.reasonCache.get(uid);
  const last = k.lastSynced.get(uid);
  const podVersion = pod.metadata.resourceVersion ?? pod;
  const unchanged = last && last.podVersion === podVersion && last.runtimeVersion === runtimeVersion && last.reasons === reasons && !last.timeSensitive;
  if (!unchanged) {
    const pending = { readiness: false };
    const status = generateStatus(k, pod, runtimeStatus, false, pending);
    k.statusManager.setPodStatus(pod, status);
    advance(k, pod, classifyPodStatus(status));
    if (status.phase === 'Succeeded' || status.phase === 'Failed') return { terminal: true };
    k.lastSynced.set(uid, { podVersion, runtimeVersion, reasons, timeSensitive: pending.readiness });
  }
  if (k.mirrorPods && isStaticPod(pod)) yield* syncMirrorPod(k.mirrorPods, pod);
  const result = yield* syncPod(k.runtimeCtx, pod, runtimeStatus);
  updateReasonCache(k, uid, result);
  if (result.error) k.logSyncError?.(pod, result.error);
  return { error: result.error };
}

/**
 * kubeletSyncTerminatingPod: stop every container within the grace period, then a terminal
 * status. The pod is either being deleted (or gone from the apiserver) or has completed.
 */
export function* kubeletSyncTerminatingPod(k: KubeletSyncState, pod: Stored<Pod>, graceSeconds: number, statusFn?: PodStatusFunc): Task<SyncOutcome> {
  const uid = pod.metadata.uid ?? '';
  const before = getPodStatus(k.runtimeCtx, uid);
  const shaped = (status: PodStatus) => (statusFn ? statusFn(status) : status);
  const current = shaped(generateStatus(k, pod, before, false));
  const completed = !pod.metadata.deletionTimestamp && (current.phase === 'Succeeded' || current.phase === 'Failed');
  const deleting = !completed;
  if (deleting) advance(k, pod, 'DELETION_REQUESTED');
  k.statusManager.setPodStatus(pod, current);
  yield* killPod(k.runtimeCtx, pod, before, graceSeconds);
  const after = getPodStatus(k.runtimeCtx, uid);
  k.statusManager.setPodStatus(pod, shaped(generateStatus(k, pod, after, true)));
  if (deleting) advance(k, pod, 'CONTAINERS_KILLED');
  return {};
}

/** kubeletSyncTerminatedPod: the final status; the status manager may now finish a deletion. */
export function* kubeletSyncTerminatedPod(k: KubeletSyncState, pod: Stored<Pod>, statusFn?: PodStatusFunc): Task<SyncOutcome> {
  const uid = pod.metadata.uid ?? '';
  const generated = generateStatus(k, pod, getPodStatus(k.runtimeCtx, uid), true);
  const status = statusFn ? statusFn(generated) : generated;
  k.statusManager.setPodStatus(pod, status);
  if (!pod.metadata.deletionTimestamp) advance(k, pod, classifyPodStatus(status));
  k.statusManager.podFinished(uid);
  return {};
}

/**
 * generateStatus runs generateAPIPodStatus with the prober's started/ready results, books a sync
 * for the next time a probe changes them (or condemns a container), and lets the prober emit the
 * Unhealthy events of running containers.
 */
function generateStatus(k: KubeletSyncState, pod: Stored<Pod>, runtime: RuntimePodStatus, podIsTerminal: boolean, pending = { readiness: false }): PodStatus {
  const uid = pod.metadata.uid ?? '';
  const prober = k.runtimeCtx.prober;
  const podIP = runtime.sandboxes[0]?.ip ?? '';
  const isReady = (container: Container, record: ContainerRecord, isInit: boolean) => {
    const analysis = prober.analysis(container, record, podIP);
    if (analysis) {
      const next = nextChangeAfter(analysis, k.sim.nowMs);
      if (next !== undefined) {
        pending.readiness = true;
        k.syncPodAt(uid, next);
      }
      if (!podIsTerminal) prober.watch(pod, container, isInit, record, podIP);
    }
    return prober.isReady(container, record, podIP);
  };
  const isStarted = (container: Container, record: ContainerRecord) => prober.isStarted(container, record, podIP);
  const base = k.statusManager.getPodStatus(uid);
  const withCachedStatus = base ? ({ ...pod, status: { ...pod.status, ...base, conditions: pod.status?.conditions ?? base.conditions } } as Stored<Pod>) : pod;
  return generateAPIPodStatus({ pod: withCachedStatus, runtime, reasons: k.reasonCache.get(uid), podIsTerminal, hostIP: k.hostIP, isReady, isStarted, epochMs: k.epochMs });
}

/** updateReasonCache records the sync's failures; a changed cache is a new Map (the short-cut compares identity). */
function updateReasonCache(k: KubeletSyncState, uid: string, result: PodSyncResult): void {
  const old = k.reasonCache.get(uid);
  if (result.failures.size === 0 && !result.succeeded.some((name) => old?.has(name))) return;
  const reasons = new Map(old);
  for (const name of result.succeeded) reasons.delete(name);
  for (const [name, failure] of result.failures) reasons.set(name, failure);
  if (reasons.size === 0) k.reasonCache.delete(uid);
  else k.reasonCache.set(uid, reasons);
}

/** advance moves the pod's lifecycle state and traces real transitions (`pod.lifecycle`). */
function advance(k: KubeletSyncState, pod: Stored<Pod>, event: PodLifecycleEventType): void {
  const uid = pod.metadata.uid ?? '';
  const from = k.lifecycle.get(uid) ?? INITIAL_POD_LIFECYCLE_STATE;
  const to = advancePodLifecycle(from, event);
  k.lifecycle.set(uid, to);
  if (from !== to && k.sim.trace.enabled) {
    k.sim.emit({ component: k.component, kind: 'pod.lifecycle', ref: { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid }, event, from, to });
  }
}
