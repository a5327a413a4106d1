import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject, Stored } from '../api/object';
import type { Cluster } from '../cluster';
import { type ClusterSpec, clusterSpec, nodesFromCount } from '../clusterSpec';
import { spawn, wait, type Task } from '../sim/task';
import { toRFC3339 } from '../sim/time';

// Helpers for the controller-manager integration tests: pods never get Ready without a kubelet,
// so tests play the kubelet's part through the status subresource.

export const TEST_SPEC: ClusterSpec = clusterSpec({ seed: 7, nodes: nodesFromCount(1), etcdMembers: 1 });

/** request runs one client task to completion on the cluster's clock. */
export function request<T>(cluster: Cluster, task: Task<T>, limitMs = 10_000): T {
  const future = spawn(task);
  cluster.sim.runWhile(() => !future.isSettled, cluster.sim.nowMs + limitMs);
  if (!future.isSettled) throw new Error('request did not finish');
  return future.value;
}

/** list returns the objects of a resource in a namespace, sorted by name. */
export function list<T extends KubeObject>(cluster: Cluster, resource: string, namespace = 'default'): Stored<T>[] {
  const result = request(cluster, (function* () {
    return yield* wait(cluster.admin().list<T>(resource, namespace));
  })());
  if (!result.ok) throw new Error(result.status.message);
  return [...result.object.items].sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
}

export function get<T extends KubeObject>(cluster: Cluster, resource: string, name: string, namespace: string | undefined = 'default'): Stored<T> | undefined {
  const result = request(cluster, (function* () {
    return yield* wait(cluster.admin().get<T>(resource, namespace, name));
  })());
  return result.ok ? result.object : undefined;
}

/**
 * markPodReady does what a kubelet reports once containers run and probes pass: phase Running,
 * a pod IP, and Ready/ContainersReady conditions, written to pods/status.
 */
export function markPodReady(cluster: Cluster, pod: Stored<Pod>, podIP: string): void {
  const now = toRFC3339(cluster.sim.nowMs, cluster.spec.epochMs);
  const condition = (type: string) => ({ type, status: 'True', lastProbeTime: null as unknown as string, lastTransitionTime: now });
  const status = {
    ...pod.status,
    phase: 'Running',
    conditions: [condition('Initialized'), condition('Ready'), condition('ContainersReady'), condition('PodScheduled')],
    podIP,
    podIPs: [{ ip: podIP }],
    startTime: now,
  };
  const result = request(cluster, (function* () {
    return yield* wait(cluster.admin('kubelet').updateStatus('pods', { ...pod, status }));
  })());
  if (!result.ok) throw new Error(result.status.message);
}
