// Mirrors kubernetes pkg/controller/nodelifecycle/node_lifecycle_controller.go (v1.32)
// doNoScheduleTaintingPass, doNoExecuteTaintingPass and processPod.
import type { Node, Pod, Taint } from 'kubernetes-types/core/v1';
import type { Stored } from '../../api/object';
import { spawn, type Task } from '../../sim/task';
import { refOf, traceDecision } from '../trace';
import { swapNodeControllerTaint, taintSetDiff, taintString } from '../taints';
import type { SyncError } from '../types';
import { getNodeCondition, markPodsNotReady } from '../util/node/controllerUtils';
import { NOT_READY_TAINT_TEMPLATE, TAINT_NODE_NOT_READY, TAINT_NODE_UNREACHABLE, TAINT_NODE_UNSCHEDULABLE, UNREACHABLE_TAINT_TEMPLATE } from './taintTemplates';
import { NODE_LIFECYCLE_CONTROLLER, type NodeLifecycleController } from './nodeLifecycleController';

/** NODE_CONDITION_TO_TAINT_KEY: which condition status earns which NoSchedule taint key. */
const NODE_CONDITION_TO_TAINT_KEY: Record<string, Record<string, string>> = {
  Ready: { False: TAINT_NODE_NOT_READY, Unknown: TAINT_NODE_UNREACHABLE },
  MemoryPressure: { True: 'node.kubernetes.io/memory-pressure' },
  DiskPressure: { True: 'node.kubernetes.io/disk-pressure' },
  NetworkUnavailable: { True: 'node.kubernetes.io/network-unavailable' },
  PIDPressure: { True: 'node.kubernetes.io/pid-pressure' },
};

/** The taint keys this pass owns (taintKeyToNodeConditionMap plus unschedulable). */
const CONDITION_TAINT_KEYS = new Set([TAINT_NODE_NOT_READY, TAINT_NODE_UNREACHABLE, 'node.kubernetes.io/network-unavailable', 'node.kubernetes.io/memory-pressure', 'node.kubernetes.io/disk-pressure', 'node.kubernetes.io/pid-pressure', TAINT_NODE_UNSCHEDULABLE]);

/**
 * conditionTaints are the NoSchedule taints a node's conditions call for, in condition order, then
 * `node.kubernetes.io/unschedulable` for a cordoned node.
 */
export function conditionTaints(node: Node): Taint[] {
  const taints: Taint[] = [];
  for (const condition of node.status?.conditions ?? []) {
    const key = NODE_CONDITION_TO_TAINT_KEY[condition.type]?.[condition.status];
    if (key) taints.push({ key, effect: 'NoSchedule' });
  }
  if (node.spec?.unschedulable) taints.push({ key: TAINT_NODE_UNSCHEDULABLE, effect: 'NoSchedule' });
  return taints;
}

/**
 * doNoScheduleTaintingPass keeps a node's NoSchedule condition taints equal to what its
 * conditions say (run on every node add/update, without rate limit: NoSchedule only stops new
 * pods from landing there).
 */
export function* doNoScheduleTaintingPass(nc: NodeLifecycleController, nodeName: string): Task<SyncError> {
  const node = nc.nodes.indexer.get(nodeName) as Stored<Node> | undefined;
  if (!node) return undefined;
  const owned = (node.spec?.taints ?? []).filter((t) => t.effect === 'NoSchedule' && CONDITION_TAINT_KEYS.has(t.key));
  const { toAdd, toRemove } = taintSetDiff(conditionTaints(node), owned);
  if (toAdd.length === 0 && toRemove.length === 0) return undefined;
  const err = yield* swapNodeControllerTaint(nc.taintContext(), node, toAdd, toRemove);
  traceDecision(nc.sim, NODE_LIFECYCLE_CONTROLLER, 'nodelifecycle.noScheduleTaints', refOf(node), { add: toAdd.map(taintString), remove: toRemove.map(taintString), error: err });
  return err;
}

/**
 * doNoExecuteTaintingPass drains each zone's queue at the zone's rate (0.1 nodes/s normally):
 * a queued node that is still NotReady/Unknown gets the matching NoExecute taint (and loses the
 * opposite one); a node Ready again is dropped. A failed write drops the node too; the next
 * health pass queues it again.
 */
export function doNoExecuteTaintingPass(nc: NodeLifecycleController): void {
  for (const zone of [...nc.zoneNoExecuteTainter.keys()].sort()) {
    const queue = nc.zoneNoExecuteTainter.get(zone)!;
    queue.try(nc.sim.nowMs, (value) => {
      const node = nc.nodes.indexer.get(value.value) as Stored<Node> | undefined;
      if (!node) return [true, 0];
      const ready = getNodeCondition(node.status, 'Ready');
      if (!ready) return [false, 50];
      if (ready.status !== 'False' && ready.status !== 'Unknown') return [true, 0];
      const [taint, opposite] = ready.status === 'False' ? [NOT_READY_TAINT_TEMPLATE, UNREACHABLE_TAINT_TEMPLATE] : [UNREACHABLE_TAINT_TEMPLATE, NOT_READY_TAINT_TEMPLATE];
      spawn(swapNodeControllerTaint(nc.taintContext(), node, [taint], [opposite])).then((err) => {
        traceDecision(nc.sim, NODE_LIFECYCLE_CONTROLLER, 'nodelifecycle.noExecuteTaint', refOf(node), { taint: taintString(taint), zone, error: err });
        if (err) queue.remove(node.metadata.name);
      });
      return [true, 0];
    });
  }
}

/**
 * processPod handles a pod just bound to a node: if the node is not Ready (as last seen by the
 * health pass) the pod is marked NotReady right away, without waiting for the next pass.
 */
export function* processPod(nc: NodeLifecycleController, key: string): Task<SyncError> {
  const pod = nc.pods.indexer.get(key) as Stored<Pod> | undefined;
  if (!pod) return undefined;
  const nodeName = pod.spec?.nodeName ?? '';
  const health = nc.nodeHealthMap.get(nodeName);
  if (!health) return undefined;
  if (!nc.nodes.indexer.get(nodeName)) return `node "${nodeName}" not found`;
  const ready = getNodeCondition(health.status, 'Ready');
  if (!ready || ready.status === 'True') return undefined;
  return yield* markPodsNotReady(nc.markPodsContext(), [pod], nodeName);
}
