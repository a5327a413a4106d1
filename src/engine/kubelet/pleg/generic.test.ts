import { describe, expect, it } from 'vitest';
import type { ContainerRuntime } from '../../runtime/containerRuntime';
import type { ContainerState } from '../../runtime/types';
import { Simulator } from '../../sim/simulator';
import { GenericPLEG } from './generic';

/** A runtime stand-in: one pod whose containers the test sets. */
function fakeRuntime() {
  let containers: Array<{ id: string; state: ContainerState }> = [];
  return {
    set(next: Array<{ id: string; state: ContainerState }>) {
      containers = next;
    },
    runtime: { podContainers: () => containers } as unknown as ContainerRuntime,
  };
}

describe('GenericPLEG (pkg/kubelet/pleg/generic.go)', () => {
  it('relists on the 1 s grid after a change and reports each container change once', () => {
    const sim = new Simulator(1);
    const events: Array<{ t: number; type: string; containerId: string }> = [];
    sim.trace.subscribe((e) => {
      const pleg = e as unknown as { t: number; kind: string; type: string; containerId: string };
      if (pleg.kind === 'pleg.event') events.push({ t: pleg.t, type: pleg.type, containerId: pleg.containerId });
    });
    const { set, runtime } = fakeRuntime();
    const relisted: string[][] = [];
    const pleg = new GenericPLEG(sim, runtime, 1000, 'kubelet/node-1', (uids) => relisted.push(uids));
    pleg.start();

    sim.runUntil(300);
    set([{ id: 'app', state: 'CONTAINER_RUNNING' }, { id: 'sidecar', state: 'CONTAINER_CREATED' }]);
    pleg.markChanged('pod-a');
    sim.runUntil(1500);
    expect(events).toEqual([
      { t: 1000, type: 'ContainerStarted', containerId: 'app' },
      { t: 1000, type: 'ContainerChanged', containerId: 'sidecar' },
    ]);

    // Only what changed since the last relist is reported.
    set([{ id: 'app', state: 'CONTAINER_RUNNING' }, { id: 'sidecar', state: 'CONTAINER_EXITED' }]);
    pleg.markChanged('pod-a');
    sim.runUntil(2500);
    expect(events.slice(2)).toEqual([{ t: 2000, type: 'ContainerDied', containerId: 'sidecar' }]);

    set([{ id: 'app', state: 'CONTAINER_RUNNING' }]);
    pleg.markChanged('pod-a');
    sim.runUntil(3500);
    expect(events.slice(3)).toEqual([{ t: 3000, type: 'ContainerRemoved', containerId: 'sidecar' }]);
    expect(relisted).toEqual([['pod-a'], ['pod-a'], ['pod-a']]);

    // Nothing changed: a relist reports the pod (the kubelet syncs it) but no container event.
    pleg.markChanged('pod-a');
    sim.runUntil(4500);
    expect(events).toHaveLength(4);
  });
});
