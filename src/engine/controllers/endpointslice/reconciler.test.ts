import type { Node, Pod, Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { describe, expect, it } from 'vitest';
import type { Stored } from '../../api/object';
import { reconcile } from './reconciler';

// reconciler_test.go behaviours: placeholder slice, 100 endpoints per slice, in-place updates.

const service: Service = { metadata: { name: 'web', namespace: 'default', uid: 'svc-uid' }, spec: { clusterIP: '10.96.0.10', selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 8080, protocol: 'TCP' }] } };
const node: Node = { metadata: { name: 'node-1' } };
const nodeFor = (name: string) => (name === 'node-1' ? node : undefined);

function pod(i: number, nodeName = 'node-1'): Pod {
  return { metadata: { name: `web-${i}`, namespace: 'default', uid: `uid-${i}`, labels: { app: 'web' } }, spec: { nodeName, containers: [] }, status: { phase: 'Running', podIP: `10.244.0.${i}` } };
}

describe('reconcile', () => {
  it('creates one empty placeholder slice for a service without endpoints', () => {
    const plan = reconcile(service, [], [], nodeFor);
    expect(plan.toCreate).toHaveLength(1);
    expect(plan.toCreate[0]).toMatchObject({ addressType: 'IPv4', endpoints: [], ports: [] });
  });

  it('splits 250 endpoints into slices of 100, 100 and 50', () => {
    const pods = Array.from({ length: 250 }, (_, i) => pod(i));
    const plan = reconcile(service, pods, [], nodeFor);
    expect(plan.toCreate.map((s) => s.endpoints.length)).toEqual([100, 100, 50]);
  });

  it('updates the existing slice in place and reports pods whose node is unknown', () => {
    const existing = { ...reconcile(service, [pod(1)], [], nodeFor).toCreate[0], metadata: { name: 'web-abcde', namespace: 'default', labels: reconcile(service, [pod(1)], [], nodeFor).toCreate[0].metadata!.labels } } as Stored<EndpointSlice>;
    const plan = reconcile(service, [pod(1), pod(2), pod(3, 'node-9')], [existing], nodeFor);
    expect(plan.toCreate).toEqual([]);
    expect(plan.toUpdate.map((s) => s.endpoints.map((e) => e.targetRef?.name))).toEqual([['web-1', 'web-2']]);
    expect(plan.errors).toEqual(['skipping Pod web-3 for Service default/web: Node node-9 Not Found']);
  });
});
