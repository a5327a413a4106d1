import { describe, expect, it } from 'vitest';
import { Cluster } from '../cluster';
import { clusterSpec, nodesFromCount } from '../clusterSpec';
import { runCommands } from '../testing/runCommands';

const boot = () => Cluster.boot(clusterSpec({ seed: 4, nodes: nodesFromCount(1), etcdMembers: 1 }));

// The control plane's endpoints as curl on a kubeadm control-plane machine sees them.
describe('curl', () => {
  it('reads the apiserver health and version anonymously, and needs -k for its certificate', () => {
    const [health, noTls, verbose, version] = runCommands(boot(), [
      'curl -k https://localhost:6443/healthz',
      'curl https://localhost:6443/livez',
      "curl -k 'https://127.0.0.1:6443/readyz?verbose'",
      'curl -sk https://localhost:6443/version',
    ]);
    expect(health).toMatchObject({ exit: 0, stdout: 'ok' });
    expect(noTls.exit).toBe(60);
    expect(noTls.stderr).toMatch(/^curl: \(60\) SSL certificate problem: unable to get local issuer certificate\n/);
    expect(verbose.stdout).toMatch(/^\[\+\]ping ok\n\[\+\]log ok\n\[\+\]etcd ok\n[\s\S]*\[\+\]shutdown ok\nreadyz check passed\n$/);
    expect(JSON.parse(version.stdout).gitVersion).toBe('v1.32.4');
  });

  it('is Forbidden as system:anonymous on API paths, with the Status pretty-printed', () => {
    const [pods, api] = runCommands(boot(), ['curl -k https://localhost:6443/api/v1/namespaces/default/pods', 'curl -k https://localhost:6443/api']);
    expect(pods.stdout).toBe(`{
  "kind": "Status",
  "apiVersion": "v1",
  "metadata": {},
  "status": "Failure",
  "message": "pods is forbidden: User \\"system:anonymous\\" cannot list resource \\"pods\\" in API group \\"\\" in the namespace \\"default\\"",
  "reason": "Forbidden",
  "details": {
    "kind": "pods"
  },
  "code": 403
}
`);
    expect(JSON.parse(api.stdout).message).toBe('forbidden: User "system:anonymous" cannot get path "/api"');
  });

  it('answers the kubelet and etcd health ports; etcd reports no leader once it lost quorum', () => {
    const cluster = Cluster.boot(clusterSpec({ seed: 4, nodes: nodesFromCount(1), etcdMembers: 3 }));
    const [kubelet, etcd, , , readyz, etcdDown, other] = runCommands(cluster, [
      'curl http://localhost:10248/healthz',
      'curl http://127.0.0.1:2381/health',
      'sim etcd stop etcd-1',
      'sim etcd stop etcd-2',
      { run: 'curl -k https://localhost:6443/readyz', advanceMs: 3_000 },
      'curl http://127.0.0.1:2381/health',
      'curl localhost:8080',
    ]);
    expect(kubelet.stdout).toBe('ok');
    expect(etcd.stdout).toBe('{"health":"true","reason":""}');
    expect(readyz.stdout).toContain('[-]etcd failed: reason withheld\n');
    expect(readyz.stdout.endsWith('readyz check failed\n')).toBe(true);
    expect(etcdDown.stdout).toBe('{"health":"false","reason":"RAFT NO LEADER"}');
    expect(other).toMatchObject({ exit: 7, stderr: "curl: (7) Failed to connect to localhost port 8080 after 0 ms: Couldn't connect to server\n" });
  });
});
