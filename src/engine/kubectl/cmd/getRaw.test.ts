import { describe, expect, it } from 'vitest';
import { Cluster } from '../../cluster';
import { clusterSpec, nodesFromCount } from '../../clusterSpec';
import { DEFAULT_COMPONENTS } from '../../components';
import { runCommands } from '../../testing/runCommands';

// k8s.io/kubectl pkg/cmd/get/get.go RawGet (v1.32).
describe('kubectl get --raw', () => {
  it('prints health, version and resource bodies as the server wrote them', () => {
    const cluster = Cluster.boot(clusterSpec({ seed: 4, nodes: nodesFromCount(1), etcdMembers: 1 }), DEFAULT_COMPONENTS);
    const [healthz, version, node, list, missing, unknown, withArgs, relative, metrics] = runCommands(cluster, [
      'kubectl get --raw /healthz',
      'kubectl get --raw /version',
      'kubectl get --raw /api/v1/namespaces/default',
      'kubectl get --raw /api/v1/namespaces/kube-system/configmaps',
      'kubectl get --raw /api/v1/namespaces/default/pods/nope',
      'kubectl get --raw /apis/widgets.example.com/v1/widgets',
      'kubectl get pods --raw /healthz',
      'kubectl get --raw healthz',
      'kubectl get --raw /metrics',
    ]);
    expect(healthz.stdout).toBe('ok');
    expect(version.stdout).toMatch(/^\{\n {2}"major": "1",\n {2}"minor": "32",\n/);
    const nodeJson = JSON.parse(node.stdout);
    expect(Object.keys(nodeJson).slice(0, 3)).toEqual(['kind', 'apiVersion', 'metadata']);
    expect(nodeJson).toMatchObject({ kind: 'Namespace', metadata: { name: 'default' }, status: { phase: 'Active' } });
    const listJson = JSON.parse(list.stdout);
    expect(listJson.kind).toBe('ConfigMapList');
    expect(listJson.items[0].kind).toBeUndefined();
    expect(missing.stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
    expect(unknown.stderr).toBe('Error from server (NotFound): the server could not find the requested resource\n');
    expect(withArgs.stderr).toBe('error: arguments may not be passed when --raw is specified\n');
    expect(relative.stderr).toBe(`error: --raw must be a valid URL path: parse "healthz": invalid URI for request\nSee 'kubectl get -h' for help and examples\n`);
    expect(metrics.stdout).toMatch(/^# HELP apiserver_current_inflight_requests /);
  });

  it('reports a failing readiness check as an InternalError carrying the body', () => {
    const cluster = Cluster.boot(clusterSpec({ seed: 4, nodes: nodesFromCount(1), etcdMembers: 3 }));
    const [, , failed] = runCommands(cluster, ['sim etcd stop etcd-1', 'sim etcd stop etcd-2', { run: 'kubectl get --raw /readyz', advanceMs: 3_000 }]);
    expect(failed.exit).toBe(1);
    expect(failed.stderr).toMatch(/^Error from server \(InternalError\): an error on the server \("\[\+\]ping ok\\n\[\+\]log ok\\n\[-\]etcd failed: reason withheld\\n[^"]*readyz check failed\\n"\) has prevented the request from succeeding\n$/);
  });
});
