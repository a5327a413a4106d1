import { describe, expect, it } from 'vitest';
import { Cluster } from '../cluster';
import { clusterSpec, nodesFromCount } from '../clusterSpec';
import { DEFAULT_COMPONENTS } from '../components';
import { runCommands } from '../testing/runCommands';

const boot = (kubeSystem: boolean) => Cluster.boot(clusterSpec({ seed: 9, nodes: nodesFromCount(2), etcdMembers: 1, kubeSystem }), DEFAULT_COMPONENTS);
const POD = '-n kube-system kube-scheduler-control-plane';
const FIELDS = "-o jsonpath='{.metadata.uid} {.status.containerStatuses[0].containerID} {.status.containerStatuses[0].restartCount} {.status.containerStatuses[0].state.running.startedAt}'";

// On a kubeadm cluster the replicas are static pods: stopping one is what an admin does with
// `mv /etc/kubernetes/manifests/kube-scheduler.yaml /tmp/`, starting it is moving it back.
describe('sim controlplane stop|start on a kubeadm cluster (kubeSystem)', () => {
  it('stop: the kubelet kills the static pod\'s container, then deletes its mirror pod', () => {
    const [, stopped, listed, gone, events, list] = runCommands(boot(true), [
      `kubectl get pod ${POD}`,
      'sim controlplane stop kube-scheduler',
      { run: 'kubectl get pods -n kube-system -o name', advanceMs: 5_000 },
      `kubectl get pod ${POD}`,
      "kubectl get events -n kube-system --field-selector involvedObject.name=kube-scheduler-control-plane,reason=Killing -o jsonpath='{.items[*].message}'",
      'sim controlplane list',
    ]);
    expect(stopped.stdout).toBe('kube-scheduler stopped (was the leader)\n');
    expect(listed.stdout).not.toContain('pod/kube-scheduler-control-plane\n');
    expect(listed.stdout).toContain('pod/kube-controller-manager-control-plane\n');
    expect(gone.stderr).toBe('Error from server (NotFound): pods "kube-scheduler-control-plane" not found\n');
    expect(events.stdout).toBe('Stopping container kube-scheduler');
    expect(list.stdout).toMatch(/\nkube-scheduler +control-plane +Stopped\n/);
  });

  it('start: the kubelet runs the static pod again (new container, restartCount 0) and re-creates the mirror pod', () => {
    const [before, , started, after, table] = runCommands(boot(true), [
      `kubectl get pod ${POD} ${FIELDS}`,
      'sim controlplane stop kube-scheduler',
      { run: 'sim controlplane start kube-scheduler control-plane', advanceMs: 10_000 },
      { run: `kubectl get pod ${POD} ${FIELDS}`, advanceMs: 20_000 },
      'kubectl get pods -n kube-system',
    ]);
    expect(started.stdout).toBe('kube-scheduler started\n');
    const [oldUid, oldContainer] = before.stdout.split(' ');
    const [uid, container, restarts, startedAt] = after.stdout.split(' ');
    expect(uid).not.toBe(oldUid);
    expect(container).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    expect(container).not.toBe(oldContainer);
    expect(restarts).toBe('0');
    expect(startedAt).toBe('2025-01-01T00:00:10Z');
    expect(table.stdout).toMatch(/\nkube-scheduler-control-plane +1\/1 +Running +0 +20s\n/);
  });

  it('start right after stop: the old container stops first, then the pod starts again', () => {
    const [before, , , after] = runCommands(boot(true), [
      `kubectl get pod ${POD} ${FIELDS}`,
      'sim controlplane stop kube-scheduler',
      'sim controlplane start kube-scheduler all',
      { run: `kubectl get pod ${POD} ${FIELDS}`, advanceMs: 20_000 },
    ]);
    const [oldUid, oldContainer] = before.stdout.split(' ');
    const [uid, container, restarts] = after.stdout.split(' ');
    // The manifest was back before the kubelet's housekeeping found the mirror pod orphaned.
    expect(uid).toBe(oldUid);
    expect(container).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    expect(container).not.toBe(oldContainer);
    expect(restarts).toBe('0');
  });

  it('without kubeSystem there are no static pods: only the process stops and starts', () => {
    const [stopped, pods, list, started] = runCommands(boot(false), [
      'sim controlplane stop kube-scheduler',
      'kubectl get pods -n kube-system',
      'sim controlplane list',
      'sim controlplane start kube-scheduler all',
    ]);
    expect(stopped.stdout).toBe('kube-scheduler stopped (was the leader)\n');
    expect(pods.stderr).toBe('No resources found in kube-system namespace.\n');
    expect(list.stdout).toMatch(/\nkube-scheduler +control-plane +Stopped\n/);
    expect(started.stdout).toBe('kube-scheduler started\n');
  });
});
