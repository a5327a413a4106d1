// Mirrors kubernetes pkg/controller/nodelifecycle/node_lifecycle_controller.go (v1.32)
// monitorNodeHealth, processTaintBaseEviction, markNodeForTainting, markNodeAsReachable,
// classifyNodes.
import type { Node, NodeCondition } from 'kubernetes-types/core/v1';
import type { Stored } from '../../api/object';
import { spawn, wait, type Task } from '../../sim/task';
import { refOf, traceDecision } from '../trace';
import { removeTaintOffNode, swapNodeControllerTaint, taintExists } from '../taints';
import { errorOf } from '../types';
import { getZoneKey, markPodsNotReady, recordNodeEvent, recordNodeStatusChange } from '../util/node/controllerUtils';
import { waitAll } from '../waitAll';
import { handleDisruption } from './disruption';
import { afterStatusUpdate, tryUpdateNodeHealth, type NodeHealthDecision } from './nodeHealth';
import { NODE_LIFECYCLE_CONTROLLER, type NodeLifecycleController } from './nodeLifecycleController';
import { NOT_READY_TAINT_TEMPLATE, UNREACHABLE_TAINT_TEMPLATE } from './taintTemplates';
import { EVICTION_RATE_LIMITER_BURST, RateLimitedTimedQueue, TokenBucket } from './scheduler/rateLimitedQueue';

/** NODE_HEALTH_UPDATE_RETRY status writes, retrySleepTime apart. */
const NODE_HEALTH_UPDATE_RETRY = 5;
const RETRY_SLEEP_MS = 20;
/** LABEL_NODE_DISRUPTION_EXCLUSION keeps a node out of zone health (node.kubernetes.io/exclude-disruption). */
const LABEL_NODE_DISRUPTION_EXCLUSION = 'node.kubernetes.io/exclude-disruption';

/**
 * monitorNodeHealth is one pass over the cached nodes (every --node-monitor-period): register new
 * ones, update each node's health (posting Unknown when its heartbeats stopped), queue silent
 * nodes for the NoExecute taint, mark their pods NotReady, then adjust the zones' eviction rates.
 */
export function* monitorNodeHealth(nc: NodeLifecycleController): Task<void> {
  const nodes = (nc.nodes.indexer.list() as Stored<Node>[]).slice().sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
  const { added, deleted, newZoneRepresentatives } = classifyNodes(nc, nodes);
  for (const node of newZoneRepresentatives) addPodEvictorForNewZone(nc, node);
  const reachable = [];
  for (const node of added) {
    recordNodeEvent(nc.recorder, node.metadata.name, node.metadata.uid, 'Normal', 'RegisteredNode', `Registered Node ${node.metadata.name} in Controller`);
    nc.knownNodeSet.set(node.metadata.name, node);
    addPodEvictorForNewZone(nc, node);
    reachable.push(spawn(markNodeAsReachable(nc, node)));
  }
  yield* waitAll(reachable);
  for (const node of deleted) {
    recordNodeEvent(nc.recorder, node.metadata.name, node.metadata.uid, 'Normal', 'RemovingNode', `Removing Node ${node.metadata.name} from Controller`);
    nc.knownNodeSet.delete(node.metadata.name);
  }
  const zoneToNodeConditions = new Map<string, Array<NodeCondition | undefined>>();
  const updates = [];
  for (const node of nodes) if (!updateHealthyNode(nc, node, zoneToNodeConditions)) updates.push(spawn(updateNode(nc, node, zoneToNodeConditions)));
  yield* waitAll(updates);
  yield* handleDisruption(nc, zoneToNodeConditions, nodes);
}

/**
 * updateHealthyNode is updateNode for the common case, without starting a task: a node that was
 * and stays Ready, carries neither NoExecute taint and is not waiting for a retry needs no write,
 * so updateNode would finish at once with exactly these effects. Returns false (nothing done)
 * for any other node. At 5,000 nodes this pass runs 1,000 times per simulated second.
 */
function updateHealthyNode(nc: NodeLifecycleController, node: Stored<Node>, zoneToNodeConditions: Map<string, Array<NodeCondition | undefined>>): boolean {
  const name = node.metadata.name;
  if (nc.nodesToRetry.has(name)) return false;
  const taints = node.spec?.taints;
  if (taints && (taintExists(taints, UNREACHABLE_TAINT_TEMPLATE) || taintExists(taints, NOT_READY_TAINT_TEMPLATE))) return false;
  const timings = { nodeMonitorGracePeriodMs: nc.config.nodeMonitorGracePeriodMs, nodeStartupGracePeriodMs: nc.config.nodeStartupGracePeriodMs, nowMs: nc.sim.nowMs, epochMs: nc.epochMs };
  const decision = tryUpdateNodeHealth(node, nc.nodeHealthMap.get(name), nc.getLease(name), timings);
  const { observedReady, currentReady } = decision;
  if (decision.statusUpdate || observedReady.status !== 'True' || currentReady?.status !== 'True') return false;
  nc.nodeHealthMap.set(name, decision.health);
  recordZoneCondition(node, currentReady, zoneToNodeConditions);
  nc.zoneNoExecuteTainter.get(getZoneKey(node))?.remove(name);
  return true;
}

/** recordZoneCondition adds the node's Ready condition to its zone's (unless excluded from disruption). */
function recordZoneCondition(node: Stored<Node>, ready: NodeCondition | undefined, zoneToNodeConditions: Map<string, Array<NodeCondition | undefined>>): void {
  if ((node.metadata.labels ?? {})[LABEL_NODE_DISRUPTION_EXCLUSION]) return;
  const zone = getZoneKey(node);
  const conditions = zoneToNodeConditions.get(zone);
  if (conditions) conditions.push(ready);
  else zoneToNodeConditions.set(zone, [ready]);
}

/** updateNode is monitorNodeHealth's per-node function (run for all nodes in parallel). */
function* updateNode(nc: NodeLifecycleController, listed: Stored<Node>, zoneToNodeConditions: Map<string, Array<NodeCondition | undefined>>): Task<void> {
  let node = listed;
  let decision: NodeHealthDecision | undefined;
  for (let attempt = 0; attempt < NODE_HEALTH_UPDATE_RETRY && !decision; attempt++) {
    if (attempt > 0) {
      yield* wait(nc.sim.sleep(RETRY_SLEEP_MS));
      const fresh = yield* wait(nc.client.get<Node>('nodes', undefined, listed.metadata.name));
      if (!fresh.ok) return;
      node = fresh.object;
    }
    decision = yield* tryUpdateNodeHealthAndWrite(nc, node);
  }
  if (!decision) {
    traceDecision(nc.sim, NODE_LIFECYCLE_CONTROLLER, 'nodelifecycle.updateFailed', refOf(node), { message: 'Update health of Node from Controller error, Skipping - no pods will be evicted' });
    return;
  }
  const { observedReady, currentReady } = decision;
  recordZoneCondition(node, currentReady, zoneToNodeConditions);
  if (!currentReady) return;
  const pods = nc.getPodsAssignedToNode(node.metadata.name);
  yield* processTaintBaseEviction(nc, node, observedReady);
  const needsRetry = nc.nodesToRetry.has(node.metadata.name);
  const becameNotReady = currentReady.status !== 'True' && observedReady.status === 'True';
  if (becameNotReady) {
    recordNodeStatusChange(nc.recorder, node, 'NodeNotReady');
    traceDecision(nc.sim, NODE_LIFECYCLE_CONTROLLER, 'nodelifecycle.nodeNotReady', refOf(node), { ready: currentReady.status, reason: currentReady.reason, pods: pods.length });
  }
  if (becameNotReady || (needsRetry && observedReady.status !== 'True')) {
    const err = yield* markPodsNotReady(nc.markPodsContext(), pods, node.metadata.name);
    if (err) {
      nc.nodesToRetry.add(node.metadata.name);
      return;
    }
  }
  nc.nodesToRetry.delete(node.metadata.name);
}

/** tryUpdateNodeHealthAndWrite decides and, when Ready must become Unknown, writes the status. */
function* tryUpdateNodeHealthAndWrite(nc: NodeLifecycleController, node: Stored<Node>): Task<NodeHealthDecision | undefined> {
  const lease = nc.getLease(node.metadata.name);
  const timings = { nodeMonitorGracePeriodMs: nc.config.nodeMonitorGracePeriodMs, nodeStartupGracePeriodMs: nc.config.nodeStartupGracePeriodMs, nowMs: nc.sim.nowMs, epochMs: nc.epochMs };
  const decision = tryUpdateNodeHealth(node, nc.nodeHealthMap.get(node.metadata.name), lease, timings);
  if (!decision.statusUpdate) {
    nc.nodeHealthMap.set(node.metadata.name, decision.health);
    return decision;
  }
  const written = yield* wait(nc.client.updateStatus<Node>('nodes', decision.statusUpdate));
  if (!written.ok) {
    nc.nodeHealthMap.set(node.metadata.name, decision.health);
    traceDecision(nc.sim, NODE_LIFECYCLE_CONTROLLER, 'nodelifecycle.updateStatusError', refOf(node), { error: errorOf(written) });
    return undefined;
  }
  traceDecision(nc.sim, NODE_LIFECYCLE_CONTROLLER, 'nodelifecycle.statusUnknown', refOf(node), { silentForMs: nc.sim.nowMs - decision.health.probeTimestampMs });
  nc.nodeHealthMap.set(node.metadata.name, afterStatusUpdate(decision, lease, nc.sim.nowMs));
  return decision;
}

/**
 * processTaintBaseEviction acts on the Ready condition the kubelet last posted (observed, i.e.
 * one pass behind the Unknown just written): NotReady/Unknown nodes are queued for the NoExecute
 * taint (or have it swapped between not-ready and unreachable at once); Ready nodes lose both.
 */
function* processTaintBaseEviction(nc: NodeLifecycleController, node: Stored<Node>, observed: NodeCondition): Task<void> {
  if (observed.status === 'False' || observed.status === 'Unknown') {
    const [taint, opposite] = observed.status === 'False' ? [NOT_READY_TAINT_TEMPLATE, UNREACHABLE_TAINT_TEMPLATE] : [UNREACHABLE_TAINT_TEMPLATE, NOT_READY_TAINT_TEMPLATE];
    if (taintExists(node.spec?.taints, opposite)) {
      yield* swapNodeControllerTaint(nc.taintContext(), node, [taint], [opposite]);
    } else if (markNodeForTainting(nc, node, observed.status)) {
      traceDecision(nc.sim, NODE_LIFECYCLE_CONTROLLER, 'nodelifecycle.queueForTainting', refOf(node), { taint: taint.key, zone: getZoneKey(node) });
    }
    return;
  }
  if (observed.status === 'True') yield* markNodeAsReachable(nc, node);
}

/** markNodeForTainting (re)queues the node in its zone's tainter unless it already carries the taint. */
function markNodeForTainting(nc: NodeLifecycleController, node: Stored<Node>, status: 'False' | 'Unknown'): boolean {
  const queue = nc.zoneNoExecuteTainter.get(getZoneKey(node))!;
  const template = status === 'False' ? NOT_READY_TAINT_TEMPLATE : UNREACHABLE_TAINT_TEMPLATE;
  if (!taintExists(node.spec?.taints, template)) queue.remove(node.metadata.name);
  const added = queue.add(node.metadata.name, node.metadata.uid ?? '', nc.sim.nowMs);
  if (added) nc.kickTaintingPass();
  return added;
}

/** markNodeAsReachable removes both NoExecute taints (only if present) and forgets the queued node. */
export function* markNodeAsReachable(nc: NodeLifecycleController, node: Stored<Node>): Task<boolean> {
  for (const template of [UNREACHABLE_TAINT_TEMPLATE, NOT_READY_TAINT_TEMPLATE]) {
    const hadTaint = taintExists(node.spec?.taints, template);
    const err = yield* removeTaintOffNode(nc.taintContext(), node, [template]);
    if (err) return false;
    if (hadTaint) traceDecision(nc.sim, NODE_LIFECYCLE_CONTROLLER, 'nodelifecycle.untaint', refOf(node), { taint: `${template.key}:${template.effect}` });
  }
  return nc.zoneNoExecuteTainter.get(getZoneKey(node))?.remove(node.metadata.name) ?? false;
}

/** addPodEvictorForNewZone creates a zone's tainter (0.1 nodes/s, burst 1) the first time the zone is seen. */
export function addPodEvictorForNewZone(nc: NodeLifecycleController, node: Node): void {
  const zone = getZoneKey(node);
  if (nc.zoneStates.has(zone)) return;
  nc.zoneStates.set(zone, 'Initial');
  nc.zoneNoExecuteTainter.set(zone, new RateLimitedTimedQueue(new TokenBucket(nc.config.evictionLimiterQPS, EVICTION_RATE_LIMITER_BURST)));
}

/** classifyNodes: nodes new to the controller, nodes gone, and known nodes of a zone not yet tracked. */
function classifyNodes(nc: NodeLifecycleController, nodes: readonly Stored<Node>[]): { added: Stored<Node>[]; deleted: Stored<Node>[]; newZoneRepresentatives: Stored<Node>[] } {
  const added: Stored<Node>[] = [];
  const newZoneRepresentatives: Stored<Node>[] = [];
  for (const node of nodes) {
    if (!nc.knownNodeSet.has(node.metadata.name)) added.push(node);
    else if (!nc.zoneStates.has(getZoneKey(node))) newZoneRepresentatives.push(node);
  }
  const present = new Set(nodes.map((n) => n.metadata.name));
  const deleted = [...nc.knownNodeSet.entries()].filter(([name]) => !present.has(name)).sort(([a], [b]) => (a < b ? -1 : 1)).map(([, node]) => node);
  return { added, deleted, newZoneRepresentatives };
}
