// Mirrors kubernetes pkg/kubelet/kubelet_pods.go generateAPIPodStatus (v1.32): the pod status the
// kubelet would write now, from the runtime's view of the pod.
import type { Container, PodCondition, PodStatus } from 'kubernetes-types/core/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../api/object';
import type { ContainerRecord, PodSandbox } from '../runtime/types';
import { convertToAPIContainerStatuses, type SyncFailure } from './containerStatuses';
import { isStaticPod } from './pod/mirrorClient';
import { getPhase } from './podPhase';
import { generatePodInitializedCondition, generatePodReadyCondition, generatePodReadyToStartContainersCondition, generateContainersReadyCondition } from './status/generate';

/** RuntimePodStatus is kubecontainer.PodStatus: the pod's sandboxes and containers, newest first. */
export interface RuntimePodStatus {
  sandboxes: readonly PodSandbox[];
  containers: readonly ContainerRecord[];
}

/** KUBELET_CONDITION_TYPES are the conditions generateAPIPodStatus owns, in the order it writes them. */
export const KUBELET_CONDITION_TYPES = ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'];

export interface PodStatusInput {
  pod: Stored<Pod>;
  runtime: RuntimePodStatus;
  reasons: ReadonlyMap<string, SyncFailure> | undefined;
  podIsTerminal: boolean;
  hostIP: string;
  isReady: (container: Container, record: ContainerRecord, isInit: boolean) => boolean;
  /** isStarted: the startup probe passed (a running container without one has started). */
  isStarted?: (container: Container, record: ContainerRecord) => boolean;
  epochMs: number;
}

/** ephemeralStatuses: the ephemeral containers' statuses; they are never ready and never restart. */
function ephemeralStatuses(input: PodStatusInput, common: Omit<Parameters<typeof convertToAPIContainerStatuses>[0], 'containers' | 'defaultWaitingReason' | 'isInit'>) {
  const containers = (input.pod.spec?.ephemeralContainers ?? []) as Container[];
  return convertToAPIContainerStatuses({ ...common, containers, defaultWaitingReason: 'ContainerCreating', isInit: false, isReady: () => false });
}

/**
 * generateAPIPodStatus: container statuses, phase, then the kubelet's conditions after the ones
 * other components own (DisruptionTarget...). Transition times and startTime are filled in by the
 * status manager, which knows the previous status.
 */
export function generateAPIPodStatus(input: PodStatusInput): PodStatus {
  const { pod, runtime } = input;
  const spec = pod.spec!;
  const old = pod.status ?? {};
  const initContainers = spec.initContainers ?? [];
  const common = { pod, records: runtime.containers, reasons: input.reasons, isReady: input.isReady, isStarted: input.isStarted, epochMs: input.epochMs };
  // A pod with init containers shows PodInitializing for every container not created yet, even
  // after the init containers finished (kubectl get pods: Init:0/1, then PodInitializing).
  const defaultWaitingReason = initContainers.length > 0 ? 'PodInitializing' : 'ContainerCreating';
  const initStatuses = convertToAPIContainerStatuses({ ...common, containers: initContainers, defaultWaitingReason, isInit: true });
  const statuses = convertToAPIContainerStatuses({ ...common, containers: spec.containers, defaultWaitingReason, isInit: false });
  // A static pod never gets a terminal phase (upstream TODO #116484): stopped, it shows Running.
  const phase = getPhase(spec, initStatuses, statuses, input.podIsTerminal && !isStaticPod(pod));
  const sandbox = runtime.sandboxes[0];
  const sandboxReady = sandbox?.state === 'SANDBOX_READY';
  const podIPs = sandboxReady ? [{ ip: sandbox.ip }] : old.podIPs;
  const allStatuses = [...initStatuses, ...statuses];
  const others = (old.conditions ?? []).filter((c) => !KUBELET_CONDITION_TYPES.includes(c.type));
  const conditions: PodCondition[] = [
    ...others,
    generatePodReadyToStartContainersCondition(sandboxReady),
    generatePodInitializedCondition(spec, initStatuses, phase),
    generatePodReadyCondition(spec, old.conditions ?? [], allStatuses, phase),
    generateContainersReadyCondition(spec, allStatuses, phase),
    { type: 'PodScheduled', status: 'True' },
  ];
  const status: PodStatus = {
    phase,
    conditions,
    hostIP: input.hostIP,
    hostIPs: [{ ip: input.hostIP }],
    ...(podIPs && podIPs.length > 0 ? { podIP: podIPs[0].ip, podIPs } : {}),
    startTime: old.startTime,
    ...(initContainers.length > 0 ? { initContainerStatuses: initStatuses } : {}),
    containerStatuses: statuses,
    qosClass: old.qosClass,
    ...(spec.ephemeralContainers?.length ? { ephemeralContainerStatuses: ephemeralStatuses(input, common) } : {}),
  };
  return status;
}
