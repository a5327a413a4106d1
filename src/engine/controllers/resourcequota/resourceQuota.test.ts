import { describe, expect, it } from 'vitest';
import { Cluster } from '../../cluster';
import { clusterSpec, nodesFromCount } from '../../clusterSpec';
import { DEFAULT_COMPONENTS } from '../../components';
import { checkRequest } from '../../apiserver/admission/plugins/resourceQuota';
import { usageOf } from '../../quota/evaluator';
import { runCommands } from '../../testing/runCommands';

const pod = (name: string, cpu: string, memory: string) => `apiVersion: v1
kind: Pod
metadata: {name: ${name}}
spec:
  containers:
    - name: app
      image: nginx:1.27
      resources:
        requests: {cpu: ${cpu}, memory: ${memory}}
        limits: {cpu: ${cpu}, memory: ${memory}}
`;

const boot = () => Cluster.boot(clusterSpec({ seed: 9, nodes: nodesFromCount(2), etcdMembers: 1 }), DEFAULT_COMPONENTS);

// staging/src/k8s.io/apiserver/pkg/admission/plugin/resourcequota/controller.go (CheckRequest) and
// pkg/controller/resourcequota (syncResourceQuota, replenishment), v1.32.
describe('ResourceQuota: admission charges and refuses, the controller counts and releases', () => {
  it('charges, refuses the excess with the upstream text and releases on delete', () => {
    const cluster = boot();
    const r = runCommands(cluster, [
      'kubectl create quota compute --hard=requests.cpu=1,requests.memory=1Gi,limits.cpu=1,limits.memory=1Gi,pods=3',
      { run: 'kubectl get quota compute', advanceMs: 5_000 },
      'kubectl run bare --image=nginx:1.27',
      { run: 'kubectl apply -f -', stdin: pod('a', '600m', '256Mi') },
      { run: 'kubectl apply -f -', stdin: pod('b', '500m', '256Mi') },
      'kubectl describe quota compute',
      'kubectl delete pod a',
      { run: 'kubectl apply -f -', stdin: pod('b', '500m', '256Mi'), advanceMs: 40_000 },
      'kubectl get quota',
    ]);
    expect(r[1].stdout).toMatch(/^NAME\s+REQUEST\s+LIMIT\s+AGE\ncompute\s+pods: 0\/3, requests\.cpu: 0\/1, requests\.memory: 0\/1Gi\s+limits\.cpu: 0\/1, limits\.memory: 0\/1Gi\s+\d+s\n$/);
    expect(r[2].stderr).toBe('Error from server (Forbidden): pods "bare" is forbidden: failed quota: compute: must specify limits.cpu for: bare; limits.memory for: bare; requests.cpu for: bare; requests.memory for: bare\n');
    expect(r[3].stdout).toBe('pod/a created\n');
    expect(r[4].stderr).toBe('Error from server (Forbidden): error when creating "STDIN": pods "b" is forbidden: exceeded quota: compute, requested: limits.cpu=500m,requests.cpu=500m, used: limits.cpu=600m,requests.cpu=600m, limited: limits.cpu=1,requests.cpu=1\n');
    expect(r[5].stdout).toBe(
      [
        'Name:            compute',
        'Namespace:       default',
        'Resource         Used   Hard',
        '--------         ----   ----',
        'limits.cpu       600m   1',
        'limits.memory    256Mi  1Gi',
        'pods             1      3',
        'requests.cpu     600m   1',
        'requests.memory  256Mi  1Gi',
        '',
      ].join('\n'),
    );
    expect(r[7].stdout).toBe('pod/b created\n');
    expect(r[8].stdout).toContain('pods: 1/3, requests.cpu: 500m/1, requests.memory: 256Mi/1Gi');
  });

  it("a Deployment held back by quota shows the ReplicaSet's FailedCreate event and stays short", () => {
    const cluster = boot();
    const deployment = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 4
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: nginx
          image: nginx:1.27
          resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {cpu: 100m, memory: 64Mi}}
`;
    const r = runCommands(cluster, [
      'kubectl create quota two-pods --hard=pods=2',
      { run: 'kubectl apply -f -', stdin: deployment, advanceMs: 5_000 },
      { run: 'kubectl get deploy web -o jsonpath={.status.replicas}/{.spec.replicas}', advanceMs: 30_000 },
      'kubectl get events --field-selector reason=FailedCreate -o jsonpath={.items[0].message}',
    ]);
    expect(r[2].stdout).toBe('2/4');
    expect(r[3].stdout).toMatch(/^Error creating: pods "web-[a-z0-9]+-[a-z0-9]{5}" is forbidden: exceeded quota: two-pods, requested: pods=1, used: pods=2, limited: pods=2$/);
  });
});

describe('checkRequest (resourcequota admission, controller.go CheckRequest)', () => {
  it('refuses while the quota controller has not counted the resources yet', () => {
    const quota = { metadata: { name: 'compute' }, status: { hard: { pods: '3', 'requests.cpu': '1' } } };
    const p = { kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', resources: { requests: { cpu: '100m' } } }] } };
    const usage = usageOf(p as never, 0, 0)!;
    expect(checkRequest([quota], p as never, usage)).toEqual({ ok: false, reason: 'status unknown for quota: compute, resources: pods,requests.cpu' });
    const counted = { ...quota, status: { ...quota.status, used: { pods: '0', 'requests.cpu': '0' } } };
    expect(checkRequest([counted], p as never, usage)).toEqual({ ok: true, used: new Map([['compute', { pods: '1', 'requests.cpu': '100m' }]]) });
  });
});
