import type { PodStatus } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { validateContainerLogStatus } from './containerLogs';

const status = (state: object, lastState: object = {}): PodStatus => ({
  containerStatuses: [{ name: 'app', ready: false, restartCount: 1, image: '', imageID: '', containerID: 'containerd://cur', state, lastState }],
});

// kubelet_pods.go validateContainerLogStatus (v1.32): which instance `kubectl logs` reads.
describe('validateContainerLogStatus', () => {
  it('reads the running container, or with --previous the last terminated one', () => {
    const s = status({ running: {} }, { terminated: { exitCode: 1, containerID: 'containerd://old' } });
    expect(validateContainerLogStatus('web', s, 'app', false)).toEqual({ id: 'cur' });
    expect(validateContainerLogStatus('web', s, 'app', true)).toEqual({ id: 'old' });
  });

  it('reads the last run of a crash-looping container', () => {
    expect(validateContainerLogStatus('web', status({ waiting: { reason: 'CrashLoopBackOff' } }, { terminated: { exitCode: 1, containerID: 'containerd://old' } }), 'app', false)).toEqual({ id: 'old' });
  });

  it.each([
    [{ waiting: { reason: 'ContainerCreating' } }, 'container "app" in pod "web" is waiting to start: ContainerCreating'],
    [{ waiting: { reason: 'ErrImagePull' } }, 'container "app" in pod "web" is waiting to start: image can\'t be pulled'],
    [{ waiting: { reason: 'ImagePullBackOff' } }, 'container "app" in pod "web" is waiting to start: trying and failing to pull image'],
    [{}, 'container "app" in pod "web" is waiting to start - no logs yet'],
  ])('explains %j', (state, error) => {
    expect(validateContainerLogStatus('web', status(state), 'app', false)).toEqual({ error });
  });

  it('has no previous instance before a restart and no unknown containers', () => {
    expect(validateContainerLogStatus('web', status({ running: {} }), 'app', true)).toEqual({ error: 'previous terminated container "app" in pod "web" not found' });
    expect(validateContainerLogStatus('web', status({ running: {} }), 'db', false)).toEqual({ error: 'container "db" in pod "web" is not available' });
  });
});
