// Mirrors kubernetes pkg/kubelet/status/generate.go (v1.32): the pod conditions the kubelet owns.
import type { ContainerStatus, PodCondition, PodSpec } from 'kubernetes-types/core/v1';
import { flat } from '../../api/flat';
import { RecentStrings } from '../../api/recentStrings';

export const UNKNOWN_CONTAINER_STATUSES = 'UnknownContainerStatuses';
export const POD_COMPLETED = 'PodCompleted';
export const POD_FAILED = 'PodFailed';
export const CONTAINERS_NOT_READY = 'ContainersNotReady';
export const CONTAINERS_NOT_INITIALIZED = 'ContainersNotInitialized';
export const READINESS_GATES_NOT_READY = 'ReadinessGatesNotReady';

/** conditionMessages: every pod of a template has the same messages; its conditions share one copy. */
const conditionMessages = new RecentStrings(1024);

type Condition = Pick<PodCondition, 'type' | 'status' | 'reason' | 'message'>;

/** goList prints names as Go's %s prints a []string: "[a b]". */
export function goList(names: string[]): string {
  return `[${names.join(' ')}]`;
}

/**
 * generateContainersReadyCondition: True when every container is ready; PodCompleted/PodFailed
 * for terminal pods; else ContainersNotReady with "containers with unready status: [nginx]".
 */
export function generateContainersReadyCondition(spec: PodSpec, statuses: readonly ContainerStatus[] | undefined, phase: string): Condition {
  if (!statuses) return { type: 'ContainersReady', status: 'False', reason: UNKNOWN_CONTAINER_STATUSES };
  const unknown: string[] = [];
  const unready: string[] = [];
  const byName = new Map(statuses.map((s) => [s.name, s]));
  const sidecars = (spec.initContainers ?? []).filter((c) => c.restartPolicy === 'Always');
  for (const container of [...sidecars, ...spec.containers]) {
    const status = byName.get(container.name);
    if (!status) unknown.push(container.name);
    else if (!status.ready) unready.push(container.name);
  }
  if (phase === 'Succeeded' && unknown.length === 0) return { type: 'ContainersReady', status: 'False', reason: POD_COMPLETED };
  if (phase === 'Failed') return { type: 'ContainersReady', status: 'False', reason: POD_FAILED };
  const messages: string[] = [];
  if (unknown.length > 0) messages.push(flat('containers with unknown status: ', goList(unknown)));
  if (unready.length > 0) messages.push(flat('containers with unready status: ', goList(unready)));
  if (messages.length > 0) return { type: 'ContainersReady', status: 'False', reason: CONTAINERS_NOT_READY, message: conditionMessages.intern(messages.join(', ')) };
  return { type: 'ContainersReady', status: 'True' };
}

/** generatePodReadyCondition: ContainersReady, then the pod's readiness gates. */
export function generatePodReadyCondition(spec: PodSpec, existing: readonly PodCondition[], statuses: readonly ContainerStatus[] | undefined, phase: string): Condition {
  const containersReady = generateContainersReadyCondition(spec, statuses, phase);
  if (containersReady.status !== 'True') return { type: 'Ready', status: 'False', reason: containersReady.reason, message: containersReady.message };
  const unreadyGates: string[] = [];
  for (const gate of spec.readinessGates ?? []) {
    if (existing.find((c) => c.type === gate.conditionType)?.status !== 'True') unreadyGates.push(gate.conditionType);
  }
  if (unreadyGates.length > 0) {
    const message = `the status of pod readiness gate ${unreadyGates.map((g) => `"${g}"`).join(', ')} is not "True", but False`;
    return { type: 'Ready', status: 'False', reason: READINESS_GATES_NOT_READY, message };
  }
  return { type: 'Ready', status: 'True' };
}

/** generatePodInitializedCondition: True without init containers or when all completed (sidecars: started). */
export function generatePodInitializedCondition(spec: PodSpec, initStatuses: readonly ContainerStatus[], phase: string): Condition {
  const init = spec.initContainers ?? [];
  if (init.length === 0) return { type: 'Initialized', status: 'True' };
  const byName = new Map(initStatuses.map((s) => [s.name, s]));
  const unknown: string[] = [];
  const incomplete: string[] = [];
  for (const container of init) {
    const status = byName.get(container.name);
    if (!status) unknown.push(container.name);
    else if (container.restartPolicy === 'Always' ? !status.started : status.state?.terminated?.exitCode !== 0) incomplete.push(container.name);
  }
  if (phase === 'Succeeded' && unknown.length === 0) return { type: 'Initialized', status: 'True', reason: POD_COMPLETED };
  const messages: string[] = [];
  if (unknown.length > 0) messages.push(flat('containers with unknown status: ', goList(unknown)));
  if (incomplete.length > 0) messages.push(flat('containers with incomplete status: ', goList(incomplete)));
  if (messages.length > 0) return { type: 'Initialized', status: 'False', reason: CONTAINERS_NOT_INITIALIZED, message: messages.join(', ') };
  return { type: 'Initialized', status: 'True' };
}

/** generatePodReadyToStartContainersCondition: True once the sandbox runs with its network. */
export function generatePodReadyToStartContainersCondition(sandboxReady: boolean): Condition {
  return { type: 'PodReadyToStartContainers', status: sandboxReady ? 'True' : 'False' };
}
