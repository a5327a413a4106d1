import { describe, expect, it } from 'vitest';
import { Cluster } from '../../../cluster';
import { clusterSpec, type NodeSpec } from '../../../clusterSpec';
import { DEFAULT_COMPONENTS } from '../../../components';
import { runCommands } from '../../../testing/runCommands';

const node = (name: string, labels: Record<string, string>): NodeSpec => ({ name, cpu: '8', memory: '16Gi', pods: '110', labels, taints: [] });

const deployment = (name: string, replicas: number, constraint: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      topologySpreadConstraints:
        - {labelSelector: {matchLabels: {app: ${name}}}, ${constraint}}
      containers: [{name: c, image: "nginx:1.27"}]
`;

const placement = (stdout: string) => {
  const counts: Record<string, number> = {};
  for (const n of stdout.trim().split(' ').filter(Boolean)) counts[n] = (counts[n] ?? 0) + 1;
  return counts;
};

// pkg/scheduler/framework/plugins/podtopologyspread (filtering.go, scoring.go), v1.32.
describe('PodTopologySpread (a pod\'s own constraints)', () => {
  const cluster = Cluster.boot(
    clusterSpec({
      seed: 3,
      nodes: [node('node-1', { 'topology.kubernetes.io/zone': 'a' }), node('node-2', { 'topology.kubernetes.io/zone': 'a' }), node('node-3', { 'topology.kubernetes.io/zone': 'b' }), node('node-4', {})],
      etcdMembers: 1,
    }),
    DEFAULT_COMPONENTS,
  );
  const r = runCommands(cluster, [
    { run: 'kubectl apply -f -', stdin: deployment('zonal', 4, 'maxSkew: 1, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: DoNotSchedule'), advanceMs: 5_000 },
    { run: 'kubectl apply -f -', stdin: deployment('wide', 8, 'maxSkew: 1, topologyKey: kubernetes.io/hostname, whenUnsatisfiable: ScheduleAnyway') },
    { run: "kubectl get pods -l app=zonal -o jsonpath='{range .items[*]}{.spec.nodeName}{\" \"}{end}'", advanceMs: 30_000 },
    "kubectl get pods -l app=wide -o jsonpath='{range .items[*]}{.spec.nodeName}{\" \"}{end}'",
    { run: 'kubectl scale deployment zonal --replicas=5' },
    { run: "kubectl get pods -l app=zonal -o jsonpath='{range .items[*]}{.spec.nodeName}{\" \"}{end}'", advanceMs: 20_000 },
    { run: 'kubectl apply -f -', stdin: 'apiVersion: v1\nkind: Pod\nmetadata: {name: racked, labels: {app: racked}}\nspec:\n  topologySpreadConstraints:\n    - {labelSelector: {matchLabels: {app: racked}}, maxSkew: 1, topologyKey: rack, whenUnsatisfiable: DoNotSchedule}\n  containers: [{name: c, image: "nginx:1.27"}]\n' },
    { run: 'kubectl get events --field-selector involvedObject.name=racked,reason=FailedScheduling -o jsonpath={.items[0].message}', advanceMs: 5_000 },
  ]);

  it('DoNotSchedule keeps the zones within maxSkew and never uses a node without the zone label', () => {
    const counts = placement(r[2].stdout);
    expect(counts['node-4']).toBeUndefined();
    expect((counts['node-1'] ?? 0) + (counts['node-2'] ?? 0)).toBe(2);
    expect(counts['node-3']).toBe(2);
  });

  it('ScheduleAnyway spreads over the hostnames evenly', () => {
    expect(Object.values(placement(r[3].stdout)).sort()).toEqual([2, 2, 2, 2]);
  });

  it('a fifth zonal pod goes where the skew stays within 1, and a key no node has is reported as a missing label', () => {
    const counts = placement(r[5].stdout);
    const zoneA = (counts['node-1'] ?? 0) + (counts['node-2'] ?? 0);
    expect([zoneA, counts['node-3'] ?? 0].sort()).toEqual([2, 3]);
    expect(r[7].stdout).toBe(
      "0/4 nodes are available: 4 node(s) didn't match pod topology spread constraints (missing required label). preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling..",
    );
  });
});

describe('PodTopologySpread system defaults in the running scheduler', () => {
  it('scores a Deployment\'s pods by their ReplicaSet\'s selector and skips a bare pod', () => {
    const cluster = Cluster.boot(clusterSpec({ seed: 4, nodes: [node('node-1', {}), node('node-2', {}), node('node-3', {})], etcdMembers: 1 }), DEFAULT_COMPONENTS);
    const rows: Array<{ pod: string; spread: Array<number | null> }> = [];
    cluster.sim.trace.subscribe((e) => {
      if (e.kind !== 'scheduler.cycle' || !e.scorePlugins) return;
      const column = (e.scorePlugins as string[]).indexOf('PodTopologySpread');
      rows.push({ pod: String((e.ref as { name: string }).name), spread: (e.scores as Array<{ scores: Array<number | null> }>).map((r) => r.scores[column]) });
    });
    const r = runCommands(cluster, [
      'kubectl create deployment web --image=nginx:1.27 --replicas=6',
      { run: 'kubectl run bare --image=nginx:1.27', advanceMs: 20_000 },
      { run: "kubectl get pods -l app=web -o jsonpath='{range .items[*]}{.spec.nodeName}{\" \"}{end}'", advanceMs: 20_000 },
    ]);
    expect(Object.values(placement(r[2].stdout)).sort()).toEqual([2, 2, 2]);
    const web = rows.filter((row) => row.pod.startsWith('web-'));
    expect(web).toHaveLength(6);
    for (const row of web) expect(row.spread.every((s) => typeof s === 'number')).toBe(true);
    // Once a node holds a web pod, it no longer has the best spread score.
    expect(web.some((row) => new Set(row.spread).size > 1)).toBe(true);
    expect(rows.find((row) => row.pod === 'bare')?.spread.every((s) => s === null)).toBe(true);
  });
});
