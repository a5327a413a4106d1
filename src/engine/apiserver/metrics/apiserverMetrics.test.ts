// `kubectl get --raw /metrics`: the apiserver's request, in-flight, stored-object and etcd
// latency families (k8s.io/apiserver pkg/endpoints/metrics/metrics.go, pkg/storage/etcd3/metrics).
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../cluster';
import { clusterSpec, nodesFromCount } from '../../clusterSpec';
import { DEFAULT_COMPONENTS } from '../../components';
import { runCommands } from '../../testing/runCommands';
import { REQUEST_BUCKETS } from './apiserverMetrics';

const boot = () => Cluster.boot(clusterSpec({ seed: 41, nodes: nodesFromCount(2), etcdMembers: 3, kubeSystem: true }), DEFAULT_COMPONENTS);
const value = (page: string, series: string) => Number(page.split('\n').find((l) => l.startsWith(`${series} `))?.slice(series.length + 1) ?? NaN);

describe('kube-apiserver /metrics', () => {
  const cluster = boot();
  const [, page, pods] = runCommands(cluster, [
    'kubectl create deployment web --image=nginx:1.27 --replicas=3',
    { advanceMs: 30_000, run: 'kubectl get --raw /metrics' },
    'kubectl get pods -A --no-headers',
  ]);
  const lines = page.stdout.split('\n');

  it('writes its families by name with the STABLE/ALPHA help the metrics carry', () => {
    const helps = lines.filter((l) => l.startsWith('# HELP ')).map((l) => l.split(' ')[2]);
    expect(helps).toEqual(['apiserver_current_inflight_requests', 'apiserver_request_duration_seconds', 'apiserver_request_total', 'apiserver_storage_objects', 'etcd_request_duration_seconds']);
    expect(lines).toContain('# HELP apiserver_request_total [STABLE] Counter of apiserver requests broken out for each verb, dry run value, group, version, resource, scope, component, and HTTP response code.');
    expect(lines).toContain('# TYPE apiserver_request_duration_seconds histogram');
  });

  it('counts the Deployment kubectl created, and the pods its ReplicaSet created and the scheduler bound', () => {
    const created = 'apiserver_request_total{code="201",component="apiserver",dry_run="",group="apps",resource="deployments",scope="resource",subresource="",verb="POST",version="v1"}';
    expect(value(page.stdout, created)).toBeGreaterThanOrEqual(1);
    const bindings = 'apiserver_request_total{code="201",component="apiserver",dry_run="",group="",resource="pods",scope="resource",subresource="binding",verb="POST",version="v1"}';
    expect(value(page.stdout, bindings)).toBeGreaterThanOrEqual(3);
    // Series within a family are sorted by their label values.
    const totals = lines.filter((l) => l.startsWith('apiserver_request_total{'));
    expect(totals).toEqual([...totals].sort());
  });

  it("keeps the request latency in requestLatencies' 23 buckets, and the etcd calls the store made", () => {
    const series = 'apiserver_request_duration_seconds_bucket{component="apiserver",dry_run="",group="apps",resource="deployments",scope="resource",subresource="",verb="POST",version="v1",le="';
    const bounds = lines.filter((l) => l.startsWith(series)).map((l) => l.slice(series.length).split('"')[0]);
    expect(bounds).toEqual([...REQUEST_BUCKETS.map(String), '+Inf']);
    expect(value(page.stdout, 'etcd_request_duration_seconds_count{operation="create",type="deployments.apps"}')).toBeGreaterThanOrEqual(1);
    expect(value(page.stdout, 'etcd_request_duration_seconds_count{operation="update",type="leases.coordination.k8s.io"}')).toBeGreaterThan(0);
  });

  it('counts the stored objects per resource as the API lists them', () => {
    expect(value(page.stdout, 'apiserver_storage_objects{resource="pods"}')).toBe(pods.stdout.trim().split('\n').length);
  });

  it('is forbidden to anonymous curl and to users RBAC does not let get /metrics', () => {
    const [anonymous, jane] = runCommands(cluster, ['curl -k https://localhost:6443/metrics', 'kubectl get --raw /metrics --as=jane']);
    expect(anonymous.stdout).toContain('"message": "forbidden: User \\"system:anonymous\\" cannot get path \\"/metrics\\""');
    expect(jane).toMatchObject({ exit: 1, stderr: 'Error from server (Forbidden): forbidden: User "jane" cannot get path "/metrics"\n' });
  });
});

describe('kube-apiserver /metrics on a slow etcd disk', () => {
  it('shows the write that waited for etcd in the upper buckets, for the request and for its etcd call', () => {
    const cluster = boot();
    const [before, , , after] = runCommands(cluster, [
      'kubectl get --raw /metrics',
      'sim etcd disk all 800ms',
      { advanceMs: 1_000, run: 'kubectl create configmap slow --from-literal=a=b' },
      'kubectl get --raw /metrics',
    ]);
    const grew = (series: string) => value(after.stdout, series) - value(before.stdout, series);
    const labels = 'component="apiserver",dry_run="",group="",resource="configmaps",scope="resource",subresource="",verb="POST",version="v1"';
    // Two 800 ms fsyncs at least: the new request is not under 1.25 s, nor is its etcd call.
    expect(grew(`apiserver_request_duration_seconds_count{${labels}}`)).toBe(1);
    expect(grew(`apiserver_request_duration_seconds_bucket{${labels},le="1.25"}`)).toBe(0);
    expect(grew('etcd_request_duration_seconds_count{operation="create",type="configmaps"}')).toBe(1);
    expect(grew('etcd_request_duration_seconds_bucket{operation="create",type="configmaps",le="1.25"}')).toBe(0);
  });
});
