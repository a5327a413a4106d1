// Mirrors kubernetes pkg/controller/replicaset/replica_set.go.

import type { ReplicaSet, ReplicaSetStatus } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { OwnerReference } from 'kubernetes-types/meta/v1';
import { fromLabelSelector, matches } from '../../api/labels';
import { deepClone, namespacedName, type Stored } from '../../api/object';
import type { SharedIndexInformer } from '../../client/cache/sharedInformer';
import type { EventRecorder } from '../../client/record/eventRecorder';
import { RateLimitingQueue } from '../../client/workqueue/queue';
import { runWorkers } from '../../client/workqueue/workers';
import type { Simulator } from '../../sim/simulator';
import type { Task } from '../../sim/task';
import { waitForCacheSync } from '../cacheSync';
import { claimObjects, recheckDeletionTimestamp } from '../controllerRefManager';
import { addPodControllerUIDIndex, filterPodsByOwner, orphanIndexKey, POD_CONTROLLER_UID_INDEX } from '../podIndex';
import { controllerRefsEqual, filterActivePods, getControllerOf, isPodActive, labelsEqual, newControllerRef, podKey, specReplicas } from '../controllerUtils';
import { UIDTrackingControllerExpectations } from '../expectations';
import { PodControl } from '../podControl';
import { isPodReady } from '../podutil';
import type { ControllerClient, SyncError } from '../types';
import { createShortfall, manageReplicas } from './manageReplicas';
import { ReplicaSetPodTally } from './podTally';
import { calculateStatus, statusFromCounts, updateReplicaSetStatus } from './replicaSetUtils';

export const REPLICASET_CONTROLLER = 'replicaset-controller';
/** BURST_REPLICAS caps creations/deletions per sync (BurstReplicas = 500). */
export const BURST_REPLICAS = 500;

export interface ReplicaSetControllerOptions {
  sim: Simulator;
  epochMs: number;
  client: ControllerClient;
  recorder: EventRecorder;
  replicaSets: SharedIndexInformer<ReplicaSet>;
  pods: SharedIndexInformer<Pod>;
  burstReplicas?: number;
}

/**
 * ReplicaSetController keeps `spec.replicas` pods running per ReplicaSet: it creates pods from the
 * template in slow-start batches and deletes the least valuable ones, and reports counts in the
 * status. Expectations keep it from acting twice on the same shortfall while the informer has not
 * yet seen its own creations.
 */
export class ReplicaSetController {
  readonly queue: RateLimitingQueue;
  readonly expectations: UIDTrackingControllerExpectations;
  readonly podControl: PodControl;
  readonly burstReplicas: number;
  readonly sim: Simulator;
  readonly epochMs: number;
  readonly client: ControllerClient;
  readonly recorder: EventRecorder;
  readonly replicaSets: SharedIndexInformer<ReplicaSet>;
  readonly pods: SharedIndexInformer<Pod>;
  private readonly tally: ReplicaSetPodTally;
  /** listEverySync turns the tally off (tests compare both paths). */
  static listEverySync = false;

  constructor(options: ReplicaSetControllerOptions) {
    ({ sim: this.sim, epochMs: this.epochMs, client: this.client, recorder: this.recorder } = options);
    ({ replicaSets: this.replicaSets, pods: this.pods } = options);
    this.burstReplicas = options.burstReplicas ?? BURST_REPLICAS;
    this.queue = new RateLimitingQueue(this.sim, 'replicaset', REPLICASET_CONTROLLER);
    this.expectations = new UIDTrackingControllerExpectations(() => this.sim.nowMs);
    this.podControl = new PodControl(this.client, this.recorder);
    this.replicaSets.addEventHandler({
      add: (rs) => this.queue.add(namespacedName(rs)),
      update: (old, cur) => this.updateRS(old, cur),
      delete: (rs) => this.deleteRS(rs),
    });
    addPodControllerUIDIndex(this.pods);
    // Before the controller's own handlers: a sync they wake must see the tally up to date.
    this.tally = new ReplicaSetPodTally(this.pods);
    this.pods.addEventHandler({
      add: (pod) => this.addPod(pod),
      update: (old, cur) => this.updatePod(old, cur),
      delete: (pod) => this.deletePod(pod),
    });
  }

  /** run waits for the caches, then starts `workers` workers (--concurrent-replicaset-syncs, 5). */
  run(workers: number): void {
    waitForCacheSync(this.sim, [this.replicaSets, this.pods]).then(() =>
      runWorkers(this.sim, this.queue, workers, REPLICASET_CONTROLLER, (key) => this.syncReplicaSet(key)),
    );
  }

  /**
   * syncReplicaSet: claim the active pods, create or delete the difference if expectations are
   * met and the RS is not being deleted, then write the status.
   */
  *syncReplicaSet(key: string): Task<SyncError> {
    const cached = this.replicaSets.indexer.get(key) as Stored<ReplicaSet> | undefined;
    if (!cached) {
      this.expectations.deleteExpectations(key);
      return undefined;
    }
    const rsNeedsSync = this.expectations.satisfiedExpectations(key);
    const counted = this.countedSync(cached, rsNeedsSync);
    if (counted) return yield* counted;
    // List the RS's own pods and the orphans it may adopt (FilterPodsByOwner, v1.32).
    const allPods = filterPodsByOwner(this.pods, cached, true);
    const claimed = yield* claimObjects(
      {
        client: this.client, resource: 'pods', controller: cached, selector: fromLabelSelector(cached.spec?.selector),
        controllerRef: newControllerRef(cached, 'apps/v1', 'ReplicaSet'), canAdopt: recheckDeletionTimestamp(this.client, 'replicasets', cached),
      },
      filterActivePods(allPods),
    );
    if (claimed.err) return claimed.err;
    const filteredPods = claimed.claimed;
    let manageReplicasErr: SyncError;
    if (rsNeedsSync && !cached.metadata.deletionTimestamp) manageReplicasErr = yield* manageReplicas(this, filteredPods, cached);
    const rs = deepClone(cached);
    const newStatus = calculateStatus(rs, filteredPods, manageReplicasErr, this.sim.nowMs, this.epochMs);
    return yield* this.finishSync(key, rs, newStatus, manageReplicasErr);
  }

  /**
   * countedSync is syncReplicaSet from the pod tally when the listing would only be counted: no
   * orphan to adopt, no owned pod to release, nothing to delete and no minReadySeconds clock.
   * The result is the same; the work no longer grows with the RS's pods (undefined = take the
   * listing path).
   */
  private countedSync(cached: Stored<ReplicaSet>, rsNeedsSync: boolean): Task<SyncError> | undefined {
    if ((cached.spec?.minReadySeconds ?? 0) > 0 || ReplicaSetController.listEverySync) return undefined;
    const deleting = !!cached.metadata.deletionTimestamp;
    if (!deleting && this.hasAdoptableOrphan(cached)) return undefined;
    const counts = this.tally.countsFor(cached);
    if (counts.activeUnselected > 0 && !deleting) return undefined;
    if (rsNeedsSync && !deleting && counts.activeSelected > specReplicas(cached)) return undefined;
    const key = namespacedName(cached);
    // The numbers as of now, as the listing is taken before manageReplicas creates anything.
    const { activeSelected: replicas, fullyLabeled, ready } = counts;
    return function* (this: ReplicaSetController): Task<SyncError> {
      let manageReplicasErr: SyncError;
      if (rsNeedsSync && !deleting) manageReplicasErr = yield* createShortfall(this, replicas, cached);
      const rs = deepClone(cached);
      const newStatus = statusFromCounts(rs, { replicas, fullyLabeled, ready, available: ready }, manageReplicasErr, this.sim.nowMs, this.epochMs);
      return yield* this.finishSync(key, rs, newStatus, manageReplicasErr);
    }.call(this);
  }

  /** hasAdoptableOrphan: an active pod without a controller that the RS's selector matches (claimObjects would adopt it). */
  private hasAdoptableOrphan(rs: Stored<ReplicaSet>): boolean {
    if (this.pods.indexer.countIndex(POD_CONTROLLER_UID_INDEX, orphanIndexKey(rs.metadata.namespace)) === 0) return false;
    const selector = fromLabelSelector(rs.spec?.selector);
    const orphans = this.pods.indexer.byIndex(POD_CONTROLLER_UID_INDEX, orphanIndexKey(rs.metadata.namespace)) as Stored<Pod>[];
    return orphans.some((pod) => isPodActive(pod) && matches(selector, pod.metadata.labels));
  }

  private *finishSync(key: string, rs: ReplicaSet, newStatus: ReplicaSetStatus, manageReplicasErr: SyncError): Task<SyncError> {
    const updated = yield* updateReplicaSetStatus(this.client, rs as Stored<ReplicaSet>, newStatus);
    if (updated.err) return updated.err;
    const minReadySeconds = rs.spec?.minReadySeconds ?? 0;
    const status: ReplicaSetStatus = updated.rs!.status ?? { replicas: 0 };
    if (!manageReplicasErr && minReadySeconds > 0 && (status.readyReplicas ?? 0) === specReplicas(rs) && (status.availableReplicas ?? 0) !== specReplicas(rs)) {
      this.queue.addAfter(key, minReadySeconds * 1000);
    }
    return manageReplicasErr;
  }

  private updateRS(old: Stored<ReplicaSet>, cur: Stored<ReplicaSet>): void {
    if (old.metadata.uid !== cur.metadata.uid) this.deleteRS(old);
    this.queue.add(namespacedName(cur));
  }

  private deleteRS(rs: Stored<ReplicaSet>): void {
    const key = namespacedName(rs);
    this.expectations.deleteExpectations(key);
    this.tally.drop(rs.metadata.uid);
    this.queue.add(key);
  }

  /** addPod counts an observed creation for the owner, or offers an orphan to matching RSs. */
  private addPod(pod: Stored<Pod>): void {
    if (pod.metadata.deletionTimestamp) return this.deletePod(pod);
    const ref = getControllerOf(pod);
    if (ref) {
      const rs = this.resolveControllerRef(pod.metadata.namespace, ref);
      if (!rs) return;
      const key = namespacedName(rs);
      this.expectations.creationObserved(key);
      this.queue.add(key);
      return;
    }
    for (const rs of this.getPodReplicaSets(pod)) this.queue.add(namespacedName(rs));
  }

  private updatePod(old: Stored<Pod>, cur: Stored<Pod>): void {
    if (old.metadata.resourceVersion === cur.metadata.resourceVersion) return;
    const labelChanged = !labelsEqual(old.metadata.labels, cur.metadata.labels);
    if (cur.metadata.deletionTimestamp) {
      this.deletePod(cur);
      if (labelChanged) this.deletePod(old);
      return;
    }
    const curRef = getControllerOf(cur);
    const oldRef = getControllerOf(old);
    const refChanged = !controllerRefsEqual(curRef, oldRef);
    if (refChanged && oldRef) {
      const rs = this.resolveControllerRef(old.metadata.namespace, oldRef);
      if (rs) this.queue.add(namespacedName(rs));
    }
    if (curRef) {
      const rs = this.resolveControllerRef(cur.metadata.namespace, curRef);
      if (!rs) return;
      this.queue.add(namespacedName(rs));
      const minReadySeconds = rs.spec?.minReadySeconds ?? 0;
      if (!isPodReady(old) && isPodReady(cur) && minReadySeconds > 0) this.queue.addAfter(namespacedName(rs), minReadySeconds * 1000 + 1000);
      return;
    }
    if (labelChanged || refChanged) for (const rs of this.getPodReplicaSets(cur)) this.queue.add(namespacedName(rs));
  }

  /** deletePod counts an observed deletion (once per pod key) and wakes the owner. */
  private deletePod(pod: Stored<Pod>): void {
    const ref = getControllerOf(pod);
    if (!ref) return;
    const rs = this.resolveControllerRef(pod.metadata.namespace, ref);
    if (!rs) return;
    const key = namespacedName(rs);
    this.expectations.podDeletionObserved(key, podKey(pod));
    this.queue.add(key);
  }

  private resolveControllerRef(namespace: string | undefined, ref: OwnerReference): Stored<ReplicaSet> | undefined {
    if (ref.kind !== 'ReplicaSet') return undefined;
    const rs = this.replicaSets.indexer.get(`${namespace}/${ref.name}`) as Stored<ReplicaSet> | undefined;
    return rs && rs.metadata.uid === ref.uid ? rs : undefined;
  }

  /** getPodReplicaSets lists RSs whose selector matches an orphan pod. */
  private getPodReplicaSets(pod: Stored<Pod>): Stored<ReplicaSet>[] {
    return (this.replicaSets.indexer.byIndex('namespace', pod.metadata.namespace ?? '') as Stored<ReplicaSet>[]).filter((rs) => {
      const selector = fromLabelSelector(rs.spec?.selector);
      return selector.length > 0 && matches(selector, pod.metadata.labels);
    });
  }
}
