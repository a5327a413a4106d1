// Mirrors kubernetes pkg/controller/nodelifecycle/node_lifecycle_controller.go (v1.32): the
// controller, its informer handlers and its loops. The health pass is in monitorNodeHealth.ts,
// zone disruption in disruption.ts, the tainting passes in taintingPasses.ts.
import type { Lease } from 'kubernetes-types/coordination/v1';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { namespacedName, type Stored } from '../../api/object';
import type { SharedIndexInformer } from '../../client/cache/sharedInformer';
import type { EventRecorder } from '../../client/record/eventRecorder';
import { RateLimitingQueue } from '../../client/workqueue/queue';
import { runWorkers } from '../../client/workqueue/workers';
import type { Simulator, Timer } from '../../sim/simulator';
import { spawn, wait, type Task } from '../../sim/task';
import { waitForCacheSync } from '../cacheSync';
import type { NodeTaintContext } from '../taints';
import type { ControllerClient } from '../types';
import type { MarkPodsContext } from '../util/node/controllerUtils';
import type { ZoneState } from './disruption';
import { monitorNodeHealth } from './monitorNodeHealth';
import type { NodeHealthData } from './nodeHealth';
import { NODE_EVICTION_PERIOD_MS, type RateLimitedTimedQueue } from './scheduler/rateLimitedQueue';
import { doNoExecuteTaintingPass, doNoScheduleTaintingPass, processPod } from './taintingPasses';

/** NODE_LIFECYCLE_CONTROLLER is the controller's name; its events come from `node-controller`. */
export const NODE_LIFECYCLE_CONTROLLER = 'node-lifecycle-controller';
export const NODE_CONTROLLER_SOURCE = 'node-controller';
/** NODE_NAME_INDEX indexes pods by spec.nodeName (getPodsAssignedToNode). */
export const NODE_NAME_INDEX = 'spec.nodeName';
const NODE_UPDATE_WORKER_SIZE = 8;
const POD_UPDATE_WORKER_SIZE = 4;

/** NodeLifecycleConfig are the kube-controller-manager flags of this controller (v1.32 defaults in defaultNodeLifecycleConfig). */
export interface NodeLifecycleConfig {
  /** --node-monitor-period (5 s). */
  nodeMonitorPeriodMs: number;
  /** --node-startup-grace-period (60 s). */
  nodeStartupGracePeriodMs: number;
  /** --node-monitor-grace-period (50 s since v1.32; 40 s before). */
  nodeMonitorGracePeriodMs: number;
  /** --node-eviction-rate (0.1 nodes/s): NoExecute tainting rate in a healthy zone. */
  evictionLimiterQPS: number;
  /** --secondary-node-eviction-rate (0.01): rate in a partially disrupted large zone. */
  secondaryEvictionLimiterQPS: number;
  /** --large-cluster-size-threshold (50 nodes). */
  largeClusterThreshold: number;
  /** --unhealthy-zone-threshold (0.55): share of NotReady nodes (and > 2) that makes a zone partially disrupted. */
  unhealthyZoneThreshold: number;
}

export function defaultNodeLifecycleConfig(): NodeLifecycleConfig {
  return { nodeMonitorPeriodMs: 5_000, nodeStartupGracePeriodMs: 60_000, nodeMonitorGracePeriodMs: 50_000, evictionLimiterQPS: 0.1, secondaryEvictionLimiterQPS: 0.01, largeClusterThreshold: 50, unhealthyZoneThreshold: 0.55 };
}

export interface NodeLifecycleControllerOptions {
  sim: Simulator;
  epochMs: number;
  client: ControllerClient;
  recorder: EventRecorder;
  nodes: SharedIndexInformer<Node>;
  pods: SharedIndexInformer<Pod>;
  leases: SharedIndexInformer<Lease>;
  config?: Partial<NodeLifecycleConfig>;
}

/**
 * NodeLifecycleController watches node heartbeats (Ready condition and Lease). A node silent for
 * the grace period gets Ready=Unknown, its pods Ready=False, and the `unreachable` NoSchedule and
 * (rate limited per zone) NoExecute taints; the taint-eviction controller then evicts its pods.
 */
export class NodeLifecycleController {
  readonly sim: Simulator;
  readonly epochMs: number;
  readonly client: ControllerClient;
  readonly recorder: EventRecorder;
  readonly nodes: SharedIndexInformer<Node>;
  readonly pods: SharedIndexInformer<Pod>;
  readonly leases: SharedIndexInformer<Lease>;
  readonly config: NodeLifecycleConfig;
  readonly knownNodeSet = new Map<string, Stored<Node>>();
  readonly nodeHealthMap = new Map<string, NodeHealthData>();
  readonly zoneNoExecuteTainter = new Map<string, RateLimitedTimedQueue>();
  readonly zoneStates = new Map<string, ZoneState>();
  readonly nodesToRetry = new Set<string>();
  readonly nodeUpdateQueue: RateLimitingQueue;
  readonly podUpdateQueue: RateLimitingQueue;
  private taintingTimer: Timer | undefined;
  private stopped = false;

  constructor(options: NodeLifecycleControllerOptions) {
    ({ sim: this.sim, epochMs: this.epochMs, client: this.client, recorder: this.recorder } = options);
    ({ nodes: this.nodes, pods: this.pods, leases: this.leases } = options);
    this.config = { ...defaultNodeLifecycleConfig(), ...options.config };
    this.nodeUpdateQueue = new RateLimitingQueue(this.sim, 'node_lifecycle_controller', NODE_LIFECYCLE_CONTROLLER);
    this.podUpdateQueue = new RateLimitingQueue(this.sim, 'node_lifecycle_controller_pods', NODE_LIFECYCLE_CONTROLLER);
    this.pods.addEventHandler({
      add: (pod) => this.podUpdated(undefined, pod),
      update: (old, cur) => this.podUpdated(old, cur),
    });
    addNodeNameIndex(this.pods);
    this.nodes.addEventHandler({
      add: (node) => this.nodeUpdateQueue.add(node.metadata.name),
      update: (_old, cur) => this.nodeUpdateQueue.add(cur.metadata.name),
      delete: (node) => this.nodesToRetry.delete(node.metadata.name),
    });
  }

  /** run waits for the caches, starts the workers and the 5 s health monitor (Run). */
  run(): void {
    waitForCacheSync(this.sim, [this.leases, this.nodes, this.pods]).then(() => {
      if (this.stopped) return;
      runWorkers(this.sim, this.nodeUpdateQueue, NODE_UPDATE_WORKER_SIZE, NODE_LIFECYCLE_CONTROLLER, (name) => this.nodeProcessingPass(name));
      runWorkers(this.sim, this.podUpdateQueue, POD_UPDATE_WORKER_SIZE, NODE_LIFECYCLE_CONTROLLER, (key) => processPod(this, key));
      spawn(this.monitorLoop());
    });
  }

  stop(): void {
    this.stopped = true;
    this.nodeUpdateQueue.shutDown();
    this.podUpdateQueue.shutDown();
    this.sim.cancel(this.taintingTimer);
  }

  /** getPodsAssignedToNode lists the cached pods bound to `nodeName`. */
  getPodsAssignedToNode(nodeName: string): Stored<Pod>[] {
    return this.pods.indexer.byIndex(NODE_NAME_INDEX, nodeName) as Stored<Pod>[];
  }

  getLease(nodeName: string): Lease | undefined {
    return this.leases.indexer.get(`kube-node-lease/${nodeName}`) as Lease | undefined;
  }

  taintContext(): NodeTaintContext {
    return { client: this.client, sim: this.sim, epochMs: this.epochMs };
  }

  markPodsContext(): MarkPodsContext {
    return { client: this.client, recorder: this.recorder, nowMs: () => this.sim.nowMs, epochMs: this.epochMs };
  }

  /**
   * kickTaintingPass runs doNoExecuteTaintingPass every NodeEvictionPeriod (100 ms) while some
   * zone queue holds a node (upstream polls forever; an idle poll changes nothing).
   */
  kickTaintingPass(): void {
    if (this.taintingTimer || this.stopped) return;
    this.taintingTimer = this.sim.after(NODE_EVICTION_PERIOD_MS, () => {
      this.taintingTimer = undefined;
      doNoExecuteTaintingPass(this);
      if ([...this.zoneNoExecuteTainter.values()].some((q) => q.length > 0)) this.kickTaintingPass();
    });
  }

  /** monitorLoop is wait.Until(monitorNodeHealth, nodeMonitorPeriod): the period starts after each pass. */
  private *monitorLoop(): Task<void> {
    while (!this.stopped) {
      yield* monitorNodeHealth(this);
      yield* wait(this.sim.sleep(this.config.nodeMonitorPeriodMs));
    }
  }

  /** nodeProcessingPass is doNodeProcessingPassWorker's body: the NoSchedule condition taints. */
  private *nodeProcessingPass(nodeName: string): Task<string | undefined> {
    yield* doNoScheduleTaintingPass(this, nodeName);
    return undefined;
  }

  /** podUpdated queues a pod newly bound to a node, to be marked NotReady if that node is down. */
  private podUpdated(old: Stored<Pod> | undefined, cur: Stored<Pod>): void {
    const nodeName = cur.spec?.nodeName;
    if (nodeName && (!old || old.spec?.nodeName !== nodeName)) this.podUpdateQueue.add(namespacedName(cur));
  }
}

/** addNodeNameIndex indexes a pod informer by spec.nodeName once (shared with the taint-eviction controller). */
export function addNodeNameIndex(pods: SharedIndexInformer<Pod>): void {
  if (pods.indexer.hasIndex(NODE_NAME_INDEX)) return;
  pods.addIndexers({ [NODE_NAME_INDEX]: (obj) => ((obj as Pod).spec?.nodeName ? [(obj as Pod).spec!.nodeName!] : []) });
}
