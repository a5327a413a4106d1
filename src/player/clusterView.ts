import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { Deployment } from 'kubernetes-types/apps/v1';
import { milliValue, value } from '../engine/api/quantity';
import type { Cluster } from '../engine/cluster';
import { podStatusCells } from '../engine/kubectl/printers/table/printPod';
import type { RaftView } from '../engine/etcd/memberView';
import type { HpaView } from './hpa';
import type { RolloutView } from './rollout';

/** PodView is one pod chip: what `kubectl get pods -o wide` would say about it. */
/** NODE_ROLE_PREFIX: kubectl's ROLES column reads labels with this prefix. */
const NODE_ROLE_PREFIX = 'node-role.kubernetes.io/';

export interface PodView {
  namespace: string;
  name: string;
  phase: string;
  /** status is the STATUS column as printPod computes it (ContainerCreating, CrashLoopBackOff, ...). */
  status: string;
  ready: string;
  restarts: string;
  node: string;
  /** owner is the controlling Deployment (via its ReplicaSet) or the direct owner's name. */
  owner: string;
  /** controller is the direct controlling owner's name (the ReplicaSet of a Deployment's pod). */
  controller: string;
}

export interface NodeView {
  name: string;
  /** ready is the Ready condition's status: True, False or Unknown. */
  ready: string;
  unschedulable: boolean;
  /** roles are the ROLES column: the node-role.kubernetes.io/<role> labels (control-plane). */
  roles: string[];
  taints: string[];
  cpuAllocatableMilli: number;
  cpuRequestedMilli: number;
  memoryAllocatableBytes: number;
  memoryRequestedBytes: number;
  /** running is whether the simulated machine is up (`sim node stop` turns it off). */
  running: boolean;
  /** runtimeRunning: containerd is up (`systemctl stop containerd` stops it; the containers keep running). */
  runtimeRunning: boolean;
  /** pressure: the node's pressure conditions that are True (MemoryPressure, DiskPressure, PIDPressure). */
  pressure: string[];
  /** pods are the chips (empty in the aggregated view of a large cluster, where counts tell). */
  pods: PodView[];
  /** counts are the node's pods by tone (always filled). */
  counts: Record<PodTone, number>;
}

/** PodTone groups pod states by what the learner should notice (the chips' colours). */
export type PodTone = 'running' | 'progress' | 'failing' | 'done' | 'terminating' | 'unknown';

/** AGGREGATE_ABOVE_PODS / _NODES: beyond these the map shows counts per node instead of chips. */
export const AGGREGATE_ABOVE_PODS = 300;
export const AGGREGATE_ABOVE_NODES = 50;

const FAILING_REASON = /BackOff|Err|Error|OOMKilled|Invalid|ContainerStatusUnknown/;

/** podToneOf classifies a pod from its status without printing it (cheap, for large clusters). */
export function podToneOf(pod: Pod): PodTone {
  if (pod.metadata?.deletionTimestamp) return 'terminating';
  const phase = pod.status?.phase;
  if (phase === 'Succeeded') return 'done';
  if (phase === 'Failed') return 'failing';
  const statuses = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])];
  if (statuses.some((c) => FAILING_REASON.test(c.state?.waiting?.reason ?? '') || (c.state?.terminated && c.state.terminated.exitCode !== 0))) return 'failing';
  if (phase === 'Running') return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ? 'running' : 'progress';
  return phase === 'Pending' || phase === undefined ? 'progress' : 'unknown';
}

export interface DeploymentView {
  namespace: string;
  name: string;
  replicas: number;
  ready: number;
  updated: number;
  available: number;
  image: string;
}

export interface EtcdMemberState {
  name: string;
  running: boolean;
  isLeader: boolean;
  term: number;
  index: number;
  /** fsyncMs: its disk's fdatasync time when `sim etcd disk` slowed it (absent on a normal disk). */
  fsyncMs?: number;
}

/** ClusterView is the plain-data picture of the cluster at one sim time that the map draws. */
export interface ClusterView {
  t: number;
  nodes: NodeView[];
  /** pending are pods not bound to a node yet. */
  pending: PodView[];
  deployments: DeploymentView[];
  etcd: EtcdMemberState[];
  /** raft is every etcd member's Raft state (the Raft diagram). */
  raft: RaftView[];
  podCount: number;
  /** rollouts are the rollout diagrams' data (added by the engine host; small clusters only). */
  rollouts?: RolloutView[];
  /** hpas are the HPA charts' data (added by the engine host). */
  hpas?: HpaView[];
  /** aggregated: a large cluster, drawn as cells with counts (nodes carry no chips). */
  aggregated: boolean;
  /** pendingCount is every unscheduled pod (pending lists at most PENDING_SHOWN of them). */
  pendingCount: number;
  /** slowRequestMs: the apiserver's slowest request over 500 ms in the last 10 s (its log has the trace). */
  slowRequestMs?: number;
}

/** SLOW_WINDOW_MS: how far back the apiserver's slow-request badge looks. */
const SLOW_WINDOW_MS = 10_000;

const PENDING_SHOWN = 60;

/**
 * clusterView reads the apiserver's watch caches (what `kubectl get` would list) into a
 * ClusterView. It is plain data so it can cross the Web Worker boundary and be kept as a timeline
 * snapshot.
 */
export function clusterView(cluster: Cluster): ClusterView {
  const nowMs = cluster.sim.nowMs;
  const pods = list<Pod>(cluster, 'pods');
  const nodeObjects = list<Node>(cluster, 'nodes');
  const aggregated = pods.length > AGGREGATE_ABOVE_PODS || nodeObjects.length > AGGREGATE_ABOVE_NODES;
  const replicaSetOwners = new Map<string, string>();
  if (!aggregated) {
    for (const rs of list<{ metadata?: { namespace?: string; name?: string; ownerReferences?: Array<{ controller?: boolean; name: string }> } }>(cluster, 'replicasets')) {
      const owner = rs.metadata?.ownerReferences?.find((o) => o.controller)?.name;
      if (owner) replicaSetOwners.set(`${rs.metadata?.namespace}/${rs.metadata?.name}`, owner);
    }
  }
  // One pass over the pods: chips (small clusters), counts and requested resources per node.
  const perNode = new Map<string, { pods: PodView[]; counts: Record<PodTone, number>; cpu: number; memory: number }>();
  const pending: PodView[] = [];
  let pendingCount = 0;
  for (const pod of pods) {
    const node = pod.spec?.nodeName ?? '';
    if (!node) {
      pendingCount++;
      if (pending.length < PENDING_SHOWN) pending.push(podView(pod, nowMs, replicaSetOwners));
      continue;
    }
    let entry = perNode.get(node);
    if (!entry) perNode.set(node, (entry = { pods: [], counts: emptyCounts(), cpu: 0, memory: 0 }));
    entry.counts[podToneOf(pod)]++;
    if (!aggregated) entry.pods.push(podView(pod, nowMs, replicaSetOwners));
    if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') continue;
    for (const c of pod.spec?.containers ?? []) {
      entry.cpu += milliValue(c.resources?.requests?.cpu ?? 0);
      entry.memory += value(c.resources?.requests?.memory ?? 0);
    }
  }
  const raft = cluster.etcd.raftViews();
  const env = cluster.shellEnv();
  const running = (name: string) => env.nodeAgent(name)?.running ?? true;
  const runtimeRunning = (name: string) => env.nodeAgent(name)?.runtime?.service.active ?? true;
  const nodes = nodeObjects.map((node) => nodeView(node, perNode.get(node.metadata?.name ?? ''), running, runtimeRunning));
  const slowRequestMs = cluster.apiserver.slowestRequestSince(nowMs - SLOW_WINDOW_MS);
  return {
    ...(slowRequestMs !== undefined ? { slowRequestMs } : {}),
    t: nowMs,
    nodes,
    pending,
    pendingCount,
    aggregated,
    deployments: list<Deployment>(cluster, 'deployments').map(deploymentView),
    etcd: raft.map((m) => ({ name: m.name, running: m.running, isLeader: m.state === 'StateLeader', term: m.term, index: m.commit, ...(m.fsyncMs > 0 ? { fsyncMs: m.fsyncMs } : {}) })),
    raft,
    podCount: pods.length,
  };
}

function emptyCounts(): Record<PodTone, number> {
  return { running: 0, progress: 0, failing: 0, done: 0, terminating: 0, unknown: 0 };
}

function list<T>(cluster: Cluster, resource: string): T[] {
  const listed = cluster.apiserver.ctx.cachers.get(resource)?.list({});
  return listed?.ok ? (listed.items as T[]) : [];
}

function podView(pod: Pod, nowMs: number, replicaSetOwners: Map<string, string>): PodView {
  const [ready, status, restarts] = podStatusCells(pod, nowMs);
  const namespace = pod.metadata?.namespace ?? '';
  const direct = pod.metadata?.ownerReferences?.find((o) => o.controller);
  const owner = direct ? (direct.kind === 'ReplicaSet' ? replicaSetOwners.get(`${namespace}/${direct.name}`) ?? direct.name : direct.name) : '';
  return { namespace, name: pod.metadata?.name ?? '', phase: pod.status?.phase ?? 'Pending', status, ready, restarts, node: pod.spec?.nodeName ?? '', owner, controller: direct?.name ?? '' };
}

function nodeView(node: Node, entry: { pods: PodView[]; counts: Record<PodTone, number>; cpu: number; memory: number } | undefined, running: (name: string) => boolean, runtimeRunning: (name: string) => boolean): NodeView {
  const name = node.metadata?.name ?? '';
  return {
    name,
    ready: node.status?.conditions?.find((c) => c.type === 'Ready')?.status ?? 'Unknown',
    unschedulable: node.spec?.unschedulable === true,
    roles: Object.keys(node.metadata?.labels ?? {}).filter((k) => k.startsWith(NODE_ROLE_PREFIX)).map((k) => k.slice(NODE_ROLE_PREFIX.length)).sort(),
    taints: (node.spec?.taints ?? []).map((t) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`),
    cpuAllocatableMilli: milliValue(node.status?.allocatable?.cpu ?? 0),
    cpuRequestedMilli: entry?.cpu ?? 0,
    memoryAllocatableBytes: value(node.status?.allocatable?.memory ?? 0),
    memoryRequestedBytes: entry?.memory ?? 0,
    running: running(name),
    runtimeRunning: runtimeRunning(name),
    pressure: (node.status?.conditions ?? []).filter((c) => c.type.endsWith('Pressure') && c.status === 'True').map((c) => c.type),
    pods: entry?.pods ?? [],
    counts: entry?.counts ?? emptyCounts(),
  };
}

function deploymentView(d: Deployment): DeploymentView {
  return {
    namespace: d.metadata?.namespace ?? '',
    name: d.metadata?.name ?? '',
    replicas: d.spec?.replicas ?? 0,
    ready: d.status?.readyReplicas ?? 0,
    updated: d.status?.updatedReplicas ?? 0,
    available: d.status?.availableReplicas ?? 0,
    image: d.spec?.template?.spec?.containers?.[0]?.image ?? '',
  };
}
