import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { Deployment } from 'kubernetes-types/apps/v1';
import { milliValue, value } from '../engine/api/quantity';
import type { Cluster } from '../engine/cluster';
import { podStatusCells } from '../engine/kubectl/printers/table/printPod';
import type { RaftView } from '../engine/etcd/memberView';
import type { HpaView } from './hpa';
import type { RolloutView } from './rollout';

/** PodView is one pod chip: what `kubectl get pods -o wide` would say about it. */
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
  taints: string[];
  cpuAllocatableMilli: number;
  cpuRequestedMilli: number;
  memoryAllocatableBytes: number;
  memoryRequestedBytes: number;
  /** running is whether the simulated machine is up (`sim node stop` turns it off). */
  running: boolean;
  pods: PodView[];
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
}

/**
 * clusterView reads the apiserver's watch caches (what `kubectl get` would list) into a
 * ClusterView. It is plain data so it can cross the Web Worker boundary and be kept as a timeline
 * snapshot.
 */
export function clusterView(cluster: Cluster): ClusterView {
  const nowMs = cluster.sim.nowMs;
  const pods = list<Pod>(cluster, 'pods');
  const replicaSetOwners = new Map<string, string>();
  for (const rs of list<{ metadata?: { namespace?: string; name?: string; ownerReferences?: Array<{ controller?: boolean; name: string }> } }>(cluster, 'replicasets')) {
    const owner = rs.metadata?.ownerReferences?.find((o) => o.controller)?.name;
    if (owner) replicaSetOwners.set(`${rs.metadata?.namespace}/${rs.metadata?.name}`, owner);
  }
  const byNode = new Map<string, PodView[]>();
  const pending: PodView[] = [];
  for (const pod of pods) {
    const view = podView(pod, nowMs, replicaSetOwners);
    if (!view.node) pending.push(view);
    else (byNode.get(view.node) ?? byNode.set(view.node, []).get(view.node)!).push(view);
  }
  const raft = cluster.etcd.raftViews();
  const env = cluster.shellEnv();
  const running = (name: string) => env.nodeAgent(name)?.running ?? true;
  const nodes = list<Node>(cluster, 'nodes').map((node) => nodeView(node, pods, byNode.get(node.metadata?.name ?? '') ?? [], running));
  return {
    t: nowMs,
    nodes,
    pending,
    deployments: list<Deployment>(cluster, 'deployments').map(deploymentView),
    etcd: raft.map((m) => ({ name: m.name, running: m.running, isLeader: m.state === 'StateLeader', term: m.term, index: m.commit })),
    raft,
    podCount: pods.length,
  };
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

function nodeView(node: Node, pods: Pod[], views: PodView[], running: (name: string) => boolean): NodeView {
  const name = node.metadata?.name ?? '';
  let cpu = 0;
  let memory = 0;
  for (const pod of pods) {
    if (pod.spec?.nodeName !== name || pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') continue;
    for (const c of pod.spec?.containers ?? []) {
      cpu += milliValue(c.resources?.requests?.cpu ?? 0);
      memory += value(c.resources?.requests?.memory ?? 0);
    }
  }
  return {
    name,
    ready: node.status?.conditions?.find((c) => c.type === 'Ready')?.status ?? 'Unknown',
    unschedulable: node.spec?.unschedulable === true,
    taints: (node.spec?.taints ?? []).map((t) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`),
    cpuAllocatableMilli: milliValue(node.status?.allocatable?.cpu ?? 0),
    cpuRequestedMilli: cpu,
    memoryAllocatableBytes: value(node.status?.allocatable?.memory ?? 0),
    memoryRequestedBytes: memory,
    running: running(name),
    pods: views,
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
