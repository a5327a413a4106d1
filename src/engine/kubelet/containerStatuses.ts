// Mirrors kubernetes pkg/kubelet/kubelet_pods.go convertToAPIContainerStatuses (v1.32): what
// status.containerStatuses says about each container, from the runtime's container records, the
// reasons the last sync failed, and readiness.
import type { Container, ContainerState, ContainerStatus, Pod } from 'kubernetes-types/core/v1';
import { toRFC3339 } from '../sim/time';
import type { ContainerRecord } from '../runtime/types';
import { flat } from '../api/flat';

/** SyncFailure is a ReasonCache entry: why the last attempt to start a container failed. */
export interface SyncFailure {
  reason: string;
  message: string;
}

export interface ContainerStatusInput {
  pod: Pod;
  containers: readonly Container[];
  /** records: this pod's runtime containers, newest first. */
  records: readonly ContainerRecord[];
  reasons: ReadonlyMap<string, SyncFailure> | undefined;
  /** waitingReason for containers never created: ContainerCreating, or PodInitializing behind init containers. */
  defaultWaitingReason: string;
  isReady: (container: Container, record: ContainerRecord, isInit: boolean) => boolean;
  isStarted?: (container: Container, record: ContainerRecord) => boolean;
  isInit: boolean;
  epochMs: number;
}

/** containerID prints a CRI container ID the way status shows it: containerd://<id>. */
export function containerID(record: ContainerRecord): string {
  return flat('containerd://', record.id);
}

/** convertToAPIContainerStatuses builds one status per spec container, in spec order. */
export function convertToAPIContainerStatuses(input: ContainerStatusInput): ContainerStatus[] {
  return input.containers.map((container) => {
    const records = input.records.filter((r) => r.name === container.name);
    const status = statusFromRecords(container, records, input);
    const failure = input.reasons?.get(container.name);
    if (!failure || !shouldContainerBeRestarted(input.pod, container, records[0], input.isInit)) return status;
    const lastState = status.state?.terminated ? status.state : status.lastState;
    return { ...status, state: { waiting: { reason: failure.reason, message: failure.message } }, lastState, ready: false, started: false };
  });
}

function statusFromRecords(container: Container, records: readonly ContainerRecord[], input: ContainerStatusInput): ContainerStatus {
  const [current, previous] = records;
  const volumeMounts = (container.volumeMounts ?? []).map((m) => (m.readOnly ? { name: m.name, mountPath: m.mountPath, readOnly: true, recursiveReadOnly: 'Disabled' } : { name: m.name, mountPath: m.mountPath }));
  const mounts = volumeMounts.length > 0 ? { volumeMounts } : {};
  if (!current) {
    return { name: container.name, state: { waiting: { reason: input.defaultWaitingReason } }, lastState: {}, ready: false, restartCount: 0, image: container.image ?? '', imageID: '', started: false, ...mounts };
  }
  const lastState = previous && previous.state === 'CONTAINER_EXITED' ? terminatedState(previous, input.epochMs) : {};
  const running = current.state === 'CONTAINER_RUNNING';
  const state: ContainerState = running
    ? { running: { startedAt: toRFC3339(current.startedAtMs!, input.epochMs) } }
    : current.state === 'CONTAINER_EXITED' ? terminatedState(current, input.epochMs) : { waiting: { reason: 'ContainerCreating' } };
  return {
    name: container.name,
    state,
    lastState,
    ready: running && input.isReady(container, current, input.isInit),
    restartCount: current.attempt,
    image: current.image,
    imageID: current.imageRef,
    containerID: containerID(current),
    started: running && (input.isStarted?.(container, current) ?? true),
    ...mounts,
  };
}

function terminatedState(record: ContainerRecord, epochMs: number): ContainerState {
  return {
    terminated: {
      exitCode: record.exitCode ?? 0,
      reason: record.reason,
      startedAt: record.startedAtMs === undefined ? undefined : toRFC3339(record.startedAtMs, epochMs),
      finishedAt: record.finishedAtMs === undefined ? undefined : toRFC3339(record.finishedAtMs, epochMs),
      containerID: containerID(record),
    },
  } as ContainerState;
}

/**
 * shouldContainerBeRestarted (pkg/kubelet/container/helpers.go): a running container is not; a
 * deleted pod's are not; one never created is; an exited one follows restartPolicy (Never: no;
 * OnFailure: only after a failure). Init containers restart unless restartPolicy is Never.
 */
export function shouldContainerBeRestarted(pod: Pod, container: Container, current: ContainerRecord | undefined, isInit: boolean): boolean {
  if (pod.metadata?.deletionTimestamp) return false;
  if (!current || current.state === 'CONTAINER_CREATED') return true;
  if (current.state === 'CONTAINER_RUNNING') return false;
  if (isInit && container.restartPolicy === 'Always') return true;
  const policy = isInit && pod.spec?.restartPolicy === 'Always' ? 'OnFailure' : pod.spec?.restartPolicy ?? 'Always';
  if (policy === 'Never') return false;
  if (policy === 'OnFailure') return current.exitCode !== 0;
  return true;
}
