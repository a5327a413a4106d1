// The kubelet's eviction manager (pkg/kubelet/eviction, v1.32) under kubeadm's hard threshold
// memory.available<100Mi: MemoryPressure, the memory-pressure taint, and the pod that uses the
// most memory above its request evicted with helpers.go's message.
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../cluster';
import { clusterSpec, nodesFromCount } from '../../clusterSpec';
import { DEFAULT_COMPONENTS } from '../../components';
import { runCommands } from '../../testing/runCommands';

function pressured() {
  const cluster = Cluster.boot(clusterSpec({ seed: 14, nodes: nodesFromCount(1), etcdMembers: 1 }), DEFAULT_COMPONENTS);
  runCommands(cluster, [
    'kubectl create deployment hog --image=nginx:1.27',
    'kubectl create deployment web --image=nginx:1.27',
    { run: 'sim load deployment/hog --memory=7500Mi', advanceMs: 30_000 },
    { run: 'true', advanceMs: 15_000 },
  ]);
  return cluster;
}

describe('eviction under memory pressure', () => {
  it('evicts the pod over its request by the most, with the kubelet message, status and event', () => {
    const cluster = pressured();
    const [failed, events, web] = runCommands(cluster, [
      "kubectl get pods --field-selector=status.phase=Failed -o jsonpath='{range .items[*]}{.metadata.labels.app} {.status.reason} {.status.message}|{.status.conditions[?(@.type==\"DisruptionTarget\")].reason}{\"\\n\"}{end}'",
      "kubectl get events --field-selector reason=Evicted -o jsonpath='{range .items[*]}{.type} {.source.component}{\"\\n\"}{end}'",
      "kubectl get pods -l app=web -o jsonpath='{.items[*].status.phase}'",
    ]);
    const [line] = failed.stdout.split('\n');
    expect(line).toMatch(/^hog Evicted The node was low on resource: memory\. Threshold quantity: 100Mi, available: \d+(Ki|Mi)\. Container nginx was using \d+(Ki|Mi), request is 0, has larger consumption of memory\. \|TerminationByKubelet$/);
    expect(events.stdout.split('\n')[0]).toBe('Warning kubelet');
    expect(web.stdout).toBe('Running');
  });

  it('reports MemoryPressure, and the node lifecycle controller taints the node NoSchedule', () => {
    const cluster = pressured();
    const [condition, taints, recorded] = runCommands(cluster, [
      "kubectl get node node-1 -o jsonpath='{.status.conditions[?(@.type==\"MemoryPressure\")].status} {.status.conditions[?(@.type==\"MemoryPressure\")].reason}'",
      "kubectl get node node-1 -o jsonpath='{.spec.taints[*].key}'",
      "kubectl get events --field-selector reason=NodeHasInsufficientMemory -o jsonpath='{.items[0].message}'",
    ]);
    expect(condition.stdout).toBe('True KubeletHasInsufficientMemory');
    expect(taints.stdout).toContain('node.kubernetes.io/memory-pressure');
    expect(recorded.stdout).toBe('Node node-1 status is now: NodeHasInsufficientMemory');
  });

  it('keeps MemoryPressure for the 5-minute transition period after the threshold was last met', () => {
    const cluster = pressured();
    runCommands(cluster, ['sim load deployment/hog --memory=0']);
    const status = () => runCommands(cluster, ["kubectl get node node-1 -o jsonpath='{.status.conditions[?(@.type==\"MemoryPressure\")].status}'"])[0].stdout;
    cluster.runUntil(cluster.sim.nowMs + 4 * 60_000);
    expect(status()).toBe('True');
    cluster.runUntil(cluster.sim.nowMs + 2 * 60_000);
    expect(status()).toBe('False');
  });
});
