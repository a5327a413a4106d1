// Mirrors kubernetes pkg/controller/nodelifecycle/node_lifecycle_controller.go (v1.32)
// handleDisruption, ComputeZoneState, setLimiterInZone, HealthyQPSFunc, ReducedQPSFunc: how fast
// NoExecute taints may be added, per zone, given how much of the zone is down.
import type { Node, NodeCondition } from 'kubernetes-types/core/v1';
import type { Stored } from '../../api/object';
import { spawn, type Task } from '../../sim/task';
import { traceDecision } from '../trace';
import { waitAll } from '../waitAll';
import { markNodeAsReachable } from './monitorNodeHealth';
import { NODE_LIFECYCLE_CONTROLLER, type NodeLifecycleController } from './nodeLifecycleController';

export type ZoneState = 'Initial' | 'Normal' | 'FullDisruption' | 'PartialDisruption';

/**
 * computeZoneState classifies a zone from its nodes' Ready conditions: FullDisruption when no node
 * is Ready, PartialDisruption when more than 2 nodes and at least `unhealthyZoneThreshold` of
 * them are not Ready, Normal otherwise. Returns the number of not-Ready nodes too.
 *
 * Example with the 0.55 default: 3 of 5 NotReady → 0.6 ≥ 0.55 and 3 > 2 → PartialDisruption;
 * 2 of 3 NotReady → only 2 nodes → Normal.
 */
export function computeZoneState(conditions: ReadonlyArray<NodeCondition | undefined>, unhealthyZoneThreshold: number): [number, ZoneState] {
  let ready = 0;
  let notReady = 0;
  for (const c of conditions) {
    if (c?.status === 'True') ready++;
    else notReady++;
  }
  if (ready === 0 && notReady > 0) return [notReady, 'FullDisruption'];
  if (notReady > 2 && notReady / (notReady + ready) >= unhealthyZoneThreshold) return [notReady, 'PartialDisruption'];
  return [notReady, 'Normal'];
}

/** reducedQPS is ReducedQPSFunc: a partially disrupted zone keeps tainting slowly only if it is large. */
export function reducedQPS(nodeCount: number, config: { largeClusterThreshold: number; secondaryEvictionLimiterQPS: number }): number {
  return nodeCount > config.largeClusterThreshold ? config.secondaryEvictionLimiterQPS : 0;
}

/**
 * handleDisruption updates zone states and their tainting rates. If every zone is fully disrupted
 * the controller assumes the problem is on its side (the control plane lost the nodes, not the
 * nodes died): it removes the NoExecute taints everywhere and stops tainting. When a zone comes
 * back from that, every node's probe time is reset so nothing is evicted on stale data.
 */
export function* handleDisruption(nc: NodeLifecycleController, zoneToNodeConditions: Map<string, Array<NodeCondition | undefined>>, nodes: readonly Stored<Node>[]): Task<void> {
  const newZoneStates = new Map<string, ZoneState>();
  let allAreFullyDisrupted = true;
  for (const zone of [...zoneToNodeConditions.keys()].sort()) {
    const [, state] = computeZoneState(zoneToNodeConditions.get(zone)!, nc.config.unhealthyZoneThreshold);
    if (state !== 'FullDisruption') allAreFullyDisrupted = false;
    newZoneStates.set(zone, state);
    if (!nc.zoneStates.has(zone)) nc.zoneStates.set(zone, 'Initial');
  }
  let allWasFullyDisrupted = true;
  for (const zone of [...nc.zoneStates.keys()].sort()) {
    if (!zoneToNodeConditions.has(zone)) {
      nc.zoneStates.delete(zone);
      continue;
    }
    if (nc.zoneStates.get(zone) !== 'FullDisruption') allWasFullyDisrupted = false;
  }
  if (allAreFullyDisrupted && allWasFullyDisrupted) return;
  const zones = [...nc.zoneStates.keys()].sort();
  if (allAreFullyDisrupted) {
    traceDecision(nc.sim, NODE_LIFECYCLE_CONTROLLER, 'nodelifecycle.masterDisruption', undefined, { message: 'Controller detected that all Nodes are not-Ready. Entering master disruption mode' });
    yield* waitAll(nodes.map((node) => spawn(markNodeAsReachable(nc, node))));
    for (const zone of zones) {
      nc.zoneNoExecuteTainter.get(zone)?.swapLimiter(0, nc.sim.nowMs);
      nc.zoneStates.set(zone, 'FullDisruption');
    }
    return;
  }
  if (allWasFullyDisrupted) {
    traceDecision(nc.sim, NODE_LIFECYCLE_CONTROLLER, 'nodelifecycle.masterDisruptionEnd', undefined, { message: 'Controller detected that some Nodes are Ready. Exiting master disruption mode' });
    for (const node of nodes) {
      const health = nc.nodeHealthMap.get(node.metadata.name);
      if (health) nc.nodeHealthMap.set(node.metadata.name, { ...health, probeTimestampMs: nc.sim.nowMs, readyTransitionTimestampMs: nc.sim.nowMs });
    }
    for (const zone of zones) {
      setLimiterInZone(nc, zone, zoneToNodeConditions.get(zone)?.length ?? 0, newZoneStates.get(zone)!);
      nc.zoneStates.set(zone, newZoneStates.get(zone)!);
    }
    return;
  }
  for (const zone of zones) {
    const state = newZoneStates.get(zone)!;
    if (nc.zoneStates.get(zone) === state) continue;
    traceDecision(nc.sim, NODE_LIFECYCLE_CONTROLLER, 'nodelifecycle.zoneState', undefined, { zone, state });
    setLimiterInZone(nc, zone, zoneToNodeConditions.get(zone)?.length ?? 0, state);
    nc.zoneStates.set(zone, state);
  }
}

/** setLimiterInZone: Normal → --node-eviction-rate; Partial → reducedQPS; Full → the healthy rate again. */
function setLimiterInZone(nc: NodeLifecycleController, zone: string, zoneSize: number, state: ZoneState): void {
  const queue = nc.zoneNoExecuteTainter.get(zone);
  if (!queue) return;
  if (state === 'Normal' || state === 'FullDisruption') queue.swapLimiter(nc.config.evictionLimiterQPS, nc.sim.nowMs);
  else if (state === 'PartialDisruption') queue.swapLimiter(reducedQPS(zoneSize, nc.config), nc.sim.nowMs);
}
