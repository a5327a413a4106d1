// The hot-path twin of podLifecycle.machine.ts: the same transitions as a plain table, plus the
// classifier that turns a generated pod status into a lifecycle event.
import type { PodStatus } from 'kubernetes-types/core/v1';
import type { PodLifecycleEventType } from './podLifecycle.machine';

/** PodLifecycleState is a dotted state id of the machine (`pending.container_creating`). */
export type PodLifecycleState =
  | 'pending.container_creating' | 'pending.initializing' | 'pending.image_pull_backoff' | 'pending.create_container_error'
  | 'running.not_ready' | 'running.probing' | 'running.ready' | 'running.oom_killed' | 'running.crash_loop_backoff'
  | 'succeeded' | 'failed' | 'terminating' | 'terminated';

export const INITIAL_POD_LIFECYCLE_STATE: PodLifecycleState = 'pending.container_creating';

type Table = Partial<Record<PodLifecycleEventType, PodLifecycleState>>;

const TO_TERMINAL: Table = { SUCCEEDED: 'succeeded', FAILED: 'failed' };
const PENDING: Table = {
  CONTAINER_CREATING: 'pending.container_creating', INITIALIZING: 'pending.initializing', IMAGE_PULL_FAILED: 'pending.image_pull_backoff',
  CREATE_FAILED: 'pending.create_container_error', RESTART_BACKED_OFF: 'pending.initializing', STARTUP_PROBING: 'running.probing',
  OOM_KILLED: 'running.oom_killed', CONTAINERS_NOT_READY: 'running.not_ready',
  CONTAINERS_READY: 'running.ready', ...TO_TERMINAL, DELETION_REQUESTED: 'terminating',
};
const RUNNING: Table = {
  CONTAINERS_NOT_READY: 'running.not_ready', CONTAINERS_READY: 'running.ready', RESTART_BACKED_OFF: 'running.crash_loop_backoff',
  STARTUP_PROBING: 'running.probing', OOM_KILLED: 'running.oom_killed', IMAGE_PULL_FAILED: 'running.not_ready', CREATE_FAILED: 'running.not_ready', CONTAINER_CREATING: 'running.not_ready', ...TO_TERMINAL,
  DELETION_REQUESTED: 'terminating',
};

/** POD_LIFECYCLE_TABLE: state → event → next state (absent = event ignored). */
export const POD_LIFECYCLE_TABLE: Record<PodLifecycleState, Table> = {
  'pending.container_creating': PENDING,
  'pending.initializing': PENDING,
  'pending.image_pull_backoff': PENDING,
  'pending.create_container_error': PENDING,
  'running.not_ready': RUNNING,
  'running.probing': RUNNING,
  'running.ready': RUNNING,
  'running.oom_killed': RUNNING,
  'running.crash_loop_backoff': RUNNING,
  succeeded: { DELETION_REQUESTED: 'terminating' },
  failed: { DELETION_REQUESTED: 'terminating' },
  terminating: { CONTAINERS_KILLED: 'terminated' },
  terminated: {},
};

/** advancePodLifecycle is the machine's transition(), without actions. */
export function advancePodLifecycle(state: PodLifecycleState, event: PodLifecycleEventType): PodLifecycleState {
  return POD_LIFECYCLE_TABLE[state][event] ?? state;
}

const PULL_FAILURES = new Set(['ErrImagePull', 'ImagePullBackOff', 'ErrImageNeverPull']);
const CREATE_FAILURES = new Set(['InvalidImageName', 'CreateContainerError', 'CreateContainerConfigError', 'RunContainerError']);

/** classifyPodStatus maps a generated status to the lifecycle event it represents. */
export function classifyPodStatus(status: PodStatus): PodLifecycleEventType {
  if (status.phase === 'Succeeded') return 'SUCCEEDED';
  if (status.phase === 'Failed') return 'FAILED';
  const reasons = [...(status.initContainerStatuses ?? []), ...(status.containerStatuses ?? [])].map((s) => s.state?.waiting?.reason ?? '');
  if (reasons.some((r) => PULL_FAILURES.has(r))) return 'IMAGE_PULL_FAILED';
  if (reasons.some((r) => CREATE_FAILURES.has(r))) return 'CREATE_FAILED';
  if (reasons.includes('CrashLoopBackOff')) return 'RESTART_BACKED_OFF';
  const statuses = status.containerStatuses ?? [];
  if (statuses.some((s) => s.state?.terminated?.reason === 'OOMKilled')) return 'OOM_KILLED';
  if (status.conditions?.find((c) => c.type === 'Initialized')?.status === 'False') return 'INITIALIZING';
  if (status.phase === 'Pending') return 'CONTAINER_CREATING';
  if (statuses.some((s) => s.state?.running && s.started === false)) return 'STARTUP_PROBING';
  return status.conditions?.find((c) => c.type === 'Ready')?.status === 'True' ? 'CONTAINERS_READY' : 'CONTAINERS_NOT_READY';
}
