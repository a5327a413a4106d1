import { describe, expect, it } from 'vitest';
import { Cluster } from '../cluster';
import { clusterSpec, nodesFromCount } from '../clusterSpec';
import { DEFAULT_COMPONENTS } from '../components';
import type { Kubelet } from '../kubelet/kubelet';
import { runCommands } from '../testing/runCommands';

const boot = () => Cluster.boot(clusterSpec({ seed: 4, nodes: nodesFromCount(1), etcdMembers: 1, kubeSystem: true }), DEFAULT_COMPONENTS);

// cri-tools v1.32 cmd/crictl container.go / sandbox.go / image.go table output.
describe('crictl', () => {
  it('lists the node\'s running containers, sandboxes and images like crictl ps/pods/images', () => {
    const cluster = boot();
    const [, ps, pods, images] = runCommands(cluster, [
      'kubectl run web --image=nginx:1.27',
      { run: 'ssh node-1 crictl ps', advanceMs: 120_000 },
      'ssh node-1 crictl pods --namespace default',
      'ssh node-1 crictl images',
    ]);
    const kubelet = cluster.component<Kubelet>('kubelet/node-1')!;
    const web = kubelet.runtime.listContainers().find((c) => c.podName === 'web')!;
    const [header, ...rows] = ps.stdout.trimEnd().split('\n');
    // Go's tabwriter: every column at least 20 wide, padded 3 past its widest cell.
    expect(header).toMatch(/^CONTAINER {11}IMAGE {15}CREATED {13,}STATE {15}NAME {16}ATTEMPT {13}POD ID {14}POD {17}NAMESPACE$/);
    const webRow = rows.find((r) => r.startsWith(web.id.slice(0, 13)))!;
    const created = `${Math.floor((cluster.sim.nowMs - web.createdAtMs) / 60_000) === 1 ? 'About a minute' : `${Math.floor((cluster.sim.nowMs - web.createdAtMs) / 60_000)} minutes`} ago`;
    expect(webRow.split(/\s{2,}/)).toEqual([web.id.slice(0, 13), expect.stringMatching(/^[0-9a-f]{13}$/), created, 'Running', 'web', '0', web.sandboxId.slice(0, 13), 'web', 'default']);
    expect(rows.some((r) => r.includes('kube-proxy'))).toBe(true);
    expect(pods.stdout.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/^POD ID {14}CREATED {13,}STATE {15}NAME {16}NAMESPACE {11}ATTEMPT {13}RUNTIME$/),
      expect.stringMatching(new RegExp(`^${web.sandboxId.slice(0, 13)} {7}\\S.* ago {3,}Ready {15}web {17}default {13}0 {19}\\(default\\)$`)),
    ]);
    expect(images.stdout).toMatch(/\ndocker\.io\/library\/nginx +1\.27 +[0-9a-f]{13} +\d+(\.\d)?MB\n/);
    expect(images.stdout).toMatch(/\nregistry\.k8s\.io\/pause +3\.10 +[0-9a-f]{13} +\d+kB\n/);
  });

  it('prints a container\'s log by ID prefix, the same text kubectl logs shows', () => {
    const cluster = boot();
    runCommands(cluster, [{ run: 'kubectl run hello --image=busybox:1.36 --restart=Never -- sh -c "echo hello from busybox"', advanceMs: 0 }]);
    cluster.runUntil(cluster.sim.nowMs + 60_000);
    const id = cluster.component<Kubelet>('kubelet/node-1')!.runtime.listContainers().find((c) => c.podName === 'hello')!.id;
    const [crictlLogs, kubectlLogs, running, exited, missing] = runCommands(cluster, [`ssh node-1 crictl logs ${id.slice(0, 6)}`, 'kubectl logs hello', 'ssh node-1 crictl ps --name ^hello$ -q', 'ssh node-1 crictl ps -a --name ^hello$ -q', 'ssh node-1 crictl logs 0000']);
    expect(crictlLogs.stdout).toBe('hello from busybox\n');
    expect(crictlLogs.stdout).toBe(kubectlLogs.stdout);
    // It has exited: only -a lists it.
    expect(running.stdout).toBe('');
    expect(exited.stdout).toBe(`${id}\n`);
    expect(missing).toMatchObject({ exit: 1, stderr: 'FATA[0000] rpc error: code = NotFound desc = an error occurred when try to find container "0000": not found\n' });
  });

  it('cannot connect while containerd is stopped, and reports the runtime version when it runs', () => {
    const [version, stop, ps, unknown] = runCommands(boot(), ['ssh node-1 crictl version', 'ssh node-1 systemctl stop containerd', 'ssh node-1 crictl ps', 'crictl frobnicate']);
    expect(version.stdout).toBe('Version:  0.1.0\nRuntimeName:  containerd\nRuntimeVersion:  v1.7.24\nRuntimeApiVersion:  v1\n');
    expect(stop.exit).toBe(0);
    expect(ps).toMatchObject({
      exit: 1,
      stderr: 'FATA[0000] validate service connection: validate CRI v1 runtime API for endpoint "unix:///run/containerd/containerd.sock": rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing: dial unix /run/containerd/containerd.sock: connect: no such file or directory"\n',
    });
    expect(unknown).toMatchObject({ exit: 3, stderr: "No help topic for 'frobnicate'\n" });
  });
});
