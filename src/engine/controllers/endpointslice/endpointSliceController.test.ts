import type { Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { describe, expect, it } from 'vitest';
import { get, list } from '../../controllerManager/testing';
import { setup } from '../testing/endpointsScenario';

// EndpointSlices of a selector Service (endpointslice_controller_test.go / reconciler_test.go).

describe('endpointslice controller', () => {
  it('publishes one IPv4 slice <svc>-xxxxx owned by the Service with ready/serving/terminating conditions', () => {
    const { cluster, pods } = setup();
    // Besides the apiserver's own `kubernetes` slice, the Service gets one.
    const all = list<EndpointSlice>(cluster, 'endpointslices');
    expect(all.map((s) => s.metadata.labels?.['kubernetes.io/service-name']).sort()).toEqual(['kubernetes', 'web']);
    const slices = all.filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'web');
    expect(slices).toHaveLength(1);
    const [slice] = slices;
    const svc = get<Service>(cluster, 'services', 'web')!;
    expect(slice.metadata!.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(slice.metadata!.labels).toEqual({ app: 'web', 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io', 'kubernetes.io/service-name': 'web' });
    expect(slice.metadata!.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'Service', name: 'web', uid: svc.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    expect(slice.addressType).toBe('IPv4');
    expect(slice.ports).toEqual([{ name: 'http', protocol: 'TCP', port: 8080 }]);
    const byName = Object.fromEntries(slice.endpoints.map((e) => [e.targetRef?.name, e]));
    expect(byName['web-a']).toEqual({
      addresses: ['10.244.1.10'], conditions: { ready: true, serving: true, terminating: false },
      targetRef: { kind: 'Pod', namespace: 'default', name: 'web-a', uid: pods.a.metadata.uid }, nodeName: 'node-1', zone: 'zone-a',
    });
    expect(byName['web-c'].conditions).toEqual({ ready: false, serving: false, terminating: false });
  });
});
