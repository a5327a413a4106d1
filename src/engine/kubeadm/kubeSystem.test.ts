import { describe, expect, it } from 'vitest';
import { Cluster } from '../cluster';
import { clusterSpec, nodesFromCount } from '../clusterSpec';
import { DEFAULT_COMPONENTS } from '../components';
import { runCommands } from '../testing/runCommands';

const boot = () => Cluster.boot(clusterSpec({ seed: 9, nodes: nodesFromCount(2), etcdMembers: 1, kubeSystem: true }), DEFAULT_COMPONENTS);
const jsonpath = (expr: string) => `-o jsonpath='${expr}'`;

// What `kubeadm init` (phases controlplane, etcd, mark-control-plane, addons/dns, addons/proxy)
// and `kubeadm join` leave in a v1.32 cluster.
describe('kube-system, as kubeadm leaves it', () => {
  it('has a tainted control-plane node running the control plane as mirrored static pods, CoreDNS and kube-proxy', () => {
    const [nodes, pods, owner, dns, endpoints, ds] = runCommands(boot(), [
      'kubectl get nodes',
      'kubectl get pods -n kube-system -o wide',
      `kubectl get pod -n kube-system kube-apiserver-control-plane ${jsonpath('{.metadata.ownerReferences[0].kind}/{.metadata.ownerReferences[0].name} {.metadata.annotations.kubernetes\\.io/config\\.source} {.spec.hostNetwork}')}`,
      'kubectl get svc -n kube-system kube-dns',
      `kubectl get endpoints -n kube-system kube-dns ${jsonpath('{.subsets[0].addresses[*].ip}')}`,
      'kubectl get ds -n kube-system kube-proxy',
    ]);
    expect(nodes.stdout).toMatch(/^NAME +STATUS +ROLES +AGE +VERSION\ncontrol-plane +Ready +control-plane +59s +v1\.32\.4\nnode-1 +Ready +<none> +39s +v1\.32\.4\nnode-2 +Ready +<none> +39s +v1\.32\.4\n$/);
    const rows = pods.stdout.trim().split('\n').slice(1).map((line) => line.split(/\s+/));
    expect(rows.map((r) => r[0].replace(/^(coredns)-[a-z0-9]{8,10}-[a-z0-9]{5}$/, '$1').replace(/^(kube-proxy)-[a-z0-9]{5}$/, '$1'))).toEqual([
      'coredns', 'coredns', 'etcd-control-plane', 'kube-apiserver-control-plane', 'kube-controller-manager-control-plane',
      'kube-proxy', 'kube-proxy', 'kube-proxy', 'kube-scheduler-control-plane',
    ]);
    expect(rows.every((r) => r[1] === '1/1' && r[2] === 'Running')).toBe(true);
    // CoreDNS was scheduled before the workers joined: both replicas on the control plane.
    expect(rows.filter((r) => r[0].startsWith('coredns')).map((r) => `${r[5]} ${r[6]}`).sort()).toEqual(['10.244.0.2 control-plane', '10.244.0.3 control-plane']);
    expect(rows.filter((r) => r[0].startsWith('kube-proxy')).map((r) => r[5]).sort()).toEqual(['10.0.0.2', '10.0.1.1', '10.0.1.2']);
    expect(owner.stdout).toBe('Node/control-plane file true');
    expect(dns.stdout).toMatch(/\nkube-dns +ClusterIP +10\.96\.0\.10 +<none> +53\/UDP,53\/TCP,9153\/TCP +/);
    expect(endpoints.stdout.split(' ').sort()).toEqual(['10.244.0.2', '10.244.0.3']);
    expect(ds.stdout).toMatch(/\nkube-proxy +3 +3 +3 +3 +3 +kubernetes\.io\/os=linux +/);
  });

  it('shows CoreDNS in cluster-info (one line per cluster Service, through its first port) and the components\' logs', () => {
    const [info, logs] = runCommands(boot(), ['kubectl cluster-info', 'kubectl logs -n kube-system -l component=kube-scheduler --tail=100']);
    expect(info.stdout).toBe(`Kubernetes control plane is running at https://10.0.0.2:6443
CoreDNS is running at https://10.0.0.2:6443/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy

To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.
`);
    expect(logs.stdout).toMatch(/^I1231 23:59:\d\d\.\d{6} {7}1 serving\.go:386\] Generated self-signed cert in-memory\n/);
    expect(logs.stdout).toContain('leaderelection.go:257] attempting to acquire leader lease kube-system/kube-scheduler...\n');
  });

  it('keeps user pods off the control plane: FailedScheduling counts its untolerated taint', () => {
    const overrides = JSON.stringify({ spec: { containers: [{ name: 'big', image: 'nginx:1.27.3', resources: { requests: { cpu: '3' } } }] } });
    const [, , placed, events] = runCommands(boot(), [
      `kubectl run big --image=nginx:1.27.3 --overrides='${overrides}'`,
      { run: `kubectl run huge --image=nginx:1.27.3 --overrides='${overrides.replace('"3"', '"9"')}'`, advanceMs: 5_000 },
      { run: `kubectl get pod big ${jsonpath('{.spec.nodeName}')}`, advanceMs: 5_000 },
      'kubectl get events --field-selector involvedObject.name=huge,reason=FailedScheduling',
    ]);
    expect(placed.stdout).toMatch(/^node-[12]$/);
    expect(events.stdout).toContain('0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.');
  });

  it('re-creates a deleted mirror pod, as the kubelet does for its static pods', () => {
    const [deleted, back] = runCommands(boot(), [
      'kubectl delete pod -n kube-system kube-scheduler-control-plane --wait=false',
      { run: `kubectl get pod -n kube-system kube-scheduler-control-plane ${jsonpath('{.metadata.annotations.kubernetes\\.io/config\\.mirror}')}`, advanceMs: 40_000 },
    ]);
    expect(deleted.stdout).toBe('pod "kube-scheduler-control-plane" deleted\n');
    expect(back.stdout).toMatch(/^[0-9a-f]{32}$/);
  });
});
