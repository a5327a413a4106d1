// The apiserver's slow-request traces in `kubectl logs kube-apiserver-NODE`: the k8s.io/utils
// trace format of a handler span over 500 ms with its nested etcd3 store span
// (staging/src/k8s.io/apiserver/pkg/endpoints/handlers/create.go, pkg/storage/etcd3/store.go).
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../cluster';
import { clusterSpec, nodesFromCount } from '../../clusterSpec';
import { DEFAULT_COMPONENTS } from '../../components';
import { runCommands } from '../../testing/runCommands';

const boot = () => Cluster.boot(clusterSpec({ seed: 31, nodes: nodesFromCount(1), etcdMembers: 3, kubeSystem: true }), DEFAULT_COMPONENTS);

/** traceOf finds the trace message whose first line mentions `needle`: its lines, numbered alike. */
function traceOf(cluster: Cluster, needle: string): string[] {
  const lines = cluster.apiserver.log(0).map((l) => l.text);
  const first = lines.findIndex((l) => l.includes('trace.go:236]') && l.includes(needle));
  if (first < 0) return [];
  const tag = /Trace\[\d+\]/.exec(lines[first])![0];
  return [lines[first], ...lines.slice(first + 1).filter((l) => l.startsWith(`${tag}: `))];
}

describe('kube-apiserver slow-request traces (utiltrace LogIfLong, 500 ms)', () => {
  it('a healthy cluster logs no trace: every request is well under 500 ms', () => {
    const cluster = boot();
    runCommands(cluster, ['kubectl create deployment web --image=nginx:1.27 --replicas=2', { advanceMs: 30_000, run: 'kubectl get pods' }]);
    expect(cluster.apiserver.log(0)).toEqual([]);
  });

  it('a write to etcd on a slow disk is logged with the nested "Create etcd3" span and the Txn step', () => {
    const cluster = boot();
    runCommands(cluster, ['sim etcd disk all 800ms', { advanceMs: 2_000, run: 'kubectl create configmap slow --from-literal=a=b' }]);
    const trace = traceOf(cluster, 'url:/api/v1/namespaces/default/configmaps,');
    expect(trace.length).toBe(4);
    const [head, nested, txn, end] = trace;
    expect(head).toMatch(/^I\d{4} \d\d:\d\d:\d\d\.\d{6} {7}1 trace\.go:236\] Trace\[\d+\]: "Create" accept:application\/json, \*\/\*,audit-id:[0-9a-f-]{36},client:10\.0\.0\.2,api-group:,api-version:v1,name:,subresource:,namespace:default,protocol:HTTP\/2\.0,resource:configmaps,scope:resource,url:\/api\/v1\/namespaces\/default\/configmaps,user-agent:kubectl\/v1\.32\.4 \(linux\/amd64\) kubernetes\/59526cd,verb:POST \(\d\d-[A-Z][a-z]{2}-\d{4} \d\d:\d\d:\d\d\.\d{3}\) \(total time: (\d+)ms\):$/);
    const auditID = /audit-id:([0-9a-f-]+)/.exec(head)![1];
    expect(nested).toMatch(new RegExp(`: \\["Create etcd3" audit-id:${auditID},key:/configmaps/default/slow,type:\\*core\\.ConfigMap,resource:configmaps \\d+ms \\(\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\)$`));
    expect(txn).toMatch(/:  ---"Txn call succeeded" \d+ms \(\d\d:\d\d:\d\d\.\d{3}\)\]$/);
    // Two 800 ms fsyncs at least (the WAL, then the backend's commit).
    const total = Number(/total time: (\d+)ms/.exec(head)![1]);
    expect(total).toBeGreaterThanOrEqual(1_600);
    expect(end).toMatch(/: \[(\d+\.\d+)s\] \[\1s\] END$/);
    expect(Math.floor(Number(/\[(\d+\.\d+)s\]/.exec(end)![1]) * 1000)).toBe(total);
  });

  it('with quorum lost the write fails after the request timeout, logged with "Txn call failed" and etcd\'s error', () => {
    const cluster = boot();
    const [, , create] = runCommands(cluster, ['sim etcd stop etcd-2', 'sim etcd stop etcd-3', { advanceMs: 1_000, run: 'kubectl create configmap lost --from-literal=a=b' }]);
    expect(create.stderr).toBe('error: failed to create configmap: etcdserver: request timed out\n');
    const trace = traceOf(cluster, 'url:/api/v1/namespaces/default/configmaps,');
    expect(trace[1]).toContain('["Create etcd3"');
    expect(trace[2]).toMatch(/:  ---"Txn call failed" err:etcdserver: request timed out \d+ms \(/);
    expect(Number(/total time: (\d+)ms/.exec(trace[0])![1])).toBeGreaterThanOrEqual(7_000);
  });

  it('is part of the kube-apiserver static pod\'s log', () => {
    const cluster = boot();
    const [, , logs] = runCommands(cluster, ['sim etcd disk all 800ms', { advanceMs: 2_000, run: 'kubectl create configmap slow --from-literal=a=b' }, 'kubectl logs -n kube-system kube-apiserver-control-plane']);
    expect(logs.stdout).toContain('Serving securely on [::]:6443');
    expect(logs.stdout).toMatch(/trace\.go:236\] Trace\[\d+\]: "Create" .*resource:configmaps/);
  });
});
