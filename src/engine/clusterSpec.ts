import type { ClientRateLimits } from './client/flowcontrol';
import { DEFAULT_EPOCH_MS } from './sim/time';

/**
 * ClusterSpec is the shape of a simulated cluster, as a scenario's `spec.cluster` describes it
 * (parsed and defaulted). Nodes given as a count are named node-1..node-N.
 */
export interface NodeSpec {
  name: string;
  /** Capacity, as quantities: cpu "4", memory "8Gi", pods "110". */
  cpu: string;
  memory: string;
  pods: string;
  labels: Record<string, string>;
  taints: Array<{ key: string; value?: string; effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute' }>;
  /** role 'control-plane' marks a kubeadm control-plane machine (static pods, tainted NoSchedule). */
  role?: 'control-plane';
}

export interface EtcdSpec {
  members: number;
  heartbeatIntervalMs: number;
  electionTimeoutMs: number;
  /** Raft PreVote (off in etcd 3.4, on in 3.5). */
  preVote: boolean;
  /** etcd --snapshot-count (default 100,000); catch-up entries kept after a snapshot scale with it (1/20). */
  snapshotCount?: number;
}

export interface ClusterSpec {
  seed: number;
  nodes: NodeSpec[];
  etcd: EtcdSpec;
  /** Wall-clock instant of sim time 0 (object timestamps). */
  epochMs: number;
  /** kube-proxy's --proxy-mode: iptables (the default) or ipvs. */
  kubeProxyMode?: 'iptables' | 'ipvs';
  /** controlPlane: how many kube-controller-manager and kube-scheduler replicas run (1 or 3). */
  controlPlane?: { controllerManagers?: number; schedulers?: number };
  /** Components' client QPS/burst when not the v1.32 defaults (scale tests raise kcm's). */
  clientRateLimits?: Partial<ClientRateLimits>;
  /**
   * kubeSystem: the cluster is what `kubeadm init` + `kubeadm join` leave: control-plane nodes
   * running the control plane as static pods, CoreDNS and the kube-proxy DaemonSet in kube-system.
   * Without it the components run but have no pods and only the worker nodes exist.
   */
  kubeSystem?: boolean;
}

export const DEFAULT_NODE_CPU = '4';
export const DEFAULT_NODE_MEMORY = '8Gi';
export const DEFAULT_NODE_PODS = '110';

/** nodesFromCount builds node-1..node-N with the given capacity. */
export function nodesFromCount(count: number, cpu = DEFAULT_NODE_CPU, memory = DEFAULT_NODE_MEMORY): NodeSpec[] {
  return Array.from({ length: count }, (_, i) => ({
    name: `node-${i + 1}`,
    cpu,
    memory,
    pods: DEFAULT_NODE_PODS,
    labels: {},
    taints: [],
  }));
}

/** etcd's own defaults: --heartbeat-interval 100 ms, --election-timeout 1000 ms, PreVote off (3.4). */
export const DEFAULT_ETCD_TIMING = { heartbeatIntervalMs: 100, electionTimeoutMs: 1000, preVote: false } as const;

/**
 * clusterSpec builds a ClusterSpec with the defaults a scenario gets when it says nothing (etcd
 * timing, epoch), for code that boots clusters directly: tests, benchmarks, the app.
 *
 * @example Cluster.boot(clusterSpec({ seed: 7, nodes: nodesFromCount(3), etcdMembers: 1 }), DEFAULT_COMPONENTS)
 */
export function clusterSpec(options: { seed: number; nodes: NodeSpec[]; etcdMembers: number; epochMs?: number; clientRateLimits?: Partial<ClientRateLimits>; kubeSystem?: boolean }): ClusterSpec {
  return {
    seed: options.seed,
    nodes: options.nodes,
    etcd: { members: options.etcdMembers, ...DEFAULT_ETCD_TIMING },
    epochMs: options.epochMs ?? DEFAULT_EPOCH_MS,
    ...(options.clientRateLimits ? { clientRateLimits: options.clientRateLimits } : {}),
    ...(options.kubeSystem ? { kubeSystem: true } : {}),
  };
}

/** Control-plane machines: kubeadm's minimum of 2 CPUs; labelled and tainted by kubeadm's mark-control-plane phase. */
const CONTROL_PLANE_CPU = '2';
const CONTROL_PLANE_MEMORY = '4Gi';
export const CONTROL_PLANE_LABEL = 'node-role.kubernetes.io/control-plane';

/**
 * withControlPlaneNodes puts the control-plane machines (1 or 3, as kube-controller-manager and
 * kube-scheduler replicas) before the workers when the spec asks for kube-system workloads.
 */
export function withControlPlaneNodes(spec: ClusterSpec, hosts: readonly string[]): ClusterSpec {
  if (!spec.kubeSystem || spec.nodes.some((n) => n.role === 'control-plane')) return spec;
  const controlPlane: NodeSpec[] = hosts.map((name) => ({
    name,
    cpu: CONTROL_PLANE_CPU,
    memory: CONTROL_PLANE_MEMORY,
    pods: DEFAULT_NODE_PODS,
    labels: { [CONTROL_PLANE_LABEL]: '', 'node.kubernetes.io/exclude-from-external-load-balancers': '' },
    taints: [{ key: CONTROL_PLANE_LABEL, effect: 'NoSchedule' }],
    role: 'control-plane',
  }));
  return { ...spec, nodes: [...controlPlane, ...spec.nodes] };
}
