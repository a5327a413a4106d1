// The seeds' two troubleshooting runbooks as library scenarios: determinism, and what a learner must see.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_COMPONENTS } from '../engine/components';
import { loadScenario } from '../engine/scenario/load';
import { runScenario, type RunRecord } from '../engine/scenario/runScenario';

type Result = RunRecord & { run: string; exit: number; stdout: string; stderr: string };

function run(file: string, trace = false): Result[] {
  const loaded = loadScenario(readFileSync(new URL(`./${file}`, import.meta.url), 'utf8'), file);
  if (!loaded.ok) throw new Error(loaded.error);
  const records: RunRecord[] = [];
  runScenario(loaded.scenario, { trace, components: DEFAULT_COMPONENTS, onRecord: (r) => records.push(r) });
  return records.filter((r) => r.type === 'result') as Result[];
}

describe('node-notready-runtime scenario', () => {
  it('is byte-identical run to run', () => {
    expect(JSON.stringify(run('node-notready-runtime.yaml', true))).toBe(JSON.stringify(run('node-notready-runtime.yaml', true)));
  });

  it('shows containerd stopping, the node reporting the runtime down, and recovering', () => {
    const results = run('node-notready-runtime.yaml');
    const out = (prefix: string, index = 0) => results.filter((r) => r.run.startsWith(prefix))[index];
    expect(out('ssh node-1 systemctl status containerd').stdout).toMatch(/^● containerd\.service - containerd container runtime\n/);
    expect(out('ssh node-1 crictl ps', 1)).toMatchObject({ exit: 1, stderr: expect.stringContaining('validate CRI v1 runtime API') });
    expect(out('kubectl get nodes').stdout).toMatch(/\nnode-1 +NotReady /);
    expect(out('kubectl describe node node-1').stdout).toMatch(/Ready +False .* KubeletNotReady +container runtime is down\n/);
    expect(out('ssh node-1 journalctl').stdout).toContain('"Skipping pod synchronization" err="container runtime is down"');
    expect(out('kubectl get pods -o wide').stdout).toContain('"key":"node.kubernetes.io/not-ready"');
    expect(out('kubectl get nodes', 1).stdout).toMatch(/\nnode-1 +Ready /);
  });
});

describe('etcd-backup-restore scenario', () => {
  it('is byte-identical run to run', () => {
    expect(JSON.stringify(run('etcd-backup-restore.yaml', true))).toBe(JSON.stringify(run('etcd-backup-restore.yaml', true)));
  });

  it('saves a dated snapshot, restores it, and brings the cluster back to it', () => {
    const results = run('etcd-backup-restore.yaml');
    expect(results[1].stdout).toBe('Snapshot saved at /backup/etcd-20250101.db\n');
    expect(results[2].stdout).toMatch(/^\+-+\+-+\+-+\+-+\+\n\| +HASH +\| REVISION \| TOTAL KEYS \| TOTAL SIZE \|\n/);
    expect(results[4].stderr).toContain('"msg":"restored snapshot"');
    const last = results[results.length - 1];
    expect(last.stdout).toMatch(/^NAME +READY +UP-TO-DATE +AVAILABLE +AGE\nweb +2\/2 /);
    expect(last.stderr).toBe('Error from server (NotFound): configmaps "after-backup" not found\n');
  });
});

describe('service-unreachable scenario', () => {
  it('is byte-identical run to run', () => {
    expect(JSON.stringify(run('service-unreachable.yaml', true))).toBe(JSON.stringify(run('service-unreachable.yaml', true)));
  });

  it('shows the refused curl, the empty endpoints and the REJECT rule, then the fix reaching nginx', () => {
    const results = run('service-unreachable.yaml');
    const out = (prefix: string, index = 0) => results.filter((r) => r.run.startsWith(prefix))[index];
    expect(out('curl -s http')).toMatchObject({ exit: 7, stderr: expect.stringMatching(/^curl: \(7\) Failed to connect to 10\.\d+\.\d+\.\d+ port 80 after 0 ms: Couldn't connect to server\n$/) });
    expect(out('kubectl get endpoints web').stdout).toMatch(/\nweb +<none> /);
    expect(out('kubectl describe svc web').stdout).toContain('Selector:                 app=frontend\n');
    expect(out('iptables -L KUBE-SERVICES -n').stdout).toContain('/* default/web has no endpoints */ tcp dpt:80 reject-with icmp-port-unreachable');
    expect(out('kubectl diff -f -')).toMatchObject({ exit: 1, stdout: expect.stringContaining('-    app: frontend\n+    app: web\n') });
    expect(out('KUBE_EDITOR=')).toMatchObject({ exit: 0, stdout: 'service/web edited\n' });
    expect(out('kubectl get endpoints web', 1).stdout).toMatch(/\nweb +10\.244\.\d+\.\d+:80,10\.244\.\d+\.\d+:80 /);
    expect(out('curl -s http', 1)).toMatchObject({ exit: 0, stdout: '<title>Welcome to nginx!</title>\n' });
  });
});

describe('rbac-forbidden scenario', () => {
  it('is byte-identical run to run', () => {
    expect(JSON.stringify(run('rbac-forbidden.yaml', true))).toBe(JSON.stringify(run('rbac-forbidden.yaml', true)));
  });

  it('refuses the service account, finds no binding, then a Role and RoleBinding let it deploy and nothing more', () => {
    const results = run('rbac-forbidden.yaml');
    const out = (prefix: string, index = 0) => results.filter((r) => r.run.startsWith(prefix))[index];
    const sa = 'User "system:serviceaccount:production:deployer"';
    expect(out('kubectl create deployment web')).toMatchObject({ exit: 1, stderr: `error: failed to create deployment: deployments.apps is forbidden: ${sa} cannot create resource "deployments" in API group "apps" in the namespace "production"\n` });
    expect(out('kubectl auth can-i create deployments')).toMatchObject({ exit: 1, stdout: 'no\n' });
    expect(out('kubectl auth can-i --list').stdout).not.toContain('deployments');
    expect(out('kubectl get rolebindings').exit).toBe(1);
    expect(out('kubectl auth can-i create deployments', 1)).toMatchObject({ exit: 0, stdout: 'yes\n' });
    expect(out('kubectl create deployment web', 1)).toMatchObject({ exit: 0, stdout: 'deployment.apps/web created\n' });
    expect(out('kubectl delete namespace kube-system').stderr).toContain(`${sa} cannot delete resource "namespaces" in API group "" in the namespace "kube-system"`);
  });
});

describe('evicted-pods scenario', () => {
  it('is byte-identical run to run', () => {
    expect(JSON.stringify(run('evicted-pods.yaml', true))).toBe(JSON.stringify(run('evicted-pods.yaml', true)));
  });

  it('evicts the cache on both nodes, shows MemoryPressure and the events, and recovers after the transition period', () => {
    const results = run('evicted-pods.yaml');
    const out = (prefix: string, index = 0) => results.filter((r) => r.run.startsWith(prefix))[index];
    expect(out('kubectl get pods --field-selector=status.phase=Failed').stdout.match(/^cache-/gm)).toHaveLength(3);
    expect(out('kubectl get events --field-selector reason=Evicted').stdout).toContain('Warning   Evicted   pod/cache-');
    expect(out('kubectl describe node node-1').stdout).toMatch(/MemoryPressure +True .* KubeletHasInsufficientMemory +kubelet has insufficient memory available/);
    expect(out('kubectl delete pods --field-selector').stdout.match(/deleted\n/g)).toHaveLength(3);
    const last = out("kubectl get nodes -o jsonpath='{range").stdout;
    expect(last).toMatch(/^node-1 \nnode-2 \n/);
    expect(last).toMatch(/\ncache-\S+ +1\/1 +Running /);
  });
});

describe('etcd-slow-disk scenario', () => {
  it('is byte-identical run to run', () => {
    expect(JSON.stringify(run('etcd-slow-disk.yaml', true))).toBe(JSON.stringify(run('etcd-slow-disk.yaml', true)));
  });

  it('slows writes to seconds, fails check perf, shows the slow applies in etcd’s log, and recovers', () => {
    const results = run('etcd-slow-disk.yaml');
    const out = (prefix: string, index = 0) => results.filter((r) => r.run.startsWith(prefix))[index];
    const real = (text: string) => Number(/real\t0m([\d.]+)s/.exec(text)![1]);
    expect(real(out('time kubectl scale').stderr || out('time kubectl scale').stdout)).toBeLessThan(0.1);
    expect(real(out('time kubectl scale', 1).stderr || out('time kubectl scale', 1).stdout)).toBeGreaterThan(1.5);
    const fsyncs = out('curl -s http://127.0.0.1:2381/metrics').stdout.split('\n').filter(Boolean).map((l: string) => Number(l.split(' ')[1]));
    expect(fsyncs).toHaveLength(3);
    // The 800 ms fsyncs land in the 1.024 s bucket; the ones before the slowdown were under 1 ms.
    expect(fsyncs[1]).toBeGreaterThan(fsyncs[0]);
    expect(fsyncs[1]).toBe(fsyncs[2]);
    expect(out('etcdctl check perf')).toMatchObject({ exit: 1, stdout: expect.stringMatching(/\nFAIL: Throughput too low: \d+ writes\/s\nSlowest request took too long: [\d.]+s\nStddev too high: [\d.]+s\nFAIL\n$/) });
    expect(out('kubectl logs -n kube-system etcd-control-plane').stdout).toMatch(/^(\{"level":"warn",.*"msg":"apply request took too long","took":"8\d\d\.\d+ms","expected-duration":"100ms".*\}\n){2}$/);
    expect(out('kubectl logs -n kube-system kube-apiserver-control-plane').stdout).toMatch(/^(Trace\[\d+\]: {2}---"Txn call (succeeded|completed)" \d{4,}ms \(\d\d:\d\d:\d\d\.\d{3}\)\]\n){2}$/);
    expect(real(out('time kubectl scale', 2).stderr || out('time kubectl scale', 2).stdout)).toBeLessThan(0.1);
  });
});

describe('container-filesystem scenario', () => {
  it('is byte-identical run to run', () => {
    expect(JSON.stringify(run('container-filesystem.yaml', true))).toBe(JSON.stringify(run('container-filesystem.yaml', true)));
  });

  it('copies the page out, serves the edit, and loses it with the container', () => {
    const results = run('container-filesystem.yaml');
    const out = (prefix: string, index = 0) => results.filter((r) => r.run.startsWith(prefix))[index];
    expect(out('kubectl cp')).toMatchObject({ exit: 0, stdout: "tar: Removing leading `/' from member names\n" });
    expect(out('grep title').stdout).toBe('<title>Welcome to nginx!</title>\n');
    expect(out('curl -s').stdout).toBe('<h1>Edited inside the container</h1>\n');
    expect(out('curl -s', 1).stdout).toBe('<title>Welcome to nginx!</title>\n');
  });
});

describe('etcd-partition scenario', () => {
  it('fails the write without quorum after 7 s, and the apiserver logs its trace with the failed Txn', () => {
    const results = run('etcd-partition.yaml');
    const out = (prefix: string) => results.find((r) => r.run.startsWith(prefix))!;
    expect(out('kubectl scale deployment web').stderr).toBe('Error from server: etcdserver: request timed out\n');
    const failed = out('kubectl logs -n kube-system -l component=kube-apiserver').stdout.trim().split('\n');
    expect(failed.length).toBeGreaterThanOrEqual(1);
    for (const line of failed) expect(line).toMatch(/^Trace\[\d+\]: {2}---"Txn call failed" err:etcdserver: request timed out 7\d{3}ms \(\d\d:\d\d:\d\d\.\d{3}\)\]$/);
  });
});
