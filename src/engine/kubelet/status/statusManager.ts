// Mirrors kubernetes pkg/kubelet/status/status_manager.go (v1.32): caches the status each pod
// worker computes, writes it to the apiserver when it changed, and once a deleted pod's containers
// are gone, finishes the deletion with a zero grace period. A static pod's status goes to its
// mirror pod; a new mirror pod gets it on the next 10 s sync batch.
import type { Pod, PodCondition, PodStatus } from 'kubernetes-types/core/v1';
import type { Stored } from '../../api/object';
import type { ApiClient } from '../../client/client';
import type { Simulator, Timer } from '../../sim/simulator';
import { spawn, wait, type Task } from '../../sim/task';
import { toRFC3339 } from '../../sim/time';
import { KUBELET_CONDITION_TYPES } from '../kubeletPods';
import { isStaticPod } from '../pod/mirrorClient';
import { deepEqual } from '../util/deepEqual';

/** STATUS_RETRY_MS: a failed write is retried by the next pass of the 10 s sync loop; sooner here. */
const STATUS_RETRY_MS = 1_000;
/** SYNC_PERIOD_MS: the status manager's batch ticker (syncPeriod), counted from its start. */
const SYNC_PERIOD_MS = 10_000;

interface Entry {
  namespace: string;
  name: string;
  uid: string;
  status: PodStatus;
  version: number;
  syncedVersion: number;
  inflight: boolean;
  deleting: boolean;
  /** finished: the pod worker terminated the pod (no containers run; safe to delete). */
  finished: boolean;
  deleteSent: boolean;
  /** syncedResourceVersion: the resourceVersion our last status write produced (0 before any). */
  syncedResourceVersion: number;
  /** staticPod: the status belongs to a static pod and is written to its mirror pod. */
  staticPod: boolean;
  /** writtenMirrorUid: the mirror pod the last write reached ('' before any). */
  writtenMirrorUid: string;
  /** goneMirrorUid: a mirror pod a write found deleted; nothing more is sent to it. */
  goneMirrorUid: string;
}

/** MirrorUidOf gives the UID of a static pod's mirror pod as the kubelet sees it now (undefined: none). */
export type MirrorUidOf = (staticPodUid: string) => string | undefined;

/**
 * StatusManager is the only writer of the pods' status from a node. setPodStatus keeps condition
 * transition times and startTime stable across versions and ignores statuses equal to the cached
 * one; each change is written with a JSON merge patch of `status` (one write in flight per pod).
 */
export class StatusManager {
  private readonly entries = new Map<string, Entry>();
  private running = true;
  private startedAtMs: number;
  /** batch: entries waiting for the next sync batch (a new mirror pod to write to). */
  private readonly batch = new Set<Entry>();
  private batchTimer: Timer | undefined;

  constructor(
    private readonly sim: Simulator,
    private readonly client: ApiClient,
    private readonly epochMs: number,
    private readonly mirrorUidOf: MirrorUidOf = () => undefined,
  ) {
    this.startedAtMs = sim.nowMs;
  }

  getPodStatus(uid: string): PodStatus | undefined {
    return this.entries.get(uid)?.status;
  }

  /** setPodStatus records the status a sync computed for `pod` (updateStatusInternal). */
  setPodStatus(pod: Stored<Pod>, status: PodStatus): void {
    const uid = pod.metadata.uid ?? '';
    let entry = this.entries.get(uid);
    const old = entry?.status ?? pod.status ?? {};
    const now = toRFC3339(this.sim.nowMs, this.epochMs);
    const conditions = (status.conditions ?? []).map((c) => withTransitionTime(c, old.conditions, now));
    const next: PodStatus = { ...status, conditions, startTime: old.startTime ?? status.startTime ?? now };
    if (entry && deepEqual(entry.status, next)) {
      // needsReconcile: someone else changed a kubelet-owned field (the node lifecycle controller
      // set Ready=False while this kubelet was down); write the cached status again.
      const newerThanOurWrite = Number(pod.metadata.resourceVersion) > entry.syncedResourceVersion;
      if (entry.syncedVersion === entry.version && newerThanOurWrite && needsReconcile(pod.status, entry.status)) {
        entry.version++;
        this.syncSoon(entry);
      }
      return;
    }
    if (!entry) {
      entry = { namespace: pod.metadata.namespace ?? '', name: pod.metadata.name, uid, status: next, version: 0, syncedVersion: 0, inflight: false, deleting: false, finished: false, deleteSent: false, syncedResourceVersion: 0, staticPod: isStaticPod(pod), writtenMirrorUid: '', goneMirrorUid: '' };
      this.entries.set(uid, entry);
    }
    entry.status = next;
    entry.deleting ||= Boolean(pod.metadata.deletionTimestamp);
    entry.version++;
    this.syncSoon(entry);
  }

  /** podUpdated notes a deletion request seen by the informer. */
  podUpdated(pod: Stored<Pod>): void {
    const entry = this.entries.get(pod.metadata.uid ?? '');
    if (entry && pod.metadata.deletionTimestamp && !entry.deleting) {
      entry.deleting = true;
      this.syncSoon(entry);
    }
  }

  /**
   * mirrorPodChanged: the informer saw a static pod's mirror pod. A new one (re-created after a
   * delete) gets the cached status, unchanged, at the next sync batch; until then it shows the
   * apiserver's Pending. One whose kubelet-owned status someone else changed is written again.
   */
  mirrorPodChanged(staticPodUid: string, mirror: Stored<Pod>): void {
    const entry = this.entries.get(staticPodUid);
    if (!entry) return;
    if (mirror.metadata.uid !== entry.writtenMirrorUid) {
      this.scheduleBatch(entry);
      return;
    }
    const newerThanOurWrite = Number(mirror.metadata.resourceVersion) > entry.syncedResourceVersion;
    if (entry.syncedVersion === entry.version && newerThanOurWrite && needsReconcile(mirror.status, entry.status)) {
      entry.version++;
      this.scheduleBatch(entry);
    }
  }

  /** podFinished: the pod worker stopped every container; a deleted pod may now be removed. */
  podFinished(uid: string): void {
    const entry = this.entries.get(uid);
    if (!entry) return;
    entry.finished = true;
    this.syncSoon(entry);
  }

  /** forget drops a pod that left the apiserver. */
  forget(uid: string): void {
    this.entries.delete(uid);
  }

  stop(): void {
    this.running = false;
    this.sim.cancel(this.batchTimer);
    this.batchTimer = undefined;
    this.batch.clear();
  }

  /** start resumes writing (statuses computed while stopped were never sent). */
  start(): void {
    this.running = true;
    this.startedAtMs = this.sim.nowMs;
    for (const entry of this.entries.values()) this.syncSoon(entry, true);
  }

  /** scheduleBatch books the entry for the next tick of the 10 s batch (syncBatch). */
  private scheduleBatch(entry: Entry): void {
    if (!this.running) return;
    this.batch.add(entry);
    if (this.batchTimer) return;
    const ticks = Math.floor((this.sim.nowMs - this.startedAtMs) / SYNC_PERIOD_MS) + 1;
    this.batchTimer = this.sim.at(this.startedAtMs + ticks * SYNC_PERIOD_MS, () => {
      this.batchTimer = undefined;
      const due = [...this.batch];
      this.batch.clear();
      for (const e of due) this.syncSoon(e, true);
    });
  }

  /**
   * syncSoon starts a write when there is one to do. A static pod's status waits for its mirror
   * pod ("does not have a corresponding mirror pod; skipping"); a mirror pod that is new but whose
   * status did not change waits for the batch.
   */
  private syncSoon(entry: Entry, batch = false): void {
    if (!this.running || entry.inflight || this.entries.get(entry.uid) !== entry) return;
    const changed = entry.syncedVersion !== entry.version;
    if (entry.staticPod) {
      const mirrorUid = this.mirrorUidOf(entry.uid);
      if (!mirrorUid || mirrorUid === entry.goneMirrorUid || (!changed && !(batch && mirrorUid !== entry.writtenMirrorUid))) return;
    } else if (!changed && !(entry.deleting && entry.finished && !entry.deleteSent)) return;
    entry.inflight = true;
    spawn(this.syncPod(entry));
  }

  /** pendingWrite: a newer status, or a static pod's status not yet on its current mirror pod. */
  private pendingWrite(entry: Entry): boolean {
    if (entry.syncedVersion !== entry.version) return true;
    if (!entry.staticPod) return false;
    const mirrorUid = this.mirrorUidOf(entry.uid);
    return mirrorUid !== undefined && mirrorUid !== entry.writtenMirrorUid && mirrorUid !== entry.goneMirrorUid;
  }

  /** syncPod writes the newest status, then deletes the pod when it is finished and being deleted. */
  private *syncPod(entry: Entry): Task<void> {
    let failed = false;
    while (this.running && this.entries.get(entry.uid) === entry && this.pendingWrite(entry)) {
      const version = entry.version;
      const mirrorUid = entry.staticPod ? this.mirrorUidOf(entry.uid) : undefined;
      if (entry.staticPod && (!mirrorUid || mirrorUid === entry.goneMirrorUid)) break;
      const result = yield* wait(this.client.patch('pods', entry.namespace, entry.name, 'merge', { status: entry.status }, { subresource: 'status' }));
      if (!result.ok) {
        // A static pod outlives its mirror pod: its status is kept for the next mirror.
        if (result.status.code === 404 && entry.staticPod) entry.goneMirrorUid = mirrorUid ?? '';
        else if (result.status.code === 404) this.entries.delete(entry.uid);
        else failed = true;
        break;
      }
      entry.syncedVersion = version;
      entry.writtenMirrorUid = mirrorUid ?? '';
      entry.syncedResourceVersion = Number(result.object.metadata.resourceVersion);
      // Keep the stored (frozen) copy when it says the same: one status object per pod instead of two.
      const stored = (result.object as Pod).status;
      if (entry.version === version && stored && deepEqual(stored, entry.status)) entry.status = stored;
    }
    if (this.running && entry.deleting && entry.finished && !entry.deleteSent && entry.syncedVersion === entry.version) {
      entry.deleteSent = true;
      const deleted = yield* wait(this.client.delete('pods', entry.namespace, entry.name, { gracePeriodSeconds: 0, preconditions: { uid: entry.uid } }));
      // A failed delete (etcd unavailable, say) is tried again, as the status manager's next sync would.
      if (!deleted.ok && deleted.status.code !== 404) {
        entry.deleteSent = false;
        failed = true;
      }
    }
    entry.inflight = false;
    if (failed) this.sim.after(STATUS_RETRY_MS, () => this.syncSoon(entry));
    else this.syncSoon(entry);
  }
}

/** withTransitionTime keeps the previous lastTransitionTime when the condition's status did not change. */
function withTransitionTime(condition: PodCondition, old: readonly PodCondition[] | undefined, now: string): PodCondition {
  const previous = old?.find((c) => c.type === condition.type);
  const lastTransitionTime = condition.lastTransitionTime ?? (previous && previous.status === condition.status ? previous.lastTransitionTime : now);
  return { type: condition.type, status: condition.status, lastProbeTime: null as unknown as string, lastTransitionTime, ...(condition.reason ? { reason: condition.reason } : {}), ...(condition.message ? { message: condition.message } : {}) };
}

/**
 * needsReconcile mirrors the status manager's needsReconcile / isPodStatusByKubeletEqual: the
 * apiserver's copy differs from what the kubelet last wrote in the phase or a condition the
 * kubelet owns.
 */
function needsReconcile(apiStatus: PodStatus | undefined, cached: PodStatus): boolean {
  if (!apiStatus) return false;
  if ((apiStatus.phase ?? '') !== (cached.phase ?? '')) return true;
  for (const type of KUBELET_CONDITION_TYPES) {
    const theirs = apiStatus.conditions?.find((c) => c.type === type);
    const ours = cached.conditions?.find((c) => c.type === type);
    if ((theirs?.status ?? '') !== (ours?.status ?? '')) return true;
  }
  return false;
}
