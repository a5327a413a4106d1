import { describe, expect, it } from 'vitest';
import { Cluster } from '../cluster';
import { clusterSpec, nodesFromCount } from '../clusterSpec';
import { DEFAULT_COMPONENTS } from '../components';
import type { KubeProxy } from '../proxy/kubeProxy';
import { runCommands } from '../testing/runCommands';

function boot(): { cluster: Cluster; clusterIP: string; nodePort: string; podIP: string } {
  const cluster = Cluster.boot(clusterSpec({ seed: 4, nodes: nodesFromCount(2), etcdMembers: 1, kubeSystem: true }), DEFAULT_COMPONENTS);
  const [, , , ip, port, pod] = runCommands(cluster, [
    'kubectl create deployment web --image=nginx:1.25 --replicas=2',
    'kubectl expose deployment web --port=80 --type=NodePort',
    'kubectl create service clusterip empty --tcp=80:80',
    { run: "kubectl get svc web -o jsonpath='{.spec.clusterIP}'", advanceMs: 30_000 },
    "kubectl get svc web -o jsonpath='{.spec.ports[0].nodePort}'",
    "kubectl get pods -l app=web -o jsonpath='{.items[0].status.podIP}'",
  ]);
  return { cluster, clusterIP: ip.stdout, nodePort: port.stdout, podIP: pod.stdout };
}

describe('curl over the cluster network (Services, NodePorts, pods)', () => {
  it('reaches nginx through a cluster IP, a NodePort on any node and the pod IP', () => {
    const { cluster, clusterIP, nodePort, podIP } = boot();
    const results = runCommands(cluster, [
      `curl -s http://${clusterIP}/ | grep '<title>'`,
      `curl -s 10.0.1.2:${nodePort} | grep '<title>'`,
      `ssh node-1 'curl -s node-2:${nodePort}' | grep '<title>'`,
      `curl -s ${podIP} | grep '<title>'`,
    ]);
    for (const r of results) expect(r).toEqual({ exit: 0, stdout: '<title>Welcome to nginx!</title>\n', stderr: '' });
  });

  it('answers as curl does when nothing listens, nobody answers or the name does not resolve', () => {
    const { cluster, podIP } = boot();
    const [emptyIP] = runCommands(cluster, ["kubectl get svc empty -o jsonpath='{.spec.clusterIP}'"]);
    const before = cluster.sim.nowMs;
    const [empty, wrongPort, silent, external] = runCommands(cluster, [`curl ${emptyIP.stdout}`, `curl ${podIP}:8080`, 'curl --connect-timeout 3 http://10.0.9.9/', 'curl -LO https://dl.k8s.io/release/stable.txt']);
    expect(empty).toEqual({ exit: 7, stdout: '', stderr: `curl: (7) Failed to connect to ${emptyIP.stdout} port 80 after 0 ms: Couldn't connect to server\n` });
    expect(wrongPort.stderr).toBe(`curl: (7) Failed to connect to ${podIP} port 8080 after 0 ms: Couldn't connect to server\n`);
    expect(silent).toEqual({ exit: 28, stdout: '', stderr: 'curl: (28) Failed to connect to 10.0.9.9 port 80 after 3000 ms: Timeout was reached\n' });
    expect(cluster.sim.nowMs - before).toBeGreaterThanOrEqual(3000);
    expect(external).toEqual({ exit: 6, stdout: '', stderr: 'curl: (6) Could not resolve host: dl.k8s.io\n' });
  });

  it("binds each kube-proxy to its node's InternalIP (the control plane's too)", () => {
    const { cluster } = boot();
    const [wide] = runCommands(cluster, ["kubectl get nodes -o jsonpath='{range .items[*]}{.metadata.name}={.status.addresses[0].address} {end}'"]);
    const proxies = ['control-plane', 'node-1', 'node-2'].map((n) => `${n}=${cluster.component<KubeProxy>(`kube-proxy/${n}`)!.nodeIP}`);
    expect(wide.stdout.trim().split(' ')).toEqual(proxies);
  });
});
