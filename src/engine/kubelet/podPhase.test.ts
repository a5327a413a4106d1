import type { ContainerStatus, PodSpec } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { getPhase } from './podPhase';

const spec = (restartPolicy: PodSpec['restartPolicy'], names = ['a', 'b']): PodSpec => ({ restartPolicy, containers: names.map((name) => ({ name })) });
const running = (name: string): ContainerStatus => ({ name, ready: true, restartCount: 0, image: '', imageID: '', state: { running: {} } });
const exited = (name: string, exitCode: number): ContainerStatus => ({ name, ready: false, restartCount: 0, image: '', imageID: '', state: { terminated: { exitCode } } });
const waiting = (name: string, lastExit?: number): ContainerStatus => ({
  name, ready: false, restartCount: 1, image: '', imageID: '', state: { waiting: { reason: 'CrashLoopBackOff' } },
  lastState: lastExit === undefined ? {} : { terminated: { exitCode: lastExit } },
});

// The cases of kubelet_pods_test.go TestPodPhaseWithRestartAlways / Never / OnFailure (v1.32).
describe('getPhase', () => {
  it.each([
    ['Always: all running', spec('Always'), [running('a'), running('b')], false, 'Running'],
    ['Always: all stopped → restarting', spec('Always'), [exited('a', 0), exited('b', 1)], false, 'Running'],
    ['Always: all stopped, pod terminal, one failed', spec('Always'), [exited('a', 0), exited('b', 1)], true, 'Failed'],
    ['Always: all stopped, pod terminal, all succeeded', spec('Always'), [exited('a', 0), exited('b', 0)], true, 'Succeeded'],
    ['Always: mixed running and never started', spec('Always'), [running('a')], false, 'Pending'],
    ['Always: running and waiting for the first start', spec('Always'), [running('a'), waiting('b')], false, 'Pending'],
    ['Always: backoff crash-looping container', spec('Always'), [running('a'), waiting('b', 1)], false, 'Running'],
    ['Never: all succeeded', spec('Never'), [exited('a', 0), exited('b', 0)], false, 'Succeeded'],
    ['Never: one failed', spec('Never'), [exited('a', 0), exited('b', 1)], false, 'Failed'],
    ['Never: one still running', spec('Never'), [running('a'), exited('b', 1)], false, 'Running'],
    ['OnFailure: all succeeded', spec('OnFailure'), [exited('a', 0), exited('b', 0)], false, 'Succeeded'],
    ['OnFailure: a failure restarts', spec('OnFailure'), [exited('a', 0), exited('b', 1)], false, 'Running'],
    ['OnFailure: crash-looping after a failure', spec('OnFailure'), [exited('a', 0), waiting('b', 1)], false, 'Running'],
  ])('%s', (_name, podSpec, statuses, terminal, phase) => {
    expect(getPhase(podSpec, [], statuses, terminal)).toBe(phase);
  });

  it('is Pending while an init container runs and Failed when it fails with restartPolicy Never', () => {
    const withInit: PodSpec = { ...spec('Never', ['app']), initContainers: [{ name: 'init' }] };
    expect(getPhase(withInit, [running('init')], [{ ...waiting('app'), state: { waiting: { reason: 'PodInitializing' } } }], false)).toBe('Pending');
    expect(getPhase(withInit, [exited('init', 2)], [], false)).toBe('Failed');
  });
});
