import { describe, expect, it } from 'vitest';
import { Cluster } from '../cluster';
import { clusterSpec, nodesFromCount } from '../clusterSpec';
import { DEFAULT_COMPONENTS } from '../components';
import { runCommands } from '../testing/runCommands';

// pkg/scheduler/framework/plugins/defaultpreemption and framework/preemption (v1.32).
describe('DefaultPreemption', () => {
  const cluster = Cluster.boot(clusterSpec({ seed: 9, nodes: nodesFromCount(2, '2', '4Gi'), etcdMembers: 1 }), DEFAULT_COMPONENTS);
  const r = runCommands(cluster, [
    { run: 'kubectl apply -f -', stdin: 'apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata: {name: high}\nvalue: 1000\n' },
    { run: 'kubectl apply -f -', stdin: 'apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata: {name: polite}\nvalue: 1000\npreemptionPolicy: Never\n' },
    'kubectl create deployment low --image=nginx:1.27 --replicas=2',
    'kubectl set resources deployment low --requests=cpu=1500m',
    { run: 'kubectl apply -f -', stdin: 'apiVersion: v1\nkind: Pod\nmetadata: {name: polite}\nspec:\n  priorityClassName: polite\n  containers: [{name: app, image: "nginx:1.27", resources: {requests: {cpu: 1500m}}}]\n', advanceMs: 20_000 },
    { run: 'kubectl apply -f -', stdin: 'apiVersion: v1\nkind: Pod\nmetadata: {name: vip}\nspec:\n  priorityClassName: high\n  containers: [{name: app, image: "nginx:1.27", resources: {requests: {cpu: 1500m}}}]\n', advanceMs: 3_000 },
    { run: 'kubectl get pod vip -o jsonpath={.status.nominatedNodeName}/{.spec.nodeName}/{.status.phase}', advanceMs: 30_000 },
    'kubectl get pod vip -o jsonpath={.metadata.uid}',
    'kubectl get events --field-selector reason=Preempted -o jsonpath={.items[*].message}',
    'kubectl get events --field-selector involvedObject.name=polite -o jsonpath={.items[0].message}',
    'kubectl get events --field-selector involvedObject.name=vip,reason=FailedScheduling -o jsonpath={.items[0].message}',
  ]);

  it('evicts one lower-priority pod, nominates its node and binds the preemptor there', () => {
    const [nominated, node, phase] = r[6].stdout.split('/');
    expect(nominated).toMatch(/^node-[12]$/);
    expect(node).toBe(nominated);
    expect(phase).toBe('Running');
    expect(r[8].stdout).toBe(`Preempted by pod ${r[7].stdout} on node ${nominated}`);
    expect(r[10].stdout).toBe('0/2 nodes are available: 2 Insufficient cpu.');
  });

  it('a pod with preemptionPolicy: Never does not preempt and says why', () => {
    expect(r[9].stdout).toBe('0/2 nodes are available: 2 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never..');
  });
});
