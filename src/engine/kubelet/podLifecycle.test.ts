import { describe, expect, it } from 'vitest';
import { initialTransition, transition, type SnapshotFrom } from 'xstate';
import { podLifecycleMachine, type PodLifecycleEventType } from './podLifecycle.machine';
import { advancePodLifecycle, classifyPodStatus, INITIAL_POD_LIFECYCLE_STATE, POD_LIFECYCLE_TABLE, type PodLifecycleState } from './podLifecycle';

const EVENTS: PodLifecycleEventType[] = [
  'CONTAINER_CREATING', 'INITIALIZING', 'IMAGE_PULL_FAILED', 'CREATE_FAILED', 'CONTAINERS_NOT_READY', 'CONTAINERS_READY',
  'RESTART_BACKED_OFF', 'STARTUP_PROBING', 'OOM_KILLED', 'SUCCEEDED', 'FAILED', 'DELETION_REQUESTED', 'CONTAINERS_KILLED',
];

function dotted(snapshot: SnapshotFrom<typeof podLifecycleMachine>): string {
  const value = snapshot.value;
  if (typeof value === 'string') return value;
  const [parent, child] = Object.entries(value)[0];
  return `${parent}.${child as string}`;
}

function snapshotIn(state: PodLifecycleState): SnapshotFrom<typeof podLifecycleMachine> {
  const [parent, child] = state.split('.');
  return podLifecycleMachine.resolveState({ value: child ? { [parent]: child } : parent, context: undefined as never });
}

describe('pod lifecycle: XState machine vs hot-path table', () => {
  it('starts in pending.container_creating', () => {
    const [initial] = initialTransition(podLifecycleMachine);
    expect(dotted(initial)).toBe(INITIAL_POD_LIFECYCLE_STATE);
  });

  it('agrees with the machine on every state × event', () => {
    for (const state of Object.keys(POD_LIFECYCLE_TABLE) as PodLifecycleState[]) {
      for (const event of EVENTS) {
        const [next] = transition(podLifecycleMachine, snapshotIn(state), { type: event });
        expect(`${state} --${event}--> ${advancePodLifecycle(state, event)}`).toBe(`${state} --${event}--> ${dotted(next)}`);
      }
    }
  });

  it('walks the happy path and a deletion', () => {
    const steps: PodLifecycleEventType[] = ['CONTAINER_CREATING', 'CONTAINERS_NOT_READY', 'CONTAINERS_READY', 'DELETION_REQUESTED', 'CONTAINERS_KILLED'];
    const seen = steps.reduce<PodLifecycleState[]>((path, e) => [...path, advancePodLifecycle(path[path.length - 1], e)], [INITIAL_POD_LIFECYCLE_STATE]);
    expect(seen).toEqual(['pending.container_creating', 'pending.container_creating', 'running.not_ready', 'running.ready', 'terminating', 'terminated']);
  });

  it('classifies a running container whose startup probe has not passed, and an OOM kill before its restart', () => {
    const running = (started: boolean) => ({ name: 'c', image: '', imageID: '', ready: false, restartCount: 0, started, state: { running: { startedAt: '2025-01-01T00:00:01Z' } } });
    expect(classifyPodStatus({ phase: 'Running', containerStatuses: [running(false)] })).toBe('STARTUP_PROBING');
    expect(classifyPodStatus({ phase: 'Running', containerStatuses: [running(true)] })).toBe('CONTAINERS_NOT_READY');
    const oom = { ...running(false), state: { terminated: { exitCode: 137, reason: 'OOMKilled' } } };
    expect(classifyPodStatus({ phase: 'Running', containerStatuses: [oom] })).toBe('OOM_KILLED');
    expect(advancePodLifecycle('running.ready', 'OOM_KILLED')).toBe('running.oom_killed');
  });
});
