import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { fieldErrorString } from '../../api/status';
import { Cluster } from '../../cluster';
import { clusterSpec, nodesFromCount } from '../../clusterSpec';
import { DEFAULT_COMPONENTS } from '../../components';
import { validatePodStatusUpdate } from './podStatus';

const pod = (restartPolicy: string, terminatedExit: number | undefined, extra: Partial<Pod['spec']> = {}): Pod => ({
  apiVersion: 'v1', kind: 'Pod',
  metadata: { name: 'p', namespace: 'default', uid: 'u1', resourceVersion: '5' },
  spec: { restartPolicy, nodeName: 'node-1', containers: [{ name: 'c', image: 'busybox' }], ...extra },
  status: {
    phase: 'Running',
    containerStatuses: [{ name: 'c', image: 'busybox', imageID: '', ready: false, restartCount: 0,
      state: terminatedExit === undefined ? { running: { startedAt: '2025-01-01T00:00:00Z' } } : { terminated: { exitCode: terminatedExit } } }],
  },
});

// pkg/apis/core/validation/validation_test.go TestValidatePodStatusUpdate / TestValidateContainerStateTransition.
describe('validatePodStatusUpdate (ValidatePodStatusUpdate)', () => {
  const texts = (next: Pod, prev: Pod) => validatePodStatusUpdate(next, prev).map(fieldErrorString);

  it('lets a container that must not restart stay terminated, and refuses the way back', () => {
    expect(texts(pod('Never', 0), pod('Never', 0))).toEqual([]);
    expect(texts(pod('Never', undefined), pod('Never', 1))).toEqual(['status.containerStatuses[0].state: Forbidden: may not be transitioned to non-terminated state']);
    expect(texts(pod('OnFailure', undefined), pod('OnFailure', 0))).toEqual(['status.containerStatuses[0].state: Forbidden: may not be transitioned to non-terminated state']);
    expect(texts(pod('OnFailure', undefined), pod('OnFailure', 2))).toEqual([]);
    expect(texts(pod('Always', undefined), pod('Always', 0))).toEqual([]);
  });

  it('lets a sidecar (restartable init container) restart in a Never pod', () => {
    const spec = { initContainers: [{ name: 'side', image: 'busybox', restartPolicy: 'Always' }, { name: 'init', image: 'busybox' }] };
    const withInit = (state: 'running' | 'terminated'): Pod => {
      const p = pod('Never', undefined, spec);
      const s = state === 'running' ? { running: {} } : { terminated: { exitCode: 0 } };
      p.status!.initContainerStatuses = [
        { name: 'side', image: 'busybox', imageID: '', ready: false, restartCount: 0, state: s },
        { name: 'init', image: 'busybox', imageID: '', ready: false, restartCount: 0, state: s },
      ];
      return p;
    };
    expect(texts(withInit('running'), withInit('terminated'))).toEqual(['status.initContainerStatuses[1].state: Forbidden: may not be transitioned to non-terminated state']);
  });

  it('refuses a nominatedNodeName that is not a DNS subdomain', () => {
    const next = pod('Always', undefined);
    next.status!.nominatedNodeName = 'Node_1';
    expect(texts(next, pod('Always', undefined))[0]).toMatch(/^status\.nominatedNodeName: Invalid value: "Node_1": a lowercase RFC 1123 subdomain/);
  });

  it('is what the apiserver answers a pods/status write with', () => {
    const cluster = Cluster.boot(clusterSpec({ seed: 3, nodes: nodesFromCount(0), etcdMembers: 1 }), DEFAULT_COMPONENTS);
    const admin = cluster.admin();
    admin.create('pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: { restartPolicy: 'Never', automountServiceAccountToken: false, containers: [{ name: 'c', image: 'busybox' }] } });
    cluster.runUntil(cluster.sim.nowMs + 100);
    const status = (state: object) => ({ status: { phase: 'Failed', containerStatuses: [{ name: 'c', image: 'busybox', imageID: '', ready: false, restartCount: 0, state }] } });
    const first = admin.patch('pods', 'default', 'p', 'merge', status({ terminated: { exitCode: 1 } }), { subresource: 'status' });
    cluster.runUntil(cluster.sim.nowMs + 100);
    expect(first.value.ok).toBe(true);
    const back = admin.patch('pods', 'default', 'p', 'merge', status({ running: {} }), { subresource: 'status' });
    cluster.runUntil(cluster.sim.nowMs + 100);
    expect(back.value.ok === false && back.value.status.message).toBe('Pod "p" is invalid: status.containerStatuses[0].state: Forbidden: may not be transitioned to non-terminated state');
  });
});
