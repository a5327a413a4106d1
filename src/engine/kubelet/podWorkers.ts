// Mirrors kubernetes pkg/kubelet/pod_workers.go (v1.32): one worker per pod, serializing its
// syncs through the three phases syncing → terminating → terminated, with the resync and
// back-off requeues of completeWork.
import type { Pod, PodStatus } from 'kubernetes-types/core/v1';
import type { Stored } from '../api/object';
import type { Rng } from '../sim/rng';
import type { Simulator, Timer } from '../sim/simulator';
import { spawn, type Task } from '../sim/task';
import { gracePeriodSeconds } from './kuberuntime/kuberuntimeContainer';

/** WORKER_JITTER_FACTOR: requeues are jittered by up to +50% (workerResyncIntervalJitterFactor). */
const WORKER_JITTER_FACTOR = 0.5;

export type PodWorkerState = 'syncing' | 'terminating' | 'terminated';

/** SyncOutcome: `error` requeues after the back-off period; `terminal` moves on to terminating. */
export interface SyncOutcome {
  error?: string;
  terminal?: boolean;
}

/** PodSyncHandlers are the kubelet's SyncPod, SyncTerminatingPod and SyncTerminatedPod. */
/** PodStatusFunc shapes the status of a pod the kubelet kills itself (an eviction's Failed/Evicted). */
export type PodStatusFunc = (status: PodStatus) => PodStatus;

export interface PodSyncHandlers {
  syncPod(pod: Stored<Pod>): Task<SyncOutcome>;
  syncTerminatingPod(pod: Stored<Pod>, graceSeconds: number, statusFn?: PodStatusFunc): Task<SyncOutcome>;
  syncTerminatedPod(pod: Stored<Pod>, statusFn?: PodStatusFunc): Task<SyncOutcome>;
  /** podForgotten: the pod left the apiserver and its worker finished. */
  podForgotten(uid: string): void;
}

interface PodSyncStatus {
  uid: string;
  pod: Stored<Pod>;
  state: PodWorkerState;
  graceSeconds: number;
  working: boolean;
  pending: boolean;
  removed: boolean;
  finished: boolean;
  requeue: Timer | undefined;
  /** restartPod: the pod came back under the same UID while this worker terminated it (a static pod). */
  restartPod: Stored<Pod> | undefined;
  /** statusFn: set by killPod (KillPodOptions.PodStatusFunc). */
  statusFn?: PodStatusFunc;
}

export interface PodWorkerTimings {
  resyncIntervalMs: number;
  backOffPeriodMs: number;
  /** tickAlignedMs rounds a due time up to the kubelet's 1 s sync-loop tick. */
  tickAlignedMs: (dueMs: number) => number;
}

/**
 * PodWorkers runs each pod's syncs one at a time: updates arriving during a sync are coalesced
 * into one more pass. After a sync the pod is requeued: at once after a phase change, after
 * 10–15 s after an error (crash-loop and image back-offs included, as in v1.32), else after the
 * 60–90 s resync.
 */
export class PodWorkers {
  private readonly workers = new Map<string, PodSyncStatus>();
  private active = true;

  constructor(
    private readonly sim: Simulator,
    private readonly rng: Rng,
    private readonly handlers: PodSyncHandlers,
    private readonly timings: PodWorkerTimings,
  ) {}

  /** updatePod delivers a new version of the pod (or a sync request) to its worker. */
  updatePod(pod: Stored<Pod>): void {
    const uid = pod.metadata.uid ?? '';
    let status = this.workers.get(uid);
    if (!status) {
      status = { uid, pod, state: 'syncing', graceSeconds: 0, working: false, pending: false, removed: false, finished: false, requeue: undefined, restartPod: undefined };
      this.workers.set(uid, status);
    }
    if (status.removed) {
      // Only a static pod reuses a UID (its manifest is back): the old instance finishes
      // terminating first, then a new worker starts it ("restartable after termination").
      status.restartPod = pod;
      return;
    }
    status.pod = pod;
    if (pod.metadata.deletionTimestamp && status.state === 'syncing') this.beginTermination(status);
    this.kick(status);
  }

  /**
   * killPod terminates a running pod on the kubelet's own account (UpdatePod with SyncPodKill):
   * with `graceSeconds`, its final status shaped by `statusFn`. False when the pod is not running here.
   */
  killPod(uid: string, graceSeconds: number, statusFn: PodStatusFunc): boolean {
    const status = this.workers.get(uid);
    if (!status || status.state !== 'syncing' || status.removed) return false;
    status.state = 'terminating';
    status.graceSeconds = graceSeconds;
    status.statusFn = statusFn;
    this.kick(status);
    return true;
  }

  /** setPod records a status-only update of the pod without a sync (kubelet config "reconcile"). */
  setPod(pod: Stored<Pod>): void {
    const status = this.workers.get(pod.metadata.uid ?? '');
    if (status) status.pod = pod;
  }

  /** removePod: the pod is gone from its source (the apiserver deleted it, its manifest file left). */
  removePod(uid: string): void {
    const status = this.workers.get(uid);
    if (!status) return;
    status.removed = true;
    if (status.finished && !status.working) {
      this.workers.delete(uid);
      this.handlers.podForgotten(uid);
      return;
    }
    if (status.state === 'syncing') this.beginTermination(status);
    this.kick(status);
  }

  /** syncKnownPods removes the workers of pods the apiserver no longer has (HandlePodCleanups). */
  syncKnownPods(known: ReadonlySet<string>): void {
    for (const uid of [...this.workers.keys()]) if (!known.has(uid)) this.removePod(uid);
  }

  /** syncPods asks the workers of these pods for a sync (PLEG events). */
  syncPods(uids: readonly string[]): void {
    for (const uid of uids) {
      const status = this.workers.get(uid);
      if (status) this.kick(status);
    }
  }

  state(uid: string): PodWorkerState | undefined {
    return this.workers.get(uid)?.state;
  }

  /** stop parks every worker (the kubelet died): nothing runs until start. */
  stop(): void {
    this.active = false;
    for (const status of this.workers.values()) this.sim.cancel(status.requeue);
  }

  start(): void {
    this.active = true;
    for (const status of this.workers.values()) this.kick(status);
  }

  private beginTermination(status: PodSyncStatus): void {
    status.state = 'terminating';
    status.graceSeconds = gracePeriodSeconds(status.pod);
  }

  private kick(status: PodSyncStatus): void {
    status.pending = true;
    if (!this.active || status.working || status.finished) return;
    status.working = true;
    this.sim.cancel(status.requeue);
    status.requeue = undefined;
    spawn(this.work(status));
  }

  private *work(status: PodSyncStatus): Task<void> {
    while (status.pending && this.active && !status.finished) {
      status.pending = false;
      const before = status.state;
      const outcome = yield* this.syncOnce(status);
      if (this.workers.get(status.uid) !== status) return;
      this.completeWork(status, status.state !== before, outcome.error);
    }
    status.working = false;
    if (status.finished && status.removed) {
      this.workers.delete(status.uid);
      this.handlers.podForgotten(status.uid);
      if (status.restartPod) this.updatePod(status.restartPod);
    }
  }

  private *syncOnce(status: PodSyncStatus): Task<SyncOutcome> {
    switch (status.state) {
      case 'syncing': {
        const outcome = yield* this.handlers.syncPod(status.pod);
        if (outcome.terminal && status.state === 'syncing') this.beginTermination(status);
        return outcome;
      }
      case 'terminating': {
        const outcome = yield* this.handlers.syncTerminatingPod(status.pod, status.graceSeconds, status.statusFn);
        if (!outcome.error) status.state = 'terminated';
        return outcome;
      }
      case 'terminated': {
        const outcome = yield* this.handlers.syncTerminatedPod(status.pod, status.statusFn);
        if (!outcome.error) status.finished = true;
        return outcome;
      }
    }
  }

  /** completeWork requeues: now after a phase change, back-off after an error, else resync. */
  private completeWork(status: PodSyncStatus, phaseTransition: boolean, error: string | undefined): void {
    if (phaseTransition) {
      status.pending = true;
      return;
    }
    if (status.finished || status.pending) return;
    const baseMs = error ? this.timings.backOffPeriodMs : this.timings.resyncIntervalMs;
    const dueMs = this.timings.tickAlignedMs(this.sim.nowMs + Math.round(baseMs * (1 + WORKER_JITTER_FACTOR * this.rng.float())));
    this.sim.cancel(status.requeue);
    status.requeue = this.sim.at(dueMs, () => {
      status.requeue = undefined;
      this.kick(status);
    });
  }
}
