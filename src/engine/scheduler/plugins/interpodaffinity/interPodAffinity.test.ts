import { describe, expect, it } from 'vitest';
import { Cluster } from '../../../cluster';
import { clusterSpec, nodesFromCount } from '../../../clusterSpec';
import { DEFAULT_COMPONENTS } from '../../../components';
import { runCommands } from '../../../testing/runCommands';

const spreadDeployment = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      affinity:
        podAntiAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            - labelSelector: {matchLabels: {app: web}}
              topologyKey: kubernetes.io/hostname
      containers: [{name: nginx, image: "nginx:1.27"}]
`;

const nearDb = `apiVersion: v1
kind: Pod
metadata: {name: cache, labels: {app: cache}}
spec:
  affinity:
    podAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
        - labelSelector: {matchLabels: {app: db}}
          topologyKey: kubernetes.io/hostname
  containers: [{name: redis, image: "redis:7.4"}]
`;

// pkg/scheduler/framework/plugins/interpodaffinity/filtering.go (v1.32).
describe('InterPodAffinity (required rules)', () => {
  const cluster = Cluster.boot(clusterSpec({ seed: 4, nodes: nodesFromCount(2), etcdMembers: 1 }), DEFAULT_COMPONENTS);
  const r = runCommands(cluster, [
    { run: 'kubectl apply -f -', stdin: spreadDeployment },
    { run: 'kubectl apply -f -', stdin: nearDb },
    { run: "kubectl get pods -l app=web -o jsonpath='{range .items[*]}{.spec.nodeName}{\",\"}{end}'", advanceMs: 20_000 },
    "kubectl get events --field-selector reason=FailedScheduling -o jsonpath='{range .items[*]}{.involvedObject.name}|{.message}{\"\\n\"}{end}'",
    'kubectl run db --image=postgres:17 --labels=app=db',
    { run: 'kubectl get pod cache -o jsonpath={.spec.nodeName}/{.status.phase}', advanceMs: 400_000 },
    'kubectl get pod db -o jsonpath={.spec.nodeName}',
  ]);

  it('spreads a 3-replica anti-affine Deployment over 2 nodes and leaves the third Pending with the upstream reason', () => {
    const nodes = r[2].stdout.split(',').filter(Boolean).sort();
    expect(nodes).toEqual(['node-1', 'node-2']);
    const failures = r[3].stdout.trim().split('\n');
    expect(failures).toContainEqual(
      expect.stringMatching(/^web-[a-z0-9]+-[a-z0-9]{5}\|0\/2 nodes are available: 2 node\(s\) didn't match pod anti-affinity rules\. preemption: 0\/2 nodes are available: 2 No preemption victims found for incoming pod\.\.$/),
    );
  });

  it("a pod needing a db neighbour waits (affinity is unresolvable by preemption), then joins the db's node", () => {
    expect(r[3].stdout).toContain("cache|0/2 nodes are available: 2 node(s) didn't match pod affinity rules. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling..");
    expect(r[5].stdout).toBe(`${r[6].stdout}/Running`);
  });
});

describe('InterPodAffinity and the per-node filter memo', () => {
  it("pods alike but for their labels get their own verdicts on an unchanged node (existing pods' anti-affinity)", () => {
    const guard = `apiVersion: v1
kind: Pod
metadata: {name: guard, labels: {app: guard}}
spec:
  nodeName: node-1
  affinity:
    podAntiAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
        - labelSelector: {matchLabels: {app: web}}
          topologyKey: kubernetes.io/hostname
  containers: [{name: c, image: "nginx:1.27"}]
`;
    // Alternating api/web pods with identical specs: an api pod's verdict on node-1 must not be reused for a web pod.
    const pods = Array.from({ length: 6 }, (_, i) => `- apiVersion: v1\n  kind: Pod\n  metadata: {name: p${i}, labels: {app: ${i % 2 ? 'web' : 'api'}}}\n  spec:\n    containers: [{name: c, image: "nginx:1.27"}]\n`).join('');
    for (const seed of [1, 2, 3, 4]) {
      const cluster = Cluster.boot(clusterSpec({ seed, nodes: nodesFromCount(2), etcdMembers: 1 }), DEFAULT_COMPONENTS);
      const r = runCommands(cluster, [
        { run: 'kubectl apply -f -', stdin: guard },
        { run: 'kubectl apply -f -', stdin: `apiVersion: v1\nkind: List\nitems:\n${pods}`, advanceMs: 10_000 },
        { run: `kubectl get pods -l app=web -o jsonpath='{range .items[*]}{.spec.nodeName}{" "}{end}'`, advanceMs: 10_000 },
      ]);
      expect(r[2].stdout.trim().split(' ')).toEqual(['node-2', 'node-2', 'node-2']);
    }
  });
});

describe('InterPodAffinity (preferred terms of the incoming pod, scoring.go)', () => {
  it('a preferred affinity pulls a pod next to its peer, a preferred anti-affinity pushes it away', () => {
    const prefers = (name: string, kind: 'podAffinity' | 'podAntiAffinity') => `apiVersion: v1
kind: Pod
metadata: {name: ${name}}
spec:
  affinity:
    ${kind}:
      preferredDuringSchedulingIgnoredDuringExecution:
        - weight: 100
          podAffinityTerm:
            labelSelector: {matchLabels: {app: db}}
            topologyKey: kubernetes.io/hostname
  containers: [{name: c, image: "nginx:1.27"}]
`;
    for (const seed of [1, 2, 3]) {
      const cluster = Cluster.boot(clusterSpec({ seed, nodes: nodesFromCount(3), etcdMembers: 1 }), DEFAULT_COMPONENTS);
      const r = runCommands(cluster, [
        'kubectl run db --image=postgres:17 --labels=app=db',
        { run: 'kubectl apply -f -', stdin: prefers('near', 'podAffinity'), advanceMs: 5_000 },
        { run: 'kubectl apply -f -', stdin: prefers('far', 'podAntiAffinity') },
        { run: 'kubectl get pods db near far -o jsonpath={.items[*].spec.nodeName}', advanceMs: 5_000 },
      ]);
      const [db, near, far] = r[3].stdout.split(' ');
      expect(near).toBe(db);
      expect(far).not.toBe(db);
    }
  });
});
