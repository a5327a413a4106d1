// Mirrors kubernetes pkg/controller/deployment/deployment_controller.go.

import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { OwnerReference } from 'kubernetes-types/meta/v1';
import { fromLabelSelector, matches } from '../../api/labels';
import { deepClone, namespacedName, splitKey, type Stored } from '../../api/object';
import type { SharedIndexInformer } from '../../client/cache/sharedInformer';
import type { EventRecorder } from '../../client/record/eventRecorder';
import { RateLimitingQueue } from '../../client/workqueue/queue';
import { runWorkers } from '../../client/workqueue/workers';
import type { Simulator } from '../../sim/simulator';
import { wait, type Task } from '../../sim/task';
import { toRFC3339 } from '../../sim/time';
import { waitForCacheSync } from '../cacheSync';
import { controllerRefsEqual, getControllerOf, labelsEqual } from '../controllerUtils';
import { refOf, traceDecision } from '../trace';
import type { ControllerClient, SyncError } from '../types';
import { addPodControllerUIDIndex } from '../podIndex';
import { getPodMapForDeployment, getReplicaSetsForDeployment } from './claims';
import { rolloutRecreate } from './recreate';
import { rolloutRolling } from './rolling';
import { checkPausedConditions, isScalingEvent, selectingAll, sync, syncStatusOnly } from './sync';
import { strategyOf } from './util/defaults';

/** DEPLOYMENT_CONTROLLER names the controller in traces, events and its client identity. */
export const DEPLOYMENT_CONTROLLER = 'deployment-controller';
/** maxRetries: a deployment is retried 15 times before its key is dropped. */
export const DEPLOYMENT_MAX_RETRIES = 15;

export interface DeploymentControllerOptions {
  sim: Simulator;
  epochMs: number;
  client: ControllerClient;
  recorder: EventRecorder;
  deployments: SharedIndexInformer<Deployment>;
  replicaSets: SharedIndexInformer<ReplicaSet>;
  pods: SharedIndexInformer<Pod>;
}

/**
 * DeploymentController rolls Deployments out through ReplicaSets. Informer handlers only enqueue
 * deployment keys; `syncDeployment` decides what one pass does (see the dispatcher below) and each
 * branch lives in its own file: sync.ts (scaling, status), rolling.ts, recreate.ts, progress.ts.
 */
export class DeploymentController {
  readonly queue: RateLimitingQueue;
  readonly sim: Simulator;
  readonly epochMs: number;
  readonly client: ControllerClient;
  readonly recorder: EventRecorder;
  readonly deployments: SharedIndexInformer<Deployment>;
  readonly replicaSets: SharedIndexInformer<ReplicaSet>;
  readonly pods: SharedIndexInformer<Pod>;

  constructor(options: DeploymentControllerOptions) {
    ({ sim: this.sim, epochMs: this.epochMs, client: this.client, recorder: this.recorder } = options);
    ({ deployments: this.deployments, replicaSets: this.replicaSets, pods: this.pods } = options);
    this.queue = new RateLimitingQueue(this.sim, 'deployment', DEPLOYMENT_CONTROLLER);
    this.deployments.addEventHandler({
      add: (d) => this.enqueue(d),
      update: (_old, cur) => this.enqueue(cur),
      delete: (d) => this.enqueue(d),
    });
    this.replicaSets.addEventHandler({
      add: (rs) => this.addReplicaSet(rs),
      update: (old, cur) => this.updateReplicaSet(old, cur),
      delete: (rs) => this.deleteReplicaSet(rs),
    });
    addPodControllerUIDIndex(this.pods);
    this.pods.addEventHandler({ delete: (pod) => this.deletePod(pod) });
  }

  /** run waits for the caches, then starts `workers` workers (--concurrent-deployment-syncs, 5). */
  run(workers: number): void {
    waitForCacheSync(this.sim, [this.deployments, this.replicaSets, this.pods]).then(() =>
      runWorkers(this.sim, this.queue, workers, DEPLOYMENT_CONTROLLER, (key) => this.syncDeployment(key), DEPLOYMENT_MAX_RETRIES),
    );
  }

  /** now is metav1.Now() on the sim clock. */
  now(): string {
    return toRFC3339(this.sim.nowMs, this.epochMs);
  }

  enqueue(d: Deployment): void {
    this.queue.add(namespacedName(d));
  }

  enqueueAfter(d: Deployment, delayMs: number): void {
    this.queue.addAfter(namespacedName(d), delayMs);
  }

  enqueueRateLimited(d: Deployment): void {
    this.queue.addRateLimited(namespacedName(d));
  }

  /**
   * syncDeployment is the dispatcher: deleting → status only; paused → sync (scale, no rollout);
   * a scaling event → sync (proportional scaling); otherwise roll out by strategy.
   */
  *syncDeployment(key: string): Task<SyncError> {
    const cached = this.deployments.indexer.get(key) as Stored<Deployment> | undefined;
    if (!cached) return undefined;
    const d = deepClone(cached);
    if (selectingAll(d)) return yield* this.recordSelectingAll(d);
    const claimed = yield* getReplicaSetsForDeployment(this, d);
    if (claimed.err) return claimed.err;
    const rsList = claimed.claimed;
    // Upstream lists the pods here on every sync; only Recreate reads them, so they are listed there.
    if (d.metadata.deletionTimestamp) return yield* this.branch(d, 'syncStatusOnly', syncStatusOnly(this, d, rsList));
    const pausedErr = yield* checkPausedConditions(this, d);
    if (pausedErr) return pausedErr;
    if (d.spec?.paused) return yield* this.branch(d, 'sync', sync(this, d, rsList));
    const scaling = yield* isScalingEvent(this, d, rsList);
    if (scaling.err) return scaling.err;
    if (scaling.value) return yield* this.branch(d, 'sync', sync(this, d, rsList));
    const type = strategyOf(d).type;
    if (type === 'Recreate') return yield* this.branch(d, 'rolloutRecreate', rolloutRecreate(this, d, rsList, getPodMapForDeployment(this, d, rsList)));
    if (type === 'RollingUpdate') return yield* this.branch(d, 'rolloutRolling', rolloutRolling(this, d, rsList));
    return `unexpected deployment strategy type: ${type}`;
  }

  /** branch traces which path of the dispatcher a sync took, then runs it. */
  private *branch(d: Deployment, name: string, run: Task<SyncError>): Task<SyncError> {
    traceDecision(this.sim, DEPLOYMENT_CONTROLLER, 'deployment.sync', refOf(d), { branch: name });
    return yield* run;
  }

  /** recordSelectingAll refuses a deployment whose empty selector would select every pod. */
  private *recordSelectingAll(d: Stored<Deployment>): Task<SyncError> {
    this.recorder.event(d, 'Warning', 'SelectingAll', 'This deployment is selecting all pods. A non-empty selector is required.');
    if ((d.status?.observedGeneration ?? 0) < (d.metadata.generation ?? 0)) {
      d.status = { ...d.status, observedGeneration: d.metadata.generation };
      yield* wait(this.client.updateStatus('deployments', d));
    }
    return undefined;
  }

  // Informer handlers: they only find the owning deployment(s) and enqueue them.

  private addReplicaSet(rs: Stored<ReplicaSet>): void {
    if (rs.metadata.deletionTimestamp) return this.deleteReplicaSet(rs);
    const ref = getControllerOf(rs);
    if (ref) {
      const d = this.resolveControllerRef(rs.metadata.namespace, ref);
      if (d) this.enqueue(d);
      return;
    }
    for (const d of this.getDeploymentsForReplicaSet(rs)) this.enqueue(d);
  }

  private updateReplicaSet(old: Stored<ReplicaSet>, cur: Stored<ReplicaSet>): void {
    if (old.metadata.resourceVersion === cur.metadata.resourceVersion) return;
    const curRef = getControllerOf(cur);
    const oldRef = getControllerOf(old);
    const refChanged = !controllerRefsEqual(curRef, oldRef);
    if (refChanged && oldRef) {
      const d = this.resolveControllerRef(old.metadata.namespace, oldRef);
      if (d) this.enqueue(d);
    }
    if (curRef) {
      const d = this.resolveControllerRef(cur.metadata.namespace, curRef);
      if (d) this.enqueue(d);
      return;
    }
    const labelChanged = !labelsEqual(old.metadata.labels, cur.metadata.labels);
    if (labelChanged || refChanged) for (const d of this.getDeploymentsForReplicaSet(cur)) this.enqueue(d);
  }

  private deleteReplicaSet(rs: Stored<ReplicaSet>): void {
    const ref = getControllerOf(rs);
    if (!ref) return;
    const d = this.resolveControllerRef(rs.metadata.namespace, ref);
    if (d) this.enqueue(d);
  }

  /** deletePod wakes a Recreate deployment once its last old pod is gone. */
  private deletePod(pod: Stored<Pod>): void {
    const rsRef = getControllerOf(pod);
    if (!rsRef || rsRef.kind !== 'ReplicaSet') return;
    const rs = this.replicaSets.indexer.get(`${pod.metadata.namespace}/${rsRef.name}`) as Stored<ReplicaSet> | undefined;
    if (!rs || rs.metadata.uid !== rsRef.uid) return;
    const dRef = getControllerOf(rs);
    const d = dRef && this.resolveControllerRef(rs.metadata.namespace, dRef);
    if (!d || strategyOf(d).type !== 'Recreate') return;
    const rsList = this.replicaSets.indexer.byIndex('namespace', d.metadata.namespace ?? '').filter((r) => getControllerOf(r)?.uid === d.metadata.uid) as Stored<ReplicaSet>[];
    const podMap = getPodMapForDeployment(this, d, rsList);
    let numPods = 0;
    for (const pods of podMap.values()) numPods += pods.length;
    if (numPods === 0) this.enqueue(d);
  }

  /** resolveControllerRef returns the deployment a controllerRef points at, if it still exists. */
  resolveControllerRef(namespace: string | undefined, ref: OwnerReference): Stored<Deployment> | undefined {
    if (ref.kind !== 'Deployment') return undefined;
    const d = this.deployments.indexer.get(`${namespace}/${ref.name}`) as Stored<Deployment> | undefined;
    return d && d.metadata.uid === ref.uid ? d : undefined;
  }

  /** getDeploymentsForReplicaSet lists deployments whose selector matches an orphan RS. */
  private getDeploymentsForReplicaSet(rs: Stored<ReplicaSet>): Stored<Deployment>[] {
    const { namespace } = splitKey(namespacedName(rs));
    return (this.deployments.indexer.byIndex('namespace', namespace) as Stored<Deployment>[]).filter((d) => {
      const selector = fromLabelSelector(d.spec?.selector);
      return selector.length > 0 && matches(selector, rs.metadata.labels);
    });
  }
}
