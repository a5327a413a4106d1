// Mirrors kubernetes pkg/scheduler/scheduler.go and cmd/kube-scheduler/app/server.go (v1.32):
// the kube-scheduler process with its informers, cache, queue and scheduling loop.
import type { ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1';
import type { Node, PersistentVolume, PersistentVolumeClaim, Pod, Service } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { Stored } from '../api/object';
import { SharedInformerFactory } from '../client/cache/informerFactory';
import { NAMESPACE_INDEX } from '../client/cache/indexer';
import { candidateIdentity, DEFAULT_LEASE_TIMING, LeaderElector, STATIC_POD_RESTART_MS } from '../client/leaderelection/leaderElector';
import { controlPlaneReplicas, DEFAULT_CONTROL_PLANE_HOST } from '../controlPlane';
import type { Timer } from '../sim/simulator';
import type { SharedIndexInformer } from '../client/cache/sharedInformer';
import type { ApiClient } from '../client/client';
import { EventRecorder } from '../client/record/eventRecorder';
import type { Component, ComponentFactory } from '../cluster';
import { clientFor, USERS, type ComponentContext } from '../componentContext';
import type { Rng } from '../sim/rng';
import type { Simulator } from '../sim/simulator';
import { spawn, wait, type Task } from '../sim/task';
import { SchedulerCache } from './cache/cache';
import { DEFAULT_CYCLE_COST, type CycleCost } from './costModel';
import { addAllEventHandlers, addVolumeEventHandlers } from './eventHandlers';
import { Framework } from './framework/runtime';
import { defaultProfile } from './plugins/registry';
import type { FitArgs } from './plugins/noderesources/fit';
import type { VolumeListers } from './plugins/volumebinding/volumeBinding';
import { SchedulingQueue } from './queue/schedulingQueue';
import { scheduleOne, type SchedulerState } from './scheduleOne';
import type { PodInfo } from './framework/podInfo';

export const SCHEDULER_COMPONENT = 'kube-scheduler';
/** WaitForCacheSync polls every 100 ms. */
const CACHE_SYNC_POLL_MS = 100;
/** The scheduler's pod informer skips finished pods: they no longer hold resources. */
const POD_FIELD_SELECTOR = 'status.phase!=Succeeded,status.phase!=Failed';

export interface SchedulerOptions {
  cycleCost?: CycleCost;
  fitArgs?: FitArgs;
  /** instanceName names the replica (kube-scheduler, kube-scheduler-2, ...). */
  instanceName?: string;
  /** host is the control-plane machine (leader-election identity, events' reportingInstance). */
  host?: string;
  /** leaderElect is --leader-elect (true, as kubeadm runs it). */
  leaderElect?: boolean;
}

/**
 * Scheduler is the kube-scheduler component: it watches pods and nodes, keeps its cache and
 * queue, and runs scheduleOne in a loop, one pod at a time, each cycle taking modelled sim time.
 *
 * @example
 * const cluster = Cluster.boot(spec, [schedulerFactory, kubeletFactory]);
 * const scheduler = cluster.component<Scheduler>('kube-scheduler')!;
 * scheduler.queue.lengths(); // { activeQ: 0, backoffQ: 0, unschedulablePods: 0 }
 */
export class Scheduler implements Component, SchedulerState {
  readonly name: string;
  readonly host: string;
  elector: LeaderElector | undefined;
  readonly component = SCHEDULER_COMPONENT;
  readonly sim: Simulator;
  readonly rng: Rng;
  readonly cache = new SchedulerCache();
  readonly framework: Framework;
  readonly queue: SchedulingQueue;
  readonly client: ApiClient;
  readonly recorder: EventRecorder;
  readonly epochMs: number;
  readonly cycleCost: CycleCost;
  nextStartNodeIndex = 0;
  readonly nominated = new Map<string, { nodeName: string; podInfo: PodInfo }>();
  private factory: SharedInformerFactory | undefined;
  private podInformer: SharedIndexInformer<Pod> | undefined;
  /** informers for DefaultSelector (PodTopologySpread's system default spreading). */
  private informers: { services: SharedIndexInformer<Service>; replicaSets: SharedIndexInformer<ReplicaSet>; statefulSets: SharedIndexInformer<StatefulSet> } | undefined;
  /** informers VolumeBinding reads. */
  private volumeInformers: { claims: SharedIndexInformer<PersistentVolumeClaim>; volumes: SharedIndexInformer<PersistentVolume>; classes: SharedIndexInformer<StorageClass> } | undefined;
  private running = false;
  private leading = false;
  private starts = 0;
  private restart: Timer | undefined;

  constructor(
    ctx: ComponentContext,
    private readonly options: SchedulerOptions = {},
  ) {
    this.name = options.instanceName ?? SCHEDULER_COMPONENT;
    this.host = options.host ?? DEFAULT_CONTROL_PLANE_HOST;
    this.sim = ctx.sim;
    this.epochMs = ctx.epochMs;
    this.rng = ctx.sim.rng.fork(SCHEDULER_COMPONENT);
    this.client = clientFor(ctx, USERS.scheduler, SCHEDULER_COMPONENT).withRateLimit(ctx.clientRateLimits.kubeScheduler.qps, ctx.clientRateLimits.kubeScheduler.burst);
    this.cycleCost = options.cycleCost ?? DEFAULT_CYCLE_COST;
    this.framework = new Framework(
      defaultProfile(
        {
          client: this.client,
          numNodes: () => this.cache.numNodes,
          nodeInfos: () => this.cache.nodeInfos(),
          nodeInfo: (name) => this.cache.nodeInfo(name),
          podsWithRequiredAntiAffinity: () => this.cache.counters.podsWithRequiredAntiAffinity,
          podsWithAffinity: () => this.cache.counters.podsWithAffinity,
          selectors: () => this.cache.selectors,
          listers: {
            services: (namespace) => (this.informers?.services.indexer.byIndex(NAMESPACE_INDEX, namespace) ?? []) as Stored<Service>[],
            replicaSet: (namespace, name) => this.informers?.replicaSets.indexer.get(`${namespace}/${name}`) as Stored<ReplicaSet> | undefined,
            statefulSet: (namespace, name) => this.informers?.statefulSets.indexer.get(`${namespace}/${name}`) as Stored<StatefulSet> | undefined,
          },
          sim: this.sim,
          volumeListers: () => this.volumeListers(),
        },
        options.fitArgs,
      ),
    );
    this.queue = new SchedulingQueue(this.sim, this.framework, SCHEDULER_COMPONENT);
    // The scheduler's events name this instance `<scheduler name>-<hostname>`.
    this.recorder = new EventRecorder(this.sim, this.client, { component: this.framework.schedulerName }, ctx.epochMs, this.rng.fork('events'), { reportingInstance: `${this.framework.schedulerName}-${this.host}` });
  }

  /** volumeListers reads the PVC, PV and StorageClass informers (undefined before start). */
  private volumeListers(): VolumeListers | undefined {
    const informers = this.volumeInformers;
    if (!informers) return undefined;
    return {
      claim: (namespace, name) => informers.claims.indexer.get(`${namespace}/${name}`) as Stored<PersistentVolumeClaim> | undefined,
      volume: (name) => informers.volumes.indexer.get(name) as Stored<PersistentVolume> | undefined,
      volumes: () => informers.volumes.indexer.list() as Stored<PersistentVolume>[],
      storageClass: (name) => informers.classes.indexer.get(name) as StorageClass | undefined,
    };
  }

  podLister(key: string): Stored<Pod> | undefined {
    return this.podInformer?.indexer.get(key) as Stored<Pod> | undefined;
  }

  get isRunning(): boolean {
    return this.running;
  }

  get isLeader(): boolean {
    return this.leading;
  }

  /**
   * start runs the process as cmd/kube-scheduler/app/server.go does: informers and caches start
   * at once; the scheduling loop only once this replica holds the `kube-scheduler` Lease.
   */
  start(): void {
    if (this.running) return;
    this.running = true;
    if (this.starts > 0) this.resetForRestart();
    const factory = new SharedInformerFactory(this.sim, this.client, SCHEDULER_COMPONENT);
    this.factory = factory;
    this.podInformer = factory.forResource<Pod>('pods', { fieldSelector: POD_FIELD_SELECTOR });
    const nodeInformer = factory.forResource<Node>('nodes');
    this.informers = { services: factory.forResource<Service>('services'), replicaSets: factory.forResource<ReplicaSet>('replicasets'), statefulSets: factory.forResource<StatefulSet>('statefulsets') };
    this.volumeInformers = {
      claims: factory.forResource<PersistentVolumeClaim>('persistentvolumeclaims'),
      volumes: factory.forResource<PersistentVolume>('persistentvolumes'),
      classes: factory.forResource<StorageClass>('storageclasses'),
    };
    addAllEventHandlers({ cache: this.cache, queue: this.queue, schedulerName: this.framework.schedulerName, nominated: this.nominated }, this.podInformer, nodeInformer);
    addVolumeEventHandlers(this.queue, this.volumeInformers);
    factory.start();
    const rng = this.sim.rng.fork(`${this.name}#${this.starts++}`);
    if (this.options.leaderElect === false) return this.lead(factory);
    this.elector = new LeaderElector(this.sim, this.client, rng, {
      namespace: 'kube-system',
      name: SCHEDULER_COMPONENT,
      identity: candidateIdentity(this.host, rng),
      ...DEFAULT_LEASE_TIMING,
      epochMs: this.epochMs,
      component: this.name,
      onStartedLeading: () => this.lead(factory),
      onStoppedLeading: () => {
        // "leaderelection lost": the process exits; the kubelet restarts its static pod.
        this.stop();
        this.restart = this.sim.after(STATIC_POD_RESTART_MS, () => this.start());
      },
    }, new EventRecorder(this.sim, this.client, { component: this.framework.schedulerName }, this.epochMs, rng.fork('events')));
    this.elector.run();
  }

  stop(): void {
    this.running = false;
    this.leading = false;
    this.sim.cancel(this.restart);
    this.restart = undefined;
    this.elector?.stop();
    this.factory?.stop();
    this.queue.close();
  }

  private lead(factory: SharedInformerFactory): void {
    this.leading = true;
    spawn(this.run(factory));
  }

  /** resetForRestart gives a restarted process a fresh cache and queue, as a new process has. */
  private resetForRestart(): void {
    (this as { cache: SchedulerCache }).cache = new SchedulerCache();
    (this as { queue: SchedulingQueue }).queue = new SchedulingQueue(this.sim, this.framework, SCHEDULER_COMPONENT);
  }

  /** run waits for the informers' first list, then loops scheduleOne (sched.Run). */
  private *run(factory: SharedInformerFactory): Task<void> {
    while (!factory.hasSynced) {
      if (!this.running) return;
      yield* wait(this.sim.sleep(CACHE_SYNC_POLL_MS));
    }
    while (this.running && this.leading) {
      const more = yield* scheduleOne(this);
      if (!more) return;
    }
  }
}

/** schedulerFactory builds the cluster's kube-scheduler. */
export const schedulerFactory: ComponentFactory = (ctx, spec) =>
  controlPlaneReplicas(spec.controlPlane?.schedulers).map((r) => new Scheduler(ctx, { instanceName: r.index === 1 ? SCHEDULER_COMPONENT : `${SCHEDULER_COMPONENT}-${r.index}`, host: r.host }));
