// Mirrors kubernetes pkg/controller/statefulset/stateful_set.go (v1.32): the controller, its
// informer handlers, sync(key), getPodsForStatefulSet and adoptOrphanRevisions. The ordering and
// update logic is DefaultStatefulSetControl (statefulSetControl.ts).

import type { ControllerRevision, StatefulSet } from 'kubernetes-types/apps/v1';
import type { PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
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
import { controllerRefsEqual, getControllerOf, labelsEqual, newControllerRef } from '../controllerUtils';
import { History } from '../history/controllerHistory';
import { isPodReady } from '../podutil';
import type { ControllerClient, SyncError } from '../types';
import { StatefulPodControl } from './statefulPodControl';
import { DefaultStatefulSetControl } from './statefulSetControl';
import { isMemberOf, specReplicas } from './statefulSetUtils';
import { STATEFULSET_CONTROLLER } from './podPass';

export { STATEFULSET_CONTROLLER };

export interface StatefulSetControllerOptions {
  sim: Simulator;
  epochMs: number;
  client: ControllerClient;
  recorder: EventRecorder;
  statefulSets: SharedIndexInformer<StatefulSet>;
  pods: SharedIndexInformer<Pod>;
  revisions: SharedIndexInformer<ControllerRevision>;
  claims: SharedIndexInformer<PersistentVolumeClaim>;
}

/**
 * StatefulSetController gives each StatefulSet `spec.replicas` pods with stable names
 * (`<set>-<ordinal>`), stable storage (one claim per volumeClaimTemplate and ordinal) and a
 * stable network identity (hostname and subdomain under the headless Service), and keeps its
 * template history as ControllerRevisions. Informer handlers only enqueue the set's key.
 */
export class StatefulSetController {
  readonly queue: RateLimitingQueue;
  readonly control: DefaultStatefulSetControl;
  readonly sim: Simulator;
  readonly client: ControllerClient;
  readonly statefulSets: SharedIndexInformer<StatefulSet>;
  readonly pods: SharedIndexInformer<Pod>;
  private readonly informers: ReadonlyArray<{ readonly hasSynced: boolean }>;

  constructor(options: StatefulSetControllerOptions) {
    ({ sim: this.sim, client: this.client, statefulSets: this.statefulSets, pods: this.pods } = options);
    this.informers = [options.pods, options.statefulSets, options.claims, options.revisions];
    const podControl = new StatefulPodControl(this.client, options.pods, options.claims, options.recorder);
    this.control = new DefaultStatefulSetControl(this.sim, options.epochMs, this.client, options.statefulSets, podControl, new History(this.client, options.revisions));
    this.queue = new RateLimitingQueue(this.sim, 'statefulset', STATEFULSET_CONTROLLER);
    this.pods.addEventHandler({
      add: (pod) => this.addPod(pod),
      update: (old, cur) => this.updatePod(old, cur),
      delete: (pod) => this.deletePod(pod),
    });
    this.statefulSets.addEventHandler({
      add: (set) => this.enqueueStatefulSet(set),
      update: (_old, cur) => this.enqueueStatefulSet(cur),
      delete: (set) => this.enqueueStatefulSet(set),
    });
  }

  /** run waits for the four caches, then starts `workers` (--concurrent-statefulset-syncs, 5). */
  run(workers: number): void {
    // processNextWorkItem requeues a failed key with back-off for as long as it keeps failing.
    waitForCacheSync(this.sim, this.informers).then(() => runWorkers(this.sim, this.queue, workers, STATEFULSET_CONTROLLER, (key) => this.sync(key), Infinity));
  }

  /** sync adopts orphaned revisions and pods, then runs the set's update. */
  *sync(key: string): Task<SyncError> {
    const cached = this.statefulSets.indexer.get(key) as Stored<StatefulSet> | undefined;
    if (!cached) return undefined;
    const set = deepClone(cached);
    const adoptErr = yield* this.adoptOrphanRevisions(set);
    if (adoptErr) return adoptErr;
    const claimed = yield* this.getPodsForStatefulSet(set);
    if (claimed.err) return claimed.err;
    return yield* this.syncStatefulSet(set, claimed.pods);
  }

  /**
   * syncStatefulSet runs the update; with minReadySeconds it checks again once the pods that are
   * ready now can have become available.
   */
  private *syncStatefulSet(set: Stored<StatefulSet>, pods: Stored<Pod>[]): Task<SyncError> {
    const { status, err } = yield* this.control.updateStatefulSet(set, pods);
    if (err) return err;
    const minReadySeconds = set.spec?.minReadySeconds ?? 0;
    if (minReadySeconds > 0 && status && (status.availableReplicas ?? 0) !== specReplicas(set)) this.queue.addAfter(namespacedName(set), minReadySeconds * 1000);
    return undefined;
  }

  /**
   * getPodsForStatefulSet claims the namespace's pods the selector matches and whose name makes
   * them members (`<set>-<n>`): orphans are adopted, owned pods that stopped matching released.
   */
  private *getPodsForStatefulSet(set: Stored<StatefulSet>): Task<{ pods: Stored<Pod>[]; err: SyncError }> {
    const pods = this.pods.indexer.byIndex('namespace', set.metadata.namespace ?? '') as Stored<Pod>[];
    const claimed = yield* claimObjects(
      {
        client: this.client, resource: 'pods', controller: set, selector: fromLabelSelector(set.spec?.selector),
        controllerRef: newControllerRef(set, 'apps/v1', 'StatefulSet'), canAdopt: recheckDeletionTimestamp(this.client, 'statefulsets', set),
        filter: (pod) => isMemberOf(set, pod as Pod),
      },
      pods,
    );
    return { pods: claimed.claimed, err: claimed.err };
  }

  /** adoptOrphanRevisions adopts the matching revisions nobody controls, after a live check of the set. */
  private *adoptOrphanRevisions(set: Stored<StatefulSet>): Task<SyncError> {
    const orphans = this.control.listRevisions(set).filter((r) => !getControllerOf(r));
    if (orphans.length === 0) return undefined;
    const canAdoptErr = yield* recheckDeletionTimestamp(this.client, 'statefulsets', set)();
    if (canAdoptErr) return `can't adopt ControllerRevisions: ${canAdoptErr}`;
    return yield* this.control.adoptOrphanRevisions(set, orphans);
  }

  private enqueueStatefulSet(set: Stored<StatefulSet>): void {
    this.queue.add(namespacedName(set));
  }

  /** addPod wakes the pod's set, or for an orphan every set that might adopt it. */
  private addPod(pod: Stored<Pod>): void {
    if (pod.metadata.deletionTimestamp) return this.deletePod(pod);
    const ref = getControllerOf(pod);
    if (ref) {
      const set = this.resolveControllerRef(pod.metadata.namespace, ref);
      if (set) this.enqueueStatefulSet(set);
      return;
    }
    for (const set of this.getStatefulSetsForPod(pod)) this.enqueueStatefulSet(set);
  }

  /** updatePod wakes the old and new owners; a pod turning ready wakes its set again after minReadySeconds. */
  private updatePod(old: Stored<Pod>, cur: Stored<Pod>): void {
    if (old.metadata.resourceVersion === cur.metadata.resourceVersion) return;
    const labelChanged = !labelsEqual(old.metadata.labels, cur.metadata.labels);
    const curRef = getControllerOf(cur);
    const oldRef = getControllerOf(old);
    const refChanged = !controllerRefsEqual(curRef, oldRef);
    if (refChanged && oldRef) {
      const set = this.resolveControllerRef(old.metadata.namespace, oldRef);
      if (set) this.enqueueStatefulSet(set);
    }
    if (curRef) {
      const set = this.resolveControllerRef(cur.metadata.namespace, curRef);
      if (!set) return;
      this.enqueueStatefulSet(set);
      const minReadySeconds = set.spec?.minReadySeconds ?? 0;
      if (!isPodReady(old) && isPodReady(cur) && minReadySeconds > 0) this.queue.addAfter(namespacedName(set), minReadySeconds * 1000 + 1000);
      return;
    }
    if (labelChanged || refChanged) for (const set of this.getStatefulSetsForPod(cur)) this.enqueueStatefulSet(set);
  }

  private deletePod(pod: Stored<Pod>): void {
    const ref = getControllerOf(pod);
    if (!ref) return;
    const set = this.resolveControllerRef(pod.metadata.namespace, ref);
    if (set) this.enqueueStatefulSet(set);
  }

  private resolveControllerRef(namespace: string | undefined, ref: OwnerReference): Stored<StatefulSet> | undefined {
    if (ref.kind !== 'StatefulSet') return undefined;
    const set = this.statefulSets.indexer.get(`${namespace}/${ref.name}`) as Stored<StatefulSet> | undefined;
    return set && set.metadata.uid === ref.uid ? set : undefined;
  }

  /** getStatefulSetsForPod: the sets in the pod's namespace whose selector matches it (GetPodStatefulSets). */
  private getStatefulSetsForPod(pod: Stored<Pod>): Stored<StatefulSet>[] {
    return (this.statefulSets.indexer.byIndex('namespace', pod.metadata.namespace ?? '') as Stored<StatefulSet>[]).filter((set) => {
      const selector = fromLabelSelector(set.spec?.selector);
      return selector.length > 0 && matches(selector, pod.metadata.labels);
    });
  }
}
