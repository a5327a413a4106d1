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
