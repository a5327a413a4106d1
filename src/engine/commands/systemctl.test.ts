import { describe, expect, it } from 'vitest';
import type { Node } from 'kubernetes-types/core/v1';
import { Cluster } from '../cluster';
import { clusterSpec, nodesFromCount } from '../clusterSpec';
import { DEFAULT_COMPONENTS } from '../components';
import type { Kubelet } from '../kubelet/kubelet';
import { runCommands } from '../testing/runCommands';

const boot = () => Cluster.boot(clusterSpec({ seed: 4, nodes: nodesFromCount(2), etcdMembers: 1, kubeSystem: true }), DEFAULT_COMPONENTS);

function readyOf(cluster: Cluster, name: string) {
  const [got] = runCommands(cluster, [`kubectl get node ${name} -o json`]);
  return (JSON.parse(got.stdout) as Node).status?.conditions?.find((c) => c.type === 'Ready');
}

// The seeds' NotReady runbook (systemctl status kubelet / containerd, systemctl restart kubelet)
// on kubeadm's units, and what stopping containerd does to the node (pkg/kubelet/runtime.go).
describe('systemctl', () => {
  it('shows the kubelet unit as systemd 255 does, with its last journal lines', () => {
    const [status] = runCommands(boot(), [{ run: 'systemctl status kubelet', advanceMs: 60_000 }]);
    expect(status.exit).toBe(0);
    const lines = status.stdout.split('\n');
    expect(lines[0]).toBe('● kubelet.service - kubelet: The Kubernetes Node Agent');
    expect(lines[1]).toBe('     Loaded: loaded (/usr/lib/systemd/system/kubelet.service; enabled; preset: enabled)');
    expect(lines[2]).toBe('    Drop-In: /usr/lib/systemd/system/kubelet.service.d');
    expect(lines[3]).toBe('             └─10-kubeadm.conf');
    expect(lines[4]).toMatch(/^ {5}Active: active \(running\) since \w{3} \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC; 1min \d+s ago$/);
    expect(lines[6]).toMatch(/^ {3}Main PID: (\d+) \(kubelet\)$/);
    expect(status.stdout).toContain('     CGroup: /system.slice/kubelet.service\n');
    expect(status.stdout).toMatch(/control-plane kubelet\[\d+\]: I\d{4} [\d:.]+ +\d+ kubelet_node_status.go:78\] "Successfully registered node" node="control-plane"\n$/);
  });

  it('stopping containerd leaves the containers running but makes the node NotReady: container runtime is down', () => {
    const cluster = boot();
    const [created] = runCommands(cluster, ['kubectl create deployment web --image=nginx:1.27 --replicas=2']);
    expect(created.exit).toBe(0);
    cluster.runUntil(cluster.sim.nowMs + 40_000);
    const kubelet = cluster.component<Kubelet>('kubelet/node-1')!;
    const running = kubelet.runtime.runningContainers();
    expect(running).toBeGreaterThan(0);
    const stoppedAt = cluster.sim.nowMs;
    const [stop, active, status] = runCommands(cluster, ['ssh node-1 systemctl stop containerd', 'ssh node-1 systemctl is-active containerd', 'ssh node-1 systemctl status containerd']);
    expect(stop).toMatchObject({ exit: 0, stdout: '', stderr: '' });
    expect(active).toMatchObject({ exit: 3, stdout: 'inactive\n' });
    expect(status.exit).toBe(3);
    expect(status.stdout).toMatch(/^○ containerd.service - containerd container runtime\n/);
    expect(status.stdout).toMatch(/\n {5}Active: inactive \(dead\) since .*; \d+ms ago\n {3}Duration: /);
    expect(status.stdout).toMatch(/\n {3}Main PID: \d+ \(code=exited, status=0\/SUCCESS\)\n/);
    // Within the 30 s grace the node stays Ready; a status update after it reports the runtime down.
    cluster.runUntil(stoppedAt + 25_000);
    expect(readyOf(cluster, 'node-1')?.status).toBe('True');
    cluster.runUntil(stoppedAt + 50_000);
    expect(readyOf(cluster, 'node-1')).toMatchObject({ status: 'False', reason: 'KubeletNotReady', message: 'container runtime is down' });
    expect(kubelet.runtime.runningContainers()).toBe(running);
    const pod = kubelet.runtime.listContainers().find((c) => c.podName.startsWith('web-'))!;
    const [logs, exec] = runCommands(cluster, [`kubectl logs ${pod.podName}`, `kubectl exec ${pod.podName} -- true`]);
    expect(logs).toMatchObject({ exit: 1, stderr: `Error from server (BadRequest): unable to retrieve container logs for containerd://${pod.id}\n` });
    expect(exec.stderr).toMatch(/^error: unable to upgrade connection: rpc error: code = Unavailable desc = connection error: /);
    // After 3 minutes without a relist the PLEG check fails too.
    cluster.runUntil(stoppedAt + 200_000);
    expect(readyOf(cluster, 'node-1')?.message).toMatch(/^\[container runtime is down, PLEG is not healthy: pleg was last seen active 3m\d+(\.\d+)?s ago; threshold is 3m0s\]$/);
    const [journal, start] = runCommands(cluster, ['ssh node-1 journalctl -u kubelet -n 3 --no-pager', 'ssh node-1 systemctl start containerd']);
    expect(journal.stdout).toMatch(/kubelet\.go:2412\] "Skipping pod synchronization" err="\[container runtime is down, PLEG is not healthy: /);
    expect(journal.stdout).toContain('"Container runtime sanity check failed" err="rpc error: code = Unavailable desc = connection error: desc = \\"transport: Error while dialing: dial unix /run/containerd/containerd.sock: connect: no such file or directory\\""');
    expect(start.exit).toBe(0);
    cluster.runUntil(cluster.sim.nowMs + 20_000);
    expect(readyOf(cluster, 'node-1')).toMatchObject({ status: 'True', reason: 'KubeletReady' });
    const [events] = runCommands(cluster, ['kubectl get events --field-selector involvedObject.name=node-1 -o custom-columns=REASON:.reason --no-headers']);
    expect(events.stdout).toContain('NodeNotReady\n');
  });

  it('restarts the kubelet with a new PID and logs the stop and the start', () => {
    const cluster = boot();
    const kubelet = cluster.component<Kubelet>('kubelet/node-2')!;
    const before = kubelet.process.pid;
    const [restart, journal] = runCommands(cluster, [
      { run: 'ssh node-2 systemctl restart kubelet', advanceMs: 5_000 },
      { run: 'ssh node-2 journalctl -u kubelet.service -o cat -n 9', advanceMs: 2_000 },
    ]);
    expect(restart.exit).toBe(0);
    expect(kubelet.running).toBe(true);
    expect(kubelet.process.pid).toBeGreaterThan(before);
    expect(journal.stdout.split('\n').slice(0, 5)).toEqual([
      'Stopping kubelet.service - kubelet: The Kubernetes Node Agent...',
      'kubelet.service: Deactivated successfully.',
      'Stopped kubelet.service - kubelet: The Kubernetes Node Agent.',
      expect.stringMatching(/^kubelet\.service: Consumed [\d.]+m?s CPU time\.$/),
      'Started kubelet.service - kubelet: The Kubernetes Node Agent.',
    ]);
    expect(journal.stdout).toContain('"Node was previously registered" node="node-2"');
  });

  it('answers unknown units and verbs as systemctl does', () => {
    const [status, start, active, verb, list] = runCommands(boot(), ['systemctl status docker', 'systemctl start docker', 'systemctl is-active docker', 'systemctl frobnicate kubelet', 'systemctl list-units --type=service']);
    expect(status).toMatchObject({ exit: 4, stderr: 'Unit docker.service could not be found.\n' });
    expect(start).toMatchObject({ exit: 5, stderr: 'Failed to start docker.service: Unit docker.service not found.\n' });
    expect(active).toMatchObject({ exit: 3, stdout: 'inactive\n' });
    expect(verb).toMatchObject({ exit: 1, stderr: "Unknown command verb 'frobnicate'.\n" });
    expect(list.stdout).toMatch(/^ {2}UNIT {15}LOAD {3}ACTIVE SUB {5}DESCRIPTION\n {2}containerd.service loaded active running containerd container runtime\n/);
  });
});
