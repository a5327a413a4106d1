import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_COMPONENTS } from '../components';
import { loadScenario } from './load';
import { runScenario, type RunRecord } from './runScenario';

const HELLO = readFileSync(new URL('../../scenarios/hello-minikube.yaml', import.meta.url), 'utf8');

function run(text: string, trace = false): string[] {
  const loaded = loadScenario(text, 'hello-minikube.yaml');
  if (!loaded.ok) throw new Error(loaded.error);
  const lines: string[] = [];
  runScenario(loaded.scenario, { trace, components: DEFAULT_COMPONENTS, onRecord: (r: RunRecord) => lines.push(JSON.stringify(r)) });
  return lines;
}

describe('scenario runs', () => {
  it('are byte-identical for the same file and seed, trace included', () => {
    expect(run(HELLO, true)).toEqual(run(HELLO, true));
  });

  it('change generated names and timings with another seed', () => {
    const a = run(HELLO).join('\n');
    const b = run(HELLO.replace('seed: 42', 'seed: 43')).join('\n');
    const podName = (text: string) => /hello-node-[a-z0-9]+-[a-z0-9]{5}/.exec(text)?.[0];
    expect(podName(a)).toBeDefined();
    expect(podName(a)).not.toBe(podName(b));
  });

  it('report a command that waits forever as interrupted after its step timeout', () => {
    const text = `apiVersion: k8sim.dev/v1alpha1
kind: Scenario
metadata: {name: watch}
spec:
  cluster: {nodes: 1}
  steps:
    - at: 0s
      run: kubectl get pods -w
      timeout: 5s
    - at: 1s
      run: kubectl get ns default -o name
`;
    const records = run(text).map((l) => JSON.parse(l));
    expect(records.map((r) => [r.t, r.exit])).toEqual([[0, 130], [5000, 0]]);
    expect(records[1].stdout).toBe('namespace/default\n');
  });

  it('gives a step that starts behind a command cut off at the run limit its own allowance', () => {
    const text = `apiVersion: k8sim.dev/v1alpha1
kind: Scenario
metadata: {name: late}
spec:
  cluster: {nodes: 1}
  steps:
    - at: 0s
      run: kubectl get pods -w
    - at: 1s
      run: sleep 5; echo done
`;
    const records = run(text).map((l) => JSON.parse(l));
    // The watch blocks until the run's limit (600 s after the last step's at), then the next step runs in full.
    expect(records.map((r) => r.exit)).toEqual([130, 0]);
    expect(records[1].t).toBeGreaterThan(600_000);
    expect(records[1].stdout).toBe('done\n');
  });
});

describe("a step's editor texts", () => {
  const scenario = (editor: string) => `apiVersion: k8sim.dev/v1alpha1
kind: Scenario
metadata: {name: editor}
spec:
  seed: 1
  cluster: {nodes: 1, etcd: {members: 1}}
  steps:
    - at: 0s
      run: vi web.yaml
${editor}    - at: 1s
      run: cat web.yaml; kubectl apply -f web.yaml
`;

  it('are what vi saves (kubectl edit opens vi the same way); without them vi quits unchanged', () => {
    const typed = run(scenario(`      editor: |\n        apiVersion: v1\n        kind: ConfigMap\n        metadata: {name: settings}\n        data: {mode: fast}\n`));
    const [, apply] = typed.map((line) => JSON.parse(line) as { stdout: string; stderr: string });
    expect(apply.stdout).toBe('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\ndata: {mode: fast}\nconfigmap/settings created\n');
    const [, quit] = run(scenario('')).map((line) => JSON.parse(line) as { stdout: string; stderr: string });
    expect(quit.stderr).toBe('cat: web.yaml: No such file or directory\nerror: the path "web.yaml" does not exist\n');
  });
});

describe('hello-minikube, as the tutorial shows it', () => {
  const results = run(HELLO).map((l) => JSON.parse(l) as { run: string; stdout: string; stderr: string; exit: number });
  const output = (command: string) => results.find((r) => r.run === command)!;

  it('runs the deployment to 1/1 Running with kubectl get layouts', () => {
    const deployments = results.filter((r) => r.run === 'kubectl get deployments');
    expect(deployments[1].stdout).toMatch(/^NAME {9}READY {3}UP-TO-DATE {3}AVAILABLE {3}AGE\nhello-node {3}1\/1 {5}1 {12}1 {11}30s\n$/);
    expect(output('kubectl get pods').stdout).toMatch(/^NAME {25}READY {3}STATUS {4}RESTARTS {3}AGE\nhello-node-[b-df-hj-np-tv-z2456-9]+-[b-df-hj-np-tv-z2456-9]{5} {3}1\/1 {5}Running {3}0 {10}30s\n$/);
  });

  it('lists the events of a pod start in order with their real reasons and messages', () => {
    // The apiserver lists events by name: the control-plane node's come first, then the pod's, then node-1's.
    const events = output('kubectl get events').stdout.split('\n').slice(1).filter((line) => line && !/ node\//.test(line));
    const reasons = events.map((line) => line.split(/\s{2,}/)[2]);
    expect(reasons.slice(0, 7)).toEqual(['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started', 'SuccessfulCreate', 'ScalingReplicaSet']);
    expect(events[0]).toMatch(/Successfully assigned default\/hello-node-\S+ to node-1$/);
    expect(events[2]).toMatch(/Successfully pulled image "registry\.k8s\.io\/e2e-test-images\/agnhost:2\.39" in [\d.]+m?s \([\d.]+m?s including waiting\)\. Image size: \d+ bytes\.$/);
    expect(events[3]).toMatch(/Created container: agnhost$/);
  });

  it('describes the pod with its command, mounts, conditions, tolerations and events', () => {
    const text = output('kubectl describe pod').stdout;
    for (const line of ['Service Account:  default', 'Node:             node-1/10.0.1.1', 'Status:           Running', '      /agnhost\n      netexec\n      --http-port=8080', 'QoS Class:                   BestEffort', 'node.kubernetes.io/not-ready:NoExecute op=Exists for 300s']) {
      expect(text).toContain(line);
    }
    expect(text).toMatch(/Events:\n  Type {4}Reason {5}Age {3}From {15}Message\n/);
  });

  it('shows the objects under /registry as etcdctl keys', () => {
    const keys = output('etcdctl get --prefix --keys-only /registry').stdout.split('\n').filter(Boolean);
    expect(keys).toEqual([...keys].sort());
    for (const prefix of ['/registry/deployments/default/hello-node', '/registry/minions/node-1', '/registry/services/specs/default/hello-node', '/registry/leases/kube-node-lease/node-1']) {
      expect(keys).toContain(prefix);
    }
    expect(keys.some((k) => /^\/registry\/pods\/default\/hello-node-/.test(k))).toBe(true);
  });
});
