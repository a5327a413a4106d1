// Mirrors kubernetes pkg/controller/daemon/daemon_controller.go (v1.32): the controller, its
// informer handlers, syncDaemonSet, manage/podsShouldBeOnNode/syncNodes and the status. Rolling
// updates and revision history are in update.ts.

import type { ControllerRevision, DaemonSet } from 'kubernetes-types/apps/v1';
import type { Node, NodeCondition, Pod } from 'kubernetes-types/core/v1';
import type { OwnerReference } from 'kubernetes-types/meta/v1';
import { fromLabelSelector, matches } from '../../api/labels';
import { namespacedName, type Stored } from '../../api/object';
import { Backoff } from '../../client/backoff';
import type { SharedIndexInformer } from '../../client/cache/sharedInformer';
import type { EventRecorder } from '../../client/record/eventRecorder';
import { RateLimitingQueue } from '../../client/workqueue/queue';
import { runWorkers } from '../../client/workqueue/workers';
import type { Simulator } from '../../sim/simulator';
import { spawn, type Task } from '../../sim/task';
import { waitForCacheSync } from '../cacheSync';
import { claimObjects, recheckDeletionTimestamp } from '../controllerRefManager';
import { controllerRefsEqual, getControllerOf, labelsEqual, newControllerRef } from '../controllerUtils';
import { stableStringify } from '../equality';
import { ControllerExpectations } from '../expectations';
import { PodControl } from '../podControl';
import { addPodControllerUIDIndex, filterPodsByOwner } from '../podIndex';
import { isPodReady, isPodTerminal } from '../podutil';
import { refOf, traceDecision } from '../trace';
import type { ControllerClient, SyncError } from '../types';
import { waitAll } from '../waitAll';
import { SLOW_START_INITIAL_BATCH_SIZE } from '../replicaset/manageReplicas';
import { nodeShouldRunDaemonPod } from './nodeShouldRunDaemonPod';
import { getUnscheduledPodsWithoutNode, podsShouldBeOnNode } from './manage';
import { updateDaemonSetStatus } from './status';
import { cleanupHistory, constructHistory, rollingUpdate, type NodeToDaemonPods } from './update';
import { CONTROLLER_REVISION_HASH_LABEL, createPodTemplate, getTargetNodeName, getTemplateGeneration, replaceDaemonSetPodNodeNameNodeAffinity } from './util/daemonSetUtil';

export const DAEMONSET_CONTROLLER = 'daemonset-controller';
/** BURST_REPLICAS caps creations/deletions per sync (250: more would hammer the registries). */
export const BURST_REPLICAS = 250;
/** Failed daemon pods are deleted with a per-node back-off: 1 s doubling to 15 min (startDaemonSetController). */
const FAILED_PODS_BACKOFF_MS = 1_000;
const FAILED_PODS_BACKOFF_MAX_MS = 15 * 60_000;

/** Event reasons of daemon_controller.go. */
export const SELECTING_ALL_REASON = 'SelectingAll';
export const FAILED_DAEMON_POD_REASON = 'FailedDaemonPod';
export const SUCCEEDED_DAEMON_POD_REASON = 'SucceededDaemonPod';

export interface DaemonSetsControllerOptions {
  sim: Simulator;
  epochMs: number;
  client: ControllerClient;
  recorder: EventRecorder;
  daemonSets: SharedIndexInformer<DaemonSet>;
  revisions: SharedIndexInformer<ControllerRevision>;
  pods: SharedIndexInformer<Pod>;
  nodes: SharedIndexInformer<Node>;
}

/**
 * DaemonSetsController runs one pod of each DaemonSet on every node that qualifies (node name,
 * nodeSelector and required affinity, taints against the pod's tolerations plus the daemon
 * defaults). Pods are pinned to their node with a `metadata.name` node affinity and bound by the
 * default scheduler. Template changes become ControllerRevisions; RollingUpdate replaces pods
 * within maxUnavailable / maxSurge, OnDelete waits for the user to delete them.
 */
export class DaemonSetsController {
  readonly sim: Simulator;
  readonly epochMs: number;
  readonly client: ControllerClient;
  readonly recorder: EventRecorder;
  readonly daemonSets: SharedIndexInformer<DaemonSet>;
  readonly revisions: SharedIndexInformer<ControllerRevision>;
  readonly pods: SharedIndexInformer<Pod>;
  readonly nodes: SharedIndexInformer<Node>;
  readonly queue: RateLimitingQueue;
  readonly expectations: ControllerExpectations;
  readonly podControl: PodControl;
  readonly failedPodsBackoff = new Backoff(FAILED_PODS_BACKOFF_MS, FAILED_PODS_BACKOFF_MAX_MS);
  burstReplicas = BURST_REPLICAS;

  constructor(options: DaemonSetsControllerOptions) {
    ({ sim: this.sim, epochMs: this.epochMs, client: this.client, recorder: this.recorder } = options);
    ({ daemonSets: this.daemonSets, revisions: this.revisions, pods: this.pods, nodes: this.nodes } = options);
    this.queue = new RateLimitingQueue(this.sim, 'daemonset', DAEMONSET_CONTROLLER);
    this.expectations = new ControllerExpectations(() => this.sim.nowMs);
    this.podControl = new PodControl(this.client, this.recorder);
    this.daemonSets.addEventHandler({
      add: (ds) => this.enqueue(ds),
      update: (old, cur) => {
        if (old.metadata.uid !== cur.metadata.uid) this.deleteDaemonset(old);
        this.enqueue(cur);
      },
      delete: (ds) => this.deleteDaemonset(ds),
    });
    this.revisions.addEventHandler({
      add: (history) => this.addHistory(history),
      update: (old, cur) => this.updateHistory(old, cur),
      delete: (history) => this.deleteHistory(history),
    });
    addPodControllerUIDIndex(this.pods);
    this.pods.addEventHandler({
      add: (pod) => this.addPod(pod),
      update: (old, cur) => this.updatePod(old, cur),
      delete: (pod) => this.deletePod(pod),
    });
    this.nodes.addEventHandler({
      add: (node) => this.addNode(node),
      update: (old, cur) => this.updateNode(old, cur),
    });
  }

  /** run waits for the caches, then starts `workers` workers (--concurrent-daemonset-syncs, 2). */
  run(workers: number): void {
    waitForCacheSync(this.sim, [this.pods, this.nodes, this.revisions, this.daemonSets]).then(() =>
      runWorkers(this.sim, this.queue, workers, DAEMONSET_CONTROLLER, (key) => this.syncDaemonSet(key)),
    );
    const gc = () => {
      this.failedPodsBackoff.gc(this.sim.nowMs);
      this.sim.after(60_000, gc);
    };
    this.sim.after(60_000, gc);
  }

  /**
   * syncDaemonSet: skip a DaemonSet selecting everything or being deleted; build the revision
   * history; when earlier creations and deletions have been observed, manage the pods per node,
   * roll the update forward and trim history; always write the status.
   */
  *syncDaemonSet(key: string): Task<SyncError> {
    const ds = this.daemonSets.indexer.get(key) as Stored<DaemonSet> | undefined;
    if (!ds) {
      this.expectations.deleteExpectations(key);
      return undefined;
    }
    const nodeList = this.nodes.indexer.list() as Stored<Node>[];
    const selector = ds.spec?.selector;
    if (selector && Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0) {
      this.recorder.event(ds, 'Warning', SELECTING_ALL_REASON, 'This daemon set is selecting all pods. A non-empty selector is required.');
      return undefined;
    }
    if (ds.metadata.deletionTimestamp) return undefined;
    const history = yield* constructHistory(this, ds);
    if (history.err || !history.cur) return `failed to construct revisions of DaemonSet: ${history.err}`;
    const hash = history.cur.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] ?? '';
    if (!this.expectations.satisfiedExpectations(key)) return yield* updateDaemonSetStatus(this, ds, nodeList, hash, false);
    const err = yield* this.updateDaemonSet(ds, nodeList, hash, key, history.old);
    const statusErr = yield* updateDaemonSetStatus(this, ds, nodeList, hash, true);
    return err ?? statusErr;
  }

  private *updateDaemonSet(ds: Stored<DaemonSet>, nodeList: Stored<Node>[], hash: string, key: string, old: Stored<ControllerRevision>[]): Task<SyncError> {
    const err = yield* this.manage(ds, nodeList, hash);
    if (err) return err;
    if (this.expectations.satisfiedExpectations(key) && ds.spec?.updateStrategy?.type === 'RollingUpdate') {
      const rollErr = yield* rollingUpdate(this, ds, nodeList, hash);
      if (rollErr) return rollErr;
    }
    const cleanupErr = yield* cleanupHistory(this, ds, old);
    return cleanupErr ? `failed to clean up revisions of DaemonSet: ${cleanupErr}` : undefined;
  }

  /** manage creates the pods nodes are missing and deletes the ones that must go, per node. */
  private *manage(ds: Stored<DaemonSet>, nodeList: Stored<Node>[], hash: string): Task<SyncError> {
    const got = yield* this.getNodesToDaemonPods(ds, false);
    if (got.err) return `couldn't get node to daemon pod mapping for daemon set "${ds.metadata.name}": ${got.err}`;
    const nodesNeedingDaemonPods: string[] = [];
    const podsToDelete: string[] = [];
    for (const node of nodeList) {
      const onNode = podsShouldBeOnNode(this, node, got.nodeToDaemonPods, ds, hash);
      nodesNeedingDaemonPods.push(...onNode.nodesNeedingDaemonPods);
      podsToDelete.push(...onNode.podsToDelete);
    }
    podsToDelete.push(...getUnscheduledPodsWithoutNode(nodeList, got.nodeToDaemonPods));
    return yield* this.syncNodes(ds, podsToDelete, nodesNeedingDaemonPods, hash);
  }

  /**
   * syncNodes deletes `podsToDelete` and creates a pod pinned to each node of
   * `nodesNeedingDaemonPods` (at most burstReplicas each), expectations set first. Creations run
   * in slow-start batches; after a failed batch the rest is skipped until the next sync.
   */
  *syncNodes(ds: Stored<DaemonSet>, podsToDelete: string[], nodesNeedingDaemonPods: string[], hash: string): Task<SyncError> {
    const key = namespacedName(ds);
    const createDiff = Math.min(nodesNeedingDaemonPods.length, this.burstReplicas);
    const deleteDiff = Math.min(podsToDelete.length, this.burstReplicas);
    this.expectations.setExpectations(key, createDiff, deleteDiff);
    if (createDiff > 0 || deleteDiff > 0) {
      traceDecision(this.sim, DAEMONSET_CONTROLLER, 'daemonset.syncNodes', refOf(ds), { creatingOn: nodesNeedingDaemonPods.slice(0, createDiff), deleting: podsToDelete.slice(0, deleteDiff) });
    }
    const errors: string[] = [];
    const template = createPodTemplate(ds.spec!.template!, getTemplateGeneration(ds), hash);
    const controllerRef = newControllerRef(ds, 'apps/v1', 'DaemonSet');
    const namespace = ds.metadata.namespace ?? '';
    let pos = 0;
    for (let batchSize = Math.min(createDiff, SLOW_START_INITIAL_BATCH_SIZE); pos < createDiff; ) {
      const batch = nodesNeedingDaemonPods.slice(pos, pos + batchSize);
      const results = yield* waitAll(batch.map((nodeName) => spawn(this.podControl.createPods(namespace, { ...template, spec: { ...template.spec!, affinity: replaceDaemonSetPodNodeNameNodeAffinity(template.spec!.affinity, nodeName) } }, ds, controllerRef))));
      let failed = false;
      for (const result of results) {
        if (!result.err || result.namespaceTerminating) continue;
        this.expectations.creationObserved(key);
        errors.push(result.err);
        failed = true;
      }
      pos += batchSize;
      const skipped = createDiff - pos;
      if (failed && skipped > 0) {
        this.expectations.lowerExpectations(key, skipped, 0);
        break;
      }
      batchSize = Math.min(2 * batchSize, createDiff - pos);
    }
    const deletions = yield* waitAll(podsToDelete.slice(0, deleteDiff).map((name) => spawn(this.podControl.deletePod(namespace, name, ds))));
    for (const result of deletions) {
      if (!result.err) continue;
      this.expectations.deletionObserved(key);
      if (!result.notFound) errors.push(result.err);
    }
    return errors.length === 0 ? undefined : errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`;
  }

  /** getDaemonPods: the namespace's pods this DaemonSet owns or may adopt, after adopt/release. */
  *getDaemonPods(ds: Stored<DaemonSet>): Task<{ pods: Stored<Pod>[]; err: SyncError }> {
    const claimed = yield* claimObjects(
      {
        client: this.client, resource: 'pods', controller: ds, selector: fromLabelSelector(ds.spec?.selector),
        controllerRef: newControllerRef(ds, 'apps/v1', 'DaemonSet'), canAdopt: recheckDeletionTimestamp(this.client, 'daemonsets', ds),
      },
      filterPodsByOwner(this.pods, ds, true),
    );
    return { pods: claimed.claimed, err: claimed.err };
  }

  /**
   * getNodesToDaemonPods groups the claimed pods by target node (nodeName, or the pinned node of
   * a pod not yet scheduled); finished pods already being deleted are left out unless asked for.
   */
  *getNodesToDaemonPods(ds: Stored<DaemonSet>, includeDeletedTerminal: boolean): Task<{ nodeToDaemonPods: NodeToDaemonPods; err: SyncError }> {
    const got = yield* this.getDaemonPods(ds);
    const nodeToDaemonPods: NodeToDaemonPods = new Map();
    if (got.err) return { nodeToDaemonPods, err: got.err };
    for (const pod of got.pods) {
      if (!includeDeletedTerminal && isPodTerminal(pod) && pod.metadata.deletionTimestamp) continue;
      const nodeName = getTargetNodeName(pod);
      if (nodeName === undefined) continue;
      const list = nodeToDaemonPods.get(nodeName);
      if (list) list.push(pod);
      else nodeToDaemonPods.set(nodeName, [pod]);
    }
    return { nodeToDaemonPods, err: undefined };
  }

  private enqueue(ds: Stored<DaemonSet>): void {
    this.queue.add(namespacedName(ds));
  }

  private deleteDaemonset(ds: Stored<DaemonSet>): void {
    const key = namespacedName(ds);
    this.expectations.deleteExpectations(key);
    this.queue.add(key);
  }

  private resolveControllerRef(namespace: string | undefined, ref: OwnerReference): Stored<DaemonSet> | undefined {
    if (ref.kind !== 'DaemonSet') return undefined;
    const ds = this.daemonSets.indexer.get(`${namespace}/${ref.name}`) as Stored<DaemonSet> | undefined;
    return ds && ds.metadata.uid === ref.uid ? ds : undefined;
  }

  /** daemonSetsSelecting: the namespace's DaemonSets whose selector matches an orphan's labels. */
  private daemonSetsSelecting(obj: Stored<Pod> | Stored<ControllerRevision>): Stored<DaemonSet>[] {
    return (this.daemonSets.indexer.byIndex('namespace', obj.metadata.namespace ?? '') as Stored<DaemonSet>[]).filter((ds) => {
      const selector = fromLabelSelector(ds.spec?.selector);
      return selector.length > 0 && matches(selector, obj.metadata.labels);
    });
  }

  private addHistory(history: Stored<ControllerRevision>): void {
    if (history.metadata.deletionTimestamp) return this.deleteHistory(history);
    const ref = getControllerOf(history);
    if (ref) return;
    for (const ds of this.daemonSetsSelecting(history)) this.enqueue(ds);
  }

  private updateHistory(old: Stored<ControllerRevision>, cur: Stored<ControllerRevision>): void {
    if (old.metadata.resourceVersion === cur.metadata.resourceVersion) return;
    const ds = this.ownerAfterUpdate(old, cur);
    if (ds) this.enqueue(ds);
  }

  /**
   * ownerAfterUpdate is what updatePod and updateHistory share: wake the previous owner when the
   * controller reference moved, and return the current owner; an orphan whose labels or
   * reference changed wakes the DaemonSets that select it instead.
   */
  private ownerAfterUpdate(old: Stored<Pod> | Stored<ControllerRevision>, cur: Stored<Pod> | Stored<ControllerRevision>): Stored<DaemonSet> | undefined {
    const curRef = getControllerOf(cur);
    const oldRef = getControllerOf(old);
    const refChanged = !controllerRefsEqual(curRef, oldRef);
    if (refChanged && oldRef) {
      const previous = this.resolveControllerRef(old.metadata.namespace, oldRef);
      if (previous) this.enqueue(previous);
    }
    if (curRef) return this.resolveControllerRef(cur.metadata.namespace, curRef);
    if (refChanged || !labelsEqual(cur.metadata.labels, old.metadata.labels)) for (const ds of this.daemonSetsSelecting(cur)) this.enqueue(ds);
    return undefined;
  }

  private deleteHistory(history: Stored<ControllerRevision>): void {
    const ref = getControllerOf(history);
    const ds = ref && this.resolveControllerRef(history.metadata.namespace, ref);
    if (ds) this.enqueue(ds);
  }

  private addPod(pod: Stored<Pod>): void {
    if (pod.metadata.deletionTimestamp) return this.deletePod(pod);
    const ref = getControllerOf(pod);
    if (ref) {
      const ds = this.resolveControllerRef(pod.metadata.namespace, ref);
      if (!ds) return;
      this.expectations.creationObserved(namespacedName(ds));
      this.enqueue(ds);
      return;
    }
    for (const ds of this.daemonSetsSelecting(pod)) this.enqueue(ds);
  }

  private updatePod(old: Stored<Pod>, cur: Stored<Pod>): void {
    if (old.metadata.resourceVersion === cur.metadata.resourceVersion) return;
    if (cur.metadata.deletionTimestamp) return this.deletePod(cur);
    const ds = this.ownerAfterUpdate(old, cur);
    if (!ds) return;
    this.enqueue(ds);
    const minReadySeconds = ds.spec?.minReadySeconds ?? 0;
    if (!isPodReady(old) && isPodReady(cur) && minReadySeconds > 0) this.queue.addAfter(namespacedName(ds), minReadySeconds * 1000 + 1000);
  }

  private deletePod(pod: Stored<Pod>): void {
    const ref = getControllerOf(pod);
    const ds = ref && this.resolveControllerRef(pod.metadata.namespace, ref);
    if (!ds) return;
    this.expectations.deletionObserved(namespacedName(ds));
    this.enqueue(ds);
  }

  private addNode(node: Stored<Node>): void {
    for (const ds of this.daemonSets.indexer.list() as Stored<DaemonSet>[]) if (nodeShouldRunDaemonPod(node, ds).shouldRun) this.enqueue(ds);
  }

  /** updateNode wakes the DaemonSets whose answer for this node changed (heartbeats change nothing). */
  private updateNode(old: Stored<Node>, cur: Stored<Node>): void {
    const daemonSets = this.daemonSets.indexer.list() as Stored<DaemonSet>[];
    // Listing first: without DaemonSets (a large benchmark cluster) node heartbeats cost nothing here.
    if (daemonSets.length === 0 || shouldIgnoreNodeUpdate(old, cur)) return;
    for (const ds of daemonSets) {
      const before = nodeShouldRunDaemonPod(old, ds);
      const after = nodeShouldRunDaemonPod(cur, ds);
      if (before.shouldRun !== after.shouldRun || before.shouldContinueRunning !== after.shouldContinueRunning) this.enqueue(ds);
    }
  }
}

/** nodeInSameCondition: the same set of condition types is True on both. */
function nodeInSameCondition(old: readonly NodeCondition[], cur: readonly NodeCondition[]): boolean {
  const trueTypes = (conditions: readonly NodeCondition[]) => conditions.filter((c) => c.status === 'True').map((c) => c.type).sort().join(',');
  return trueTypes(old) === trueTypes(cur);
}

/** shouldIgnoreNodeUpdate: nothing but resourceVersion and condition details (timestamps) changed. */
function shouldIgnoreNodeUpdate(old: Node, cur: Node): boolean {
  if (!nodeInSameCondition(old.status?.conditions ?? [], cur.status?.conditions ?? [])) return false;
  const strip = (node: Node) => ({ ...node, metadata: { ...node.metadata, resourceVersion: undefined }, status: { ...node.status, conditions: undefined } });
  return stableStringify(strip(old)) === stableStringify(strip(cur));
}
