import type { Endpoints, Pod } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { describe, expect, it } from 'vitest';
import type { Stored } from '../../api/object';
import { get, list, request } from '../../controllerManager/testing';
import { wait } from '../../sim/task';
import { setup } from '../testing/endpointsScenario';

// Endpoints of a selector Service (endpoints_controller_test.go behaviours), with the kubelet's
// part played by the test.

describe('endpoints controller', () => {
  it('lists Ready pods under addresses (by IP) and the others under notReadyAddresses', () => {
    const { cluster, pods } = setup();
    const ep = get<Endpoints>(cluster, 'endpoints', 'web')!;
    expect(ep.metadata.labels).toEqual({ app: 'web' });
    expect(ep.metadata.annotations?.['endpoints.kubernetes.io/last-change-trigger-time']).toMatch(/^2025-01-01T00:00:\d\dZ$/);
    const address = (pod: Stored<Pod>, ip: string) => ({ ip, nodeName: 'node-1', targetRef: { kind: 'Pod', namespace: 'default', name: pod.metadata.name, uid: pod.metadata.uid } });
    expect(ep.subsets).toEqual([{
      addresses: [address(pods.b, '10.244.1.9'), address(pods.a, '10.244.1.10')],
      notReadyAddresses: [address(pods.c, '10.244.1.11')],
      ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
    }]);
  });

  it('drops a terminating pod from Endpoints while its slice endpoint turns terminating', () => {
    const { cluster, pods } = setup();
    request(cluster, (function* () {
      return yield* wait(cluster.admin().delete('pods', 'default', 'web-a'));
    })());
    cluster.runUntil(cluster.sim.nowMs + 1000);
    const ep = get<Endpoints>(cluster, 'endpoints', 'web')!;
    expect(ep.subsets?.[0].addresses?.map((a) => a.targetRef?.name)).toEqual(['web-b']);
    const [slice] = list<EndpointSlice>(cluster, 'endpointslices').filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'web');
    const a = slice.endpoints.find((e) => e.targetRef?.uid === pods.a.metadata.uid);
    expect(a?.conditions).toEqual({ ready: false, serving: true, terminating: true });
  });
});

