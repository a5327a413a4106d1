// Mirrors kubernetes pkg/controller/nodelifecycle/node_lifecycle_controller.go (v1.32)
// tryUpdateNodeHealth: the decision half, without the API call.
import type { Lease } from 'kubernetes-types/coordination/v1';
import type { Node, NodeCondition, NodeStatus } from 'kubernetes-types/core/v1';
import { deepClone, type Writable } from '../../api/object';
import { fromRFC3339, toRFC3339 } from '../../sim/time';
import { getNodeCondition } from '../util/node/controllerUtils';

/**
 * NodeHealthData is what the controller remembers per node: when it last saw a sign of life
 * (probeTimestampMs, on the controller's own clock, never the kubelet's timestamps, to be immune
 * to clock skew), when Ready last changed, the status and Lease it saw then.
 */
export interface NodeHealthData {
  probeTimestampMs: number;
  readyTransitionTimestampMs: number;
  status: NodeStatus | undefined;
  leaseRenewTime: string | undefined;
}

/** The conditions the controller sets to Unknown (NetworkUnavailable is the cloud's business). */
const CONDITIONS_SET_UNKNOWN = ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'];

export interface NodeHealthTimings {
  nodeMonitorGracePeriodMs: number;
  nodeStartupGracePeriodMs: number;
  nowMs: number;
  epochMs: number;
}

export interface NodeHealthDecision {
  gracePeriodMs: number;
  /** observedReady: the Ready condition as the kubelet last posted it (or a fake Unknown). */
  observedReady: NodeCondition;
  /** currentReady: Ready after this decision (Unknown when the grace period ran out). */
  currentReady: NodeCondition | undefined;
  health: NodeHealthData;
  /** statusUpdate: the node to write with UpdateStatus, when Ready must change. */
  statusUpdate: Node | undefined;
}

/**
 * tryUpdateNodeHealth decides whether a node is still alive. A changed Ready heartbeat or a newer
 * Lease renewTime moves probeTimestamp to now; once now is past probeTimestamp + grace (50 s;
 * 60 s for a node that never posted Ready), Ready/MemoryPressure/DiskPressure/PIDPressure become
 * Unknown ("Kubelet stopped posting node status.").
 *
 * Worked example: the Lease is renewed every 10 s and the monitor ticks every 5 s (at 3, 8, …).
 * The kubelet renews at 96 s and dies at 100 s. The 98 s tick sees the new renewTime, so probe =
 * 98 s; the first tick past 98 + 50 = 148 s is 153 s, which posts Unknown 53 s after the kubelet
 * died. Depending on where the last renewal and the ticks fall, Unknown comes 40-60 s after death.
 */
export function tryUpdateNodeHealth(node: Node, saved: NodeHealthData | undefined, lease: Lease | undefined, t: NodeHealthTimings): NodeHealthDecision {
  const createdMs = fromRFC3339(node.metadata?.creationTimestamp ?? '', t.epochMs);
  const current = getNodeCondition(node.status, 'Ready');
  let health = saved;
  let gracePeriodMs: number;
  let observedReady: NodeCondition;
  if (!current) {
    const created = node.metadata?.creationTimestamp;
    observedReady = { type: 'Ready', status: 'Unknown', lastHeartbeatTime: created, lastTransitionTime: created };
    gracePeriodMs = t.nodeStartupGracePeriodMs;
    health = health ? { ...health, status: node.status } : { status: node.status, probeTimestampMs: createdMs, readyTransitionTimestampMs: createdMs, leaseRenewTime: undefined };
  } else {
    observedReady = { ...current };
    gracePeriodMs = t.nodeMonitorGracePeriodMs;
  }
  const savedReady = health ? getNodeCondition(health.status, 'Ready') : undefined;
  const savedLease = health?.leaseRenewTime;
  if (!health || (!savedReady && current) || (savedReady && !current)) {
    health = { status: node.status, probeTimestampMs: t.nowMs, readyTransitionTimestampMs: t.nowMs, leaseRenewTime: undefined };
  } else if (savedReady && current && savedReady.lastHeartbeatTime !== current.lastHeartbeatTime) {
    const transitioned = savedReady.lastTransitionTime !== current.lastTransitionTime;
    health = { status: node.status, probeTimestampMs: t.nowMs, readyTransitionTimestampMs: transitioned ? t.nowMs : health.readyTransitionTimestampMs, leaseRenewTime: undefined };
  }
  // (A recreated record forgets the Lease it saw, as upstream's does: the next Lease seen counts.)
  // A renewed Lease counts as a heartbeat: a kubelet that never posted status but renews its
  // Lease is assumed healthy.
  const renewTime = lease?.spec?.renewTime;
  if (renewTime && (savedLease === undefined || fromRFC3339(savedLease) < fromRFC3339(renewTime))) {
    health = { ...health, leaseRenewTime: renewTime, probeTimestampMs: t.nowMs };
  }
  if (!(t.nowMs > health.probeTimestampMs + gracePeriodMs)) return { gracePeriodMs, observedReady, currentReady: current, health, statusUpdate: undefined };

  const updated = deepClone(node) as Writable<Node>;
  const status = (updated.status ??= {});
  const conditions = (status.conditions ??= []);
  const now = toRFC3339(t.nowMs, t.epochMs);
  for (const type of CONDITIONS_SET_UNKNOWN) {
    const condition = conditions.find((c) => c.type === type);
    if (!condition) {
      conditions.push({ type, status: 'Unknown', reason: 'NodeStatusNeverUpdated', message: 'Kubelet never posted node status.', lastHeartbeatTime: node.metadata?.creationTimestamp, lastTransitionTime: now });
    } else if (condition.status !== 'Unknown') {
      condition.status = 'Unknown';
      condition.reason = 'NodeStatusUnknown';
      condition.message = 'Kubelet stopped posting node status.';
      condition.lastTransitionTime = now;
    }
  }
  const currentReady = getNodeCondition(status, 'Ready');
  if (sameCondition(currentReady, observedReady)) return { gracePeriodMs, observedReady, currentReady, health, statusUpdate: undefined };
  return { gracePeriodMs, observedReady, currentReady, health, statusUpdate: updated };
}

/** afterStatusUpdate is the health record once the Unknown status was written. */
export function afterStatusUpdate(decision: NodeHealthDecision, lease: Lease | undefined, nowMs: number): NodeHealthData {
  return {
    status: decision.statusUpdate?.status,
    probeTimestampMs: decision.health.probeTimestampMs,
    readyTransitionTimestampMs: nowMs,
    leaseRenewTime: lease?.spec?.renewTime ?? decision.health.leaseRenewTime,
  };
}

function sameCondition(a: NodeCondition | undefined, b: NodeCondition): boolean {
  if (!a) return false;
  return a.status === b.status && a.reason === b.reason && a.message === b.message && a.lastHeartbeatTime === b.lastHeartbeatTime && a.lastTransitionTime === b.lastTransitionTime;
}
