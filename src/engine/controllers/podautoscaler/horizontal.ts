// Mirrors kubernetes pkg/controller/podautoscaler/horizontal.go (v1.32): the HPA controller's
// queue and workers. Every HPA key is re-added one sync period (15 s) after each pass, so each
// HPA is reconciled every 15 s; its recommendations and scale events live in the controller's
// memory, as upstream (a restarted controller forgets them).
import type { HorizontalPodAutoscaler } from 'kubernetes-types/autoscaling/v2';
import type { Pod } from 'kubernetes-types/core/v1';
import { matches, type Selector } from '../../api/labels';
import { namespacedName, type Stored } from '../../api/object';
import type { SharedIndexInformer } from '../../client/cache/sharedInformer';
import type { ApiClient } from '../../client/client';
import type { EventRecorder } from '../../client/record/eventRecorder';
import { RateLimitingQueue } from '../../client/workqueue/queue';
import type { Simulator } from '../../sim/simulator';
import { spawn, wait, type Task } from '../../sim/task';
import { toRFC3339 } from '../../sim/time';
import { waitForCacheSync } from '../cacheSync';
import type { TimestampedScaleEvent } from './behavior';
import { setCondition, type HPACondition } from './conditions';
import { HPA_CONTROLLER, type HPAControllerConfiguration } from './config';
import type { MetricsClient } from './metrics/interfaces';
import type { TimestampedRecommendation } from './normalize';
import { FixedItemIntervalRateLimiter } from './rateLimiters';
import { reconcileAutoscaler } from './reconcile';
import { ReplicaCalculator } from './replicaCalculator';

/** Scale is autoscaling/v1 Scale, the scale subresource of the target. */
export interface Scale {
  apiVersion?: string;
  kind?: string;
  metadata: { name: string; namespace?: string; resourceVersion?: string; uid?: string; creationTimestamp?: string };
  spec: { replicas: number };
  status: { replicas: number; selector?: string };
}

/** HPAClient is the part of the clientset the controller uses (a fake in tests). */
export type HPAClient = Pick<ApiClient, 'getScale' | 'updateScale' | 'updateStatus'>;

export interface HorizontalControllerOptions {
  sim: Simulator;
  epochMs: number;
  client: HPAClient;
  metricsClient: MetricsClient;
  recorder: EventRecorder;
  hpas: SharedIndexInformer<HorizontalPodAutoscaler>;
  pods: SharedIndexInformer<Pod>;
  config: HPAControllerConfiguration;
}

export class HorizontalController {
  readonly component = HPA_CONTROLLER;
  readonly queue: RateLimitingQueue;
  readonly sim: Simulator;
  readonly epochMs: number;
  readonly client: HPAClient;
  readonly recorder: EventRecorder;
  readonly config: HPAControllerConfiguration;
  readonly replicaCalc: ReplicaCalculator;
  readonly hpas: SharedIndexInformer<HorizontalPodAutoscaler>;
  readonly pods: SharedIndexInformer<Pod>;
  /** Latest unstabilized recommendations per HPA key. */
  readonly recommendations = new Map<string, TimestampedRecommendation[]>();
  /** Latest scale events per HPA key (only kept for HPAs with spec.behavior). */
  readonly scaleUpEvents = new Map<string, TimestampedScaleEvent[]>();
  readonly scaleDownEvents = new Map<string, TimestampedScaleEvent[]>();
  /** hpaSelectors: each HPA's pod selector once known (undefined: registered, selects nothing yet). */
  readonly hpaSelectors = new Map<string, Selector | undefined>();

  constructor(o: HorizontalControllerOptions) {
    ({ sim: this.sim, epochMs: this.epochMs, client: this.client, recorder: this.recorder, config: this.config, hpas: this.hpas, pods: this.pods } = o);
    this.queue = new RateLimitingQueue(this.sim, 'horizontalpodautoscaler', HPA_CONTROLLER, new FixedItemIntervalRateLimiter(o.config.syncPeriodMs));
    this.replicaCalc = new ReplicaCalculator({
      metricsClient: o.metricsClient,
      listPods: (namespace, selector) => this.listPods(namespace, selector),
      tolerance: o.config.tolerance,
      cpuInitializationPeriodMs: o.config.cpuInitializationPeriodMs,
      delayOfInitialReadinessStatusMs: o.config.initialReadinessDelayMs,
      epochMs: o.epochMs,
      nowMs: () => this.sim.nowMs,
    });
    this.hpas.addEventHandler({
      add: (hpa) => this.enqueueHPA(hpa),
      update: (_old, cur) => this.enqueueHPA(cur),
      delete: (hpa) => this.deleteHPA(hpa),
    });
  }

  /** run waits for the HPA and pod caches, then starts `workers` workers (--concurrent-horizontal-pod-autoscaler-syncs). */
  run(workers: number): void {
    waitForCacheSync(this.sim, [this.hpas, this.pods]).then(() => {
      for (let i = 0; i < workers; i++) spawn(this.worker());
    });
  }

  now(): string {
    return toRFC3339(this.sim.nowMs, this.epochMs);
  }

  /** enqueueHPA adds the key after a sync period (an HPA already waiting keeps its earlier slot). */
  enqueueHPA(hpa: HorizontalPodAutoscaler): void {
    const key = namespacedName(hpa);
    this.queue.addRateLimited(key);
    if (!this.hpaSelectors.has(key)) this.hpaSelectors.set(key, undefined);
  }

  deleteHPA(hpa: HorizontalPodAutoscaler): void {
    const key = namespacedName(hpa);
    this.queue.forget(key);
    this.hpaSelectors.delete(key);
  }

  /** worker is processNextWorkItem in a loop: reconcile, then always re-add the key unless the HPA is gone. */
  private *worker(): Task<void> {
    for (;;) {
      const key = yield* wait(this.queue.get());
      if (key === undefined) return;
      const startMs = this.sim.nowMs;
      const { deleted, error } = yield* this.reconcileKey(key);
      if (this.sim.trace.enabled) this.sim.emit({ component: HPA_CONTROLLER, kind: 'controller.sync', queue: this.queue.name, key, durationMs: this.sim.nowMs - startMs, error });
      if (!deleted) this.queue.addRateLimited(key);
      this.queue.done(key);
    }
  }

  /** reconcileKey reconciles one HPA, or forgets the state of a deleted one. */
  *reconcileKey(key: string): Task<{ deleted: boolean; error?: string }> {
    const hpa = this.hpas.indexer.get(key) as Stored<HorizontalPodAutoscaler> | undefined;
    if (!hpa) {
      this.recommendations.delete(key);
      this.scaleUpEvents.delete(key);
      this.scaleDownEvents.delete(key);
      return { deleted: true };
    }
    const error = yield* reconcileAutoscaler(this, hpa, key);
    return { deleted: false, error };
  }

  /** listPods is the pod lister: pods of `namespace` matching `selector`, by name. */
  listPods(namespace: string, selector: Selector): Pod[] {
    const pods = (this.pods.indexer.list() as Stored<Pod>[]).filter((p) => p.metadata.namespace === namespace && matches(selector, p.metadata.labels));
    return pods.sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0));
  }

  setCondition(hpa: HorizontalPodAutoscaler, condition: HPACondition): void {
    setCondition(hpa, condition, this.now());
  }

  /** unableToCompute is getUnableComputeReplicaCountCondition: a Warning event and a ScalingActive=False condition. */
  unableToCompute(hpa: HorizontalPodAutoscaler, reason: string, error: string): HPACondition {
    this.recorder.event(hpa as Stored<HorizontalPodAutoscaler>, 'Warning', reason, error);
    return { type: 'ScalingActive', status: 'False', reason, message: `the HPA was unable to compute the replica count: ${error}` };
  }
}
