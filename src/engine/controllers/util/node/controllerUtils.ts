// Mirrors kubernetes pkg/controller/util/node/controller_utils.go (v1.32): MarkPodsNotReady,
// RecordNodeEvent, RecordNodeStatusChange, GetNodeCondition, and the zone key of
// k8s.io/component-helpers/node/topology.
import type { Node, NodeCondition, NodeStatus, Pod, PodCondition } from 'kubernetes-types/core/v1';
import type { KubeObject, Stored } from '../../../api/object';
import { deepClone, type Writable } from '../../../api/object';
import type { EventRecorder } from '../../../client/record/eventRecorder';
import { wait, type Task } from '../../../sim/task';
import { toRFC3339 } from '../../../sim/time';
import { errorOf, isNotFound, type ControllerClient, type SyncError } from '../../types';

/** getNodeCondition returns the condition of `type` from a node status, if present. */
export function getNodeCondition(status: NodeStatus | undefined, type: string): NodeCondition | undefined {
  return (status?.conditions ?? []).find((c) => c.type === type);
}

/** nodeRef is the object an event about a node is recorded on (apiVersion v1, kind Node, its UID). */
function nodeRef(name: string, uid: string | undefined): Stored<KubeObject> {
  return { apiVersion: 'v1', kind: 'Node', metadata: { name, uid } } as Stored<KubeObject>;
}

/** recordNodeEvent records `Node <name> event: <text>` (RegisteredNode, RemovingNode). */
export function recordNodeEvent(recorder: EventRecorder, nodeName: string, nodeUid: string | undefined, type: 'Normal' | 'Warning', reason: string, text: string): void {
  recorder.event(nodeRef(nodeName, nodeUid), type, reason, `Node ${nodeName} event: ${text}`);
}

/** recordNodeStatusChange records `Node <name> status is now: <status>` (NodeNotReady). */
export function recordNodeStatusChange(recorder: EventRecorder, node: Stored<Node>, newStatus: string): void {
  recorder.event(nodeRef(node.metadata.name, node.metadata.uid), 'Normal', newStatus, `Node ${node.metadata.name} status is now: ${newStatus}`);
}

/**
 * updatePodCondition mirrors pkg/api/v1/pod UpdatePodCondition: set the condition, moving
 * lastTransitionTime only when the status flips. Returns false when nothing changed.
 */
export function updatePodCondition(target: Pod, condition: PodCondition, nowMs: number, epochMs: number): boolean {
  const pod = target as Writable<Pod>;
  pod.status ??= {};
  const conditions = pod.status.conditions ?? [];
  const i = conditions.findIndex((c) => c.type === condition.type);
  const now = toRFC3339(nowMs, epochMs);
  if (i < 0) {
    pod.status.conditions = [...conditions, { ...condition, lastTransitionTime: condition.lastTransitionTime ?? now }];
    return true;
  }
  const old = conditions[i];
  const next: PodCondition = { ...condition, lastTransitionTime: old.status === condition.status ? old.lastTransitionTime : now };
  if (old.status === next.status && old.reason === next.reason && old.message === next.message && old.lastProbeTime === next.lastProbeTime && old.lastTransitionTime === next.lastTransitionTime) return false;
  pod.status.conditions = conditions.map((c, j) => (j === i ? next : c));
  return true;
}

export interface MarkPodsContext {
  client: ControllerClient;
  recorder: EventRecorder;
  nowMs: () => number;
  epochMs: number;
}

/**
 * markPodsNotReady sets Ready=False on every pod of the node that still reports Ready=True, so the
 * EndpointSlice controller takes them out of Services while the node is unreachable; each pod gets
 * a `NodeNotReady` Warning ("Node is not ready"). Errors are joined; NotFound is ignored.
 */
export function* markPodsNotReady(ctx: MarkPodsContext, pods: readonly Stored<Pod>[], nodeName: string): Task<SyncError> {
  const errs: string[] = [];
  for (const cached of pods) {
    if (cached.spec?.nodeName !== nodeName) continue;
    const ready = (cached.status?.conditions ?? []).find((c) => c.type === 'Ready');
    if (!ready) continue;
    const pod = deepClone(cached) as Stored<Pod>;
    if (!updatePodCondition(pod, { ...ready, status: 'False' }, ctx.nowMs(), ctx.epochMs)) continue;
    const updated = yield* wait(ctx.client.updateStatus<Pod>('pods', pod));
    if (!updated.ok) {
      if (isNotFound(updated)) continue;
      errs.push(errorOf(updated) ?? 'update failed');
    }
    ctx.recorder.event(pod, 'Warning', 'NodeNotReady', 'Node is not ready');
  }
  return errs.length === 0 ? undefined : errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`;
}

/** LABEL_TOPOLOGY_REGION / LABEL_TOPOLOGY_ZONE are the well-known topology labels. */
export const LABEL_TOPOLOGY_REGION = 'topology.kubernetes.io/region';
export const LABEL_TOPOLOGY_ZONE = 'topology.kubernetes.io/zone';

/**
 * getZoneKey is the node's failure domain, `region:\x00:zone` (empty for nodes without topology
 * labels, which all share one "zone" and one eviction rate limiter).
 */
export function getZoneKey(node: Node): string {
  const labels = node.metadata?.labels ?? {};
  const region = labels[LABEL_TOPOLOGY_REGION] ?? labels['failure-domain.beta.kubernetes.io/region'] ?? '';
  const zone = labels[LABEL_TOPOLOGY_ZONE] ?? labels['failure-domain.beta.kubernetes.io/zone'] ?? '';
  if (region === '' && zone === '') return '';
  return `${region}:\x00:${zone}`;
}
