import type { ContainerStatus, PodSpec } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { generateContainersReadyCondition, generatePodInitializedCondition, generatePodReadyCondition } from './generate';

const spec: PodSpec = { containers: [{ name: 'nginx' }, { name: 'sidecar' }] };
const status = (name: string, ready: boolean): ContainerStatus => ({ name, ready, restartCount: 0, image: '', imageID: '' });

// pkg/kubelet/status/generate_test.go (v1.32): reasons and the Go-formatted container lists.
describe('kubelet pod conditions', () => {
  it('ContainersNotReady names the unready containers as Go prints a []string', () => {
    expect(generateContainersReadyCondition(spec, [status('nginx', false), status('sidecar', false)], 'Running')).toEqual({
      type: 'ContainersReady', status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [nginx sidecar]',
    });
    expect(generateContainersReadyCondition(spec, [status('nginx', true)], 'Pending').message).toBe('containers with unknown status: [sidecar]');
    expect(generateContainersReadyCondition(spec, undefined, 'Pending')).toEqual({ type: 'ContainersReady', status: 'False', reason: 'UnknownContainerStatuses' });
  });

  it('terminal phases say PodCompleted / PodFailed, Ready follows ContainersReady', () => {
    expect(generateContainersReadyCondition(spec, [status('nginx', false), status('sidecar', false)], 'Succeeded').reason).toBe('PodCompleted');
    expect(generatePodReadyCondition(spec, [], [status('nginx', true)], 'Failed')).toEqual({ type: 'Ready', status: 'False', reason: 'PodFailed', message: undefined });
    expect(generatePodReadyCondition(spec, [], [status('nginx', true), status('sidecar', true)], 'Running')).toEqual({ type: 'Ready', status: 'True' });
  });

  it('readiness gates keep Ready False until their condition is True', () => {
    const gated: PodSpec = { ...spec, readinessGates: [{ conditionType: 'example.com/lb' }] };
    const ready = [status('nginx', true), status('sidecar', true)];
    expect(generatePodReadyCondition(gated, [], ready, 'Running').reason).toBe('ReadinessGatesNotReady');
    expect(generatePodReadyCondition(gated, [{ type: 'example.com/lb', status: 'True' }], ready, 'Running').status).toBe('True');
  });

  it('Initialized is True without init containers, else lists the incomplete ones', () => {
    expect(generatePodInitializedCondition(spec, [], 'Pending')).toEqual({ type: 'Initialized', status: 'True' });
    const withInit: PodSpec = { ...spec, initContainers: [{ name: 'migrate' }] };
    expect(generatePodInitializedCondition(withInit, [{ ...status('migrate', false), state: { running: {} } }], 'Pending')).toEqual({
      type: 'Initialized', status: 'False', reason: 'ContainersNotInitialized', message: 'containers with incomplete status: [migrate]',
    });
  });
});
