import { describe, expect, it } from 'vitest';
import { findResource } from '../../api/resources';
import type { ApiRequest } from '../request';
import { RequestSpan } from './requestSpan';
import { requestTrace } from './requestTrace';
import { logTrace } from './trace';

const EPOCH = Date.UTC(2026, 10, 24, 19, 0, 0);
const clock = { epochMs: EPOCH, traceNumber: () => 42 };
const party = { clientIP: '10.0.1.2', auditID: '0c5ee1a6-58dc-449f-899a-36195fa43e9b' };
const kubelet = { username: 'system:node:node-1', groups: ['system:nodes'] };

describe('requestTrace (the v1.32 handlers\' span events)', () => {
  it('a pod status PATCH: the patch is applied inside GuaranteedUpdate, so "Object stored in database" carries the wait', () => {
    const req: ApiRequest = { verb: 'patch', resource: 'pods', subresource: 'status', namespace: 'default', name: 'web-1', user: kubelet, component: 'kubelet/node-1' };
    const span = new RequestSpan(1_000);
    const storage = span.beginStorage('GuaranteedUpdate', '/registry/pods/default/web-1', 1_000);
    storage.attempts.push({ startMs: 1_000, endMs: 2_600, outcome: 'committed' });
    storage.endMs = 2_600;
    const [logged] = logTrace(requestTrace(req, findResource('pods')!, span, { ok: true, object: {} }, 2_600, party), clock);
    expect(logged.lines.slice(1)).toEqual([
      'Trace[42]: ["GuaranteedUpdate etcd3" audit-id:0c5ee1a6-58dc-449f-899a-36195fa43e9b,key:/pods/default/web-1,type:*core.Pod,resource:pods 1600ms (19:00:01.000)',
      'Trace[42]:  ---"Txn call completed" 1600ms (19:00:02.600)]',
      'Trace[42]: ---"Object stored in database" 1600ms (19:00:02.600)',
      'Trace[42]: [1.6s] [1.6s] END',
    ]);
    expect(logged.lines[0]).toContain('"Patch" accept:application/vnd.kubernetes.protobuf, */*,audit-id:0c5ee1a6-58dc-449f-899a-36195fa43e9b,client:10.0.1.2,api-group:,api-version:v1,name:web-1,subresource:status,namespace:default,');
    expect(logged.lines[0]).toContain(',scope:resource,url:/api/v1/namespaces/default/pods/web-1/status,user-agent:kubelet/v1.32.4 (linux/amd64) kubernetes/59526cd,verb:PATCH (24-Nov-2026 19:00:01.000) (total time: 1600ms):');
  });

  it('a controller\'s Lease update that lost a revision race shows the retry', () => {
    const req: ApiRequest = { verb: 'update', resource: 'leases', namespace: 'kube-system', name: 'kube-controller-manager', user: { username: 'system:serviceaccount:kube-system:deployment-controller', groups: [] }, component: 'deployment-controller' };
    const span = new RequestSpan(0);
    const storage = span.beginStorage('GuaranteedUpdate', '/registry/leases/kube-system/kube-controller-manager', 0);
    storage.attempts.push({ startMs: 0, endMs: 700, outcome: 'conflict' }, { startMs: 700, endMs: 1_400, outcome: 'committed' });
    storage.endMs = 1_400;
    const [logged] = logTrace(requestTrace(req, findResource('leases')!, span, { ok: true, object: {} }, 1_400, party), clock);
    expect(logged.lines[0]).toContain('user-agent:kube-controller-manager/v1.32.4 (linux/amd64) kubernetes/59526cd/system:serviceaccount:kube-system:deployment-controller,verb:PUT');
    // 13 nested items: 500 ms / 14 = 35 ms per step.
    expect(logged.lines.slice(1, -1)).toEqual([
      'Trace[42]: ["GuaranteedUpdate etcd3" audit-id:0c5ee1a6-58dc-449f-899a-36195fa43e9b,key:/leases/kube-system/kube-controller-manager,type:*coordination.Lease,resource:leases.coordination.k8s.io 1400ms (19:00:00.000)',
      'Trace[42]:  ---"Txn call completed" 700ms (19:00:00.700)',
      'Trace[42]:  ---"Txn call completed" 700ms (19:00:01.400)]',
    ]);
  });
});
