// Mirrors kubernetes pkg/scheduler/testing/wrappers.go (MakePod, MakeNode), reduced: builders of
// complete Pod and Node objects for scheduler tests (no API defaulting is assumed).
import type { OwnerReference } from 'kubernetes-types/meta/v1';
import type { Container, Node, Pod, Taint, Toleration } from 'kubernetes-types/core/v1';
import { deepFreeze, type Stored } from '../../api/object';

/** Requests as the oracle tables write them: cpuMilli, memory (bytes), extended names. */
export type RequestTable = Record<string, number>;

let uidCounter = 0;

/** makePod builds a frozen pod; `containers` are request tables (a missing key = not requested). */
export function makePod(
  name: string,
  containers: RequestTable[],
  extra: { nodeName?: string; namespace?: string; tolerations?: Toleration[]; nodeSelector?: Record<string, string>; priority?: number; image?: string; labels?: Record<string, string>; ownerReferences?: OwnerReference[]; terminating?: boolean } = {},
): Stored<Pod> {
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: extra.namespace ?? 'default',
      uid: `uid-${name}-${++uidCounter}`,
      resourceVersion: '1',
      labels: extra.labels,
      ownerReferences: extra.ownerReferences,
      deletionTimestamp: extra.terminating ? '2026-01-01T00:00:00Z' : undefined,
    },
    spec: {
      containers: containers.map((requests, i) => container(`c${i}`, requests, extra.image ?? 'registry.k8s.io/pause:3.10')),
      nodeName: extra.nodeName,
      tolerations: extra.tolerations,
      nodeSelector: extra.nodeSelector,
      priority: extra.priority,
      schedulerName: 'default-scheduler',
    },
    status: { phase: 'Pending' },
  };
  return deepFreeze(pod) as Stored<Pod>;
}

function container(name: string, requests: RequestTable, image: string): Container {
  const list: Record<string, string> = {};
  for (const [key, amount] of Object.entries(requests)) {
    if (key === 'cpuMilli') list.cpu = `${amount}m`;
    else list[key] = String(amount);
  }
  return { name, image, resources: { requests: list } };
}

/** makeNode builds a frozen node whose capacity = allocatable (request table form). */
export function makeNode(name: string, allocatable: RequestTable, extra: { labels?: Record<string, string>; taints?: Taint[]; unschedulable?: boolean; pods?: number } = {}): Stored<Node> {
  const list: Record<string, string> = { pods: String(extra.pods ?? 110) };
  for (const [key, amount] of Object.entries(allocatable)) {
    if (key === 'cpuMilli') list.cpu = `${amount}m`;
    else list[key] = String(amount);
  }
  const node: Node = {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, uid: `uid-${name}`, labels: { 'kubernetes.io/hostname': name, ...extra.labels }, resourceVersion: '1' },
    spec: { taints: extra.taints, unschedulable: extra.unschedulable },
    status: { allocatable: list, capacity: list },
  };
  return deepFreeze(node) as Stored<Node>;
}
