// Mirrors kubernetes pkg/controller/tainteviction/taint_eviction.go (v1.32, the separate
// taint-eviction-controller, SeparateTaintEvictionController on by default): pods on nodes with
// NoExecute taints are deleted at once if they do not tolerate them, or after their
// tolerationSeconds.
import type { Node, Pod, Taint, Toleration } from 'kubernetes-types/core/v1';
import type { KubeObject, Stored } from '../../api/object';
import type { SharedIndexInformer } from '../../client/cache/sharedInformer';
import type { EventRecorder } from '../../client/record/eventRecorder';
import { RateLimitingQueue } from '../../client/workqueue/queue';
import { runWorkers } from '../../client/workqueue/workers';
import type { Simulator } from '../../sim/simulator';
import { spawn, wait, type Task } from '../../sim/task';
import { toRFC3339 } from '../../sim/time';
import { waitForCacheSync } from '../cacheSync';
import { addNodeNameIndex, NODE_NAME_INDEX } from '../nodelifecycle/nodeLifecycleController';
import { refOf, traceDecision } from '../trace';
import { errorOf, type ControllerClient, type SyncError } from '../types';
import { TimedWorkerQueue } from './timedWorkers';
import { getMatchingTolerations, getMinTolerationTime, getNoExecuteTaints, sameTaints, sameTolerations } from './tolerations';

export const TAINT_EVICTION_CONTROLLER = 'taint-eviction-controller';
/** UPDATE_WORKER_SIZE is UpdateWorkerSize (8 workers for node and pod updates). */
const UPDATE_WORKER_SIZE = 8;
/** RETRIES deletions of one pod, 10 ms apart. */
const RETRIES = 5;

export interface TaintEvictionControllerOptions {
  sim: Simulator;
  epochMs: number;
  client: ControllerClient;
  recorder: EventRecorder;
  pods: SharedIndexInformer<Pod>;
  nodes: SharedIndexInformer<Node>;
}

/**
 * TaintEvictionController (the "taint manager") keeps, per node, its NoExecute taints and, per pod
 * on such a node, a timed eviction: now for pods not tolerating every taint, after the smallest
 * matching tolerationSeconds otherwise (300 s for ordinary pods, from DefaultTolerationSeconds).
 * Removing the taints cancels pending evictions ("Cancelling deletion of Pod ...").
 */
export class TaintEvictionController {
  readonly sim: Simulator;
  readonly epochMs: number;
  readonly client: ControllerClient;
  readonly recorder: EventRecorder;
  readonly pods: SharedIndexInformer<Pod>;
  readonly nodes: SharedIndexInformer<Node>;
  readonly taintEvictionQueue: TimedWorkerQueue;
  readonly taintedNodes = new Map<string, Taint[]>();
  readonly nodeUpdateQueue: RateLimitingQueue;
  readonly podUpdateQueue: RateLimitingQueue;

  constructor(options: TaintEvictionControllerOptions) {
    ({ sim: this.sim, epochMs: this.epochMs, client: this.client, recorder: this.recorder, pods: this.pods, nodes: this.nodes } = options);
    this.taintEvictionQueue = new TimedWorkerQueue(this.sim, (key, fireAtMs) => spawn(this.deletePodHandler(key, fireAtMs)));
    this.nodeUpdateQueue = new RateLimitingQueue(this.sim, 'noexec_taint_node', TAINT_EVICTION_CONTROLLER);
    this.podUpdateQueue = new RateLimitingQueue(this.sim, 'noexec_taint_pod', TAINT_EVICTION_CONTROLLER);
    addNodeNameIndex(this.pods);
    this.pods.addEventHandler({
      add: (pod) => this.podUpdated(undefined, pod),
      update: (old, cur) => this.podUpdated(old, cur),
      delete: (pod) => this.podUpdated(pod, undefined),
    });
    this.nodes.addEventHandler({
      add: (node) => this.nodeUpdated(undefined, node),
      update: (old, cur) => this.nodeUpdated(old, cur),
      delete: (node) => this.nodeUpdated(node, undefined),
    });
  }

  run(): void {
    waitForCacheSync(this.sim, [this.pods, this.nodes]).then(() => {
      runWorkers(this.sim, this.nodeUpdateQueue, UPDATE_WORKER_SIZE, TAINT_EVICTION_CONTROLLER, (name) => this.handleNodeUpdate(name));
      runWorkers(this.sim, this.podUpdateQueue, UPDATE_WORKER_SIZE, TAINT_EVICTION_CONTROLLER, (key) => this.handlePodUpdate(key));
    });
  }

  /** podUpdated queues a pod whose node or tolerations changed (key `namespace/name@node`). */
  private podUpdated(old: Pod | undefined, cur: Pod | undefined): void {
    const pod = (cur ?? old)!;
    if (old && cur && sameTolerations(old.spec?.tolerations, cur.spec?.tolerations) && old.spec?.nodeName === cur.spec?.nodeName) return;
    this.podUpdateQueue.add(`${pod.metadata?.namespace}/${pod.metadata?.name}@${pod.spec?.nodeName ?? ''}`);
  }

  /** nodeUpdated queues a node whose NoExecute taints changed. */
  private nodeUpdated(old: Node | undefined, cur: Node | undefined): void {
    if (old && cur && sameTaints(getNoExecuteTaints(old.spec?.taints), getNoExecuteTaints(cur.spec?.taints))) return;
    this.nodeUpdateQueue.add((cur ?? old)!.metadata!.name!);
  }

  /** handleNodeUpdate records the node's NoExecute taints and (re)decides every pod on it. */
  *handleNodeUpdate(nodeName: string): Task<SyncError> {
    const node = this.nodes.indexer.get(nodeName) as Stored<Node> | undefined;
    if (!node) {
      this.taintedNodes.delete(nodeName);
      return undefined;
    }
    const taints = getNoExecuteTaints(node.spec?.taints);
    if (taints.length === 0) this.taintedNodes.delete(nodeName);
    else this.taintedNodes.set(nodeName, taints);
    const pods = this.pods.indexer.byIndex(NODE_NAME_INDEX, nodeName) as Stored<Pod>[];
    for (const pod of pods) {
      const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
      if (taints.length === 0) this.cancelWorkWithEvent(key);
      else this.processPodOnNode(key, nodeName, pod.spec?.tolerations ?? [], taints, this.sim.nowMs);
    }
    return undefined;
  }

  *handlePodUpdate(item: string): Task<SyncError> {
    const at = item.lastIndexOf('@');
    const [key, nodeName] = [item.slice(0, at), item.slice(at + 1)];
    const pod = this.pods.indexer.get(key) as Stored<Pod> | undefined;
    if (!pod) {
      this.cancelWorkWithEvent(key);
      return undefined;
    }
    if ((pod.spec?.nodeName ?? '') !== nodeName || nodeName === '') return undefined;
    const taints = this.taintedNodes.get(nodeName);
    if (!taints) return undefined;
    this.processPodOnNode(key, nodeName, pod.spec?.tolerations ?? [], taints, this.sim.nowMs);
    return undefined;
  }

  /**
   * processPodOnNode schedules (or keeps, or cancels) the pod's eviction. An eviction already
   * scheduled earlier wins over a later one for the same toleration time.
   */
  processPodOnNode(key: string, nodeName: string, tolerations: readonly Toleration[], taints: readonly Taint[], nowMs: number): void {
    if (taints.length === 0) this.cancelWorkWithEvent(key);
    const [allTolerated, used] = getMatchingTolerations(taints, tolerations);
    if (!allTolerated) {
      this.cancelWorkWithEvent(key);
      traceDecision(this.sim, TAINT_EVICTION_CONTROLLER, 'tainteviction.schedule', refOf(podRef(key)), { node: nodeName, afterMs: 0, reason: 'not all taints are tolerated' });
      this.taintEvictionQueue.addWork(key, nowMs, nowMs);
      return;
    }
    const minTolerationMs = getMinTolerationTime(used);
    if (minTolerationMs < 0) {
      this.cancelWorkWithEvent(key);
      return;
    }
    let startMs = nowMs;
    const triggerMs = nowMs + minTolerationMs;
    const scheduled = this.taintEvictionQueue.getWorkerUnsafe(key);
    if (scheduled) {
      startMs = scheduled.createdAtMs;
      if (startMs + minTolerationMs <= triggerMs) return;
      this.cancelWorkWithEvent(key);
    }
    traceDecision(this.sim, TAINT_EVICTION_CONTROLLER, 'tainteviction.schedule', refOf(podRef(key)), { node: nodeName, afterMs: startMs + minTolerationMs - nowMs });
    this.taintEvictionQueue.addWork(key, startMs, startMs + minTolerationMs);
  }

  private cancelWorkWithEvent(key: string): void {
    if (!this.taintEvictionQueue.cancelWork(key)) return;
    this.recorder.event(podRef(key), 'Normal', 'TaintManagerEviction', `Cancelling deletion of Pod ${key}`);
    traceDecision(this.sim, TAINT_EVICTION_CONTROLLER, 'tainteviction.cancel', refOf(podRef(key)));
  }

  /**
   * deletePodHandler is the eviction: the TaintManagerEviction event, then (up to 5 tries) the
   * DisruptionTarget condition on the pod's status and a normal DELETE (graceful, so on a dead
   * node the pod stays Terminating until the node comes back or is removed).
   */
  private *deletePodHandler(key: string, _fireAtMs: number): Task<string | undefined> {
    this.recorder.event(podRef(key), 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${key}`);
    traceDecision(this.sim, TAINT_EVICTION_CONTROLLER, 'tainteviction.evict', refOf(podRef(key)));
    let err: SyncError;
    for (let i = 0; i < RETRIES; i++) {
      if (i > 0) yield* wait(this.sim.sleep(10));
      err = yield* this.addConditionAndDeletePod(key);
      if (!err) break;
    }
    return err;
  }

  private *addConditionAndDeletePod(key: string): Task<SyncError> {
    const [namespace, name] = key.split('/');
    const got = yield* wait(this.client.get<Pod>('pods', namespace, name));
    if (!got.ok) return errorOf(got);
    const hasCondition = (got.object.status?.conditions ?? []).some((c) => c.type === 'DisruptionTarget' && c.status === 'True' && c.reason === 'DeletionByTaintManager');
    if (!hasCondition) {
      const condition = { type: 'DisruptionTarget', status: 'True', reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint', lastTransitionTime: toRFC3339(this.sim.nowMs, this.epochMs) };
      const patched = yield* wait(this.client.patch('pods', namespace, name, 'strategic', { metadata: { uid: got.object.metadata.uid }, status: { conditions: [condition] } }, { subresource: 'status' }));
      if (!patched.ok) return errorOf(patched);
    }
    const deleted = yield* wait(this.client.delete('pods', namespace, name));
    return deleted.ok ? undefined : errorOf(deleted);
  }
}

function podRef(key: string): Stored<KubeObject> {
  const [namespace, name] = key.split('/');
  return { apiVersion: 'v1', kind: 'Pod', metadata: { namespace, name } } as Stored<KubeObject>;
}
