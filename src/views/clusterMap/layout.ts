import type { ClusterView } from '../../player/clusterView';
import type { Flow } from '../../player/flows';

export const NODE_WIDTH = 280;
const NODE_GAP = 30;
const WORKER_Y = 300;

export interface MapNode {
  id: string;
  type: 'component' | 'worker' | 'pending';
  x: number;
  y: number;
}

export type Side = 'top' | 'bottom' | 'left' | 'right';

export interface MapEdge {
  id: string;
  source: string;
  target: string;
  sourceSide: Side;
  targetSide: Side;
  kind: 'api' | 'etcd' | 'raft' | 'kubelet';
  /** curve bows the edge sideways by this many px (Raft edges between non-neighbours). */
  curve?: number;
}

/**
 * layoutMap draws the seeds' architecture picture: clients and controllers on the left of
 * kube-apiserver, the etcd members in a column on its right, the worker nodes in a row below.
 */
export function layoutMap(view: ClusterView): { nodes: MapNode[]; edges: MapEdge[] } {
  const nodes: MapNode[] = [
    { id: 'kubectl', type: 'component', x: 120, y: -80 },
    { id: 'kube-controller-manager', type: 'component', x: 120, y: 20 },
    { id: 'kube-scheduler', type: 'component', x: 120, y: 120 },
    { id: 'kube-apiserver', type: 'component', x: 460, y: 20 },
    { id: 'pending', type: 'pending', x: 120, y: 200 },
  ];
  const api = (source: string): MapEdge => ({ id: `${source}->kube-apiserver`, source, target: 'kube-apiserver', sourceSide: 'right', targetSide: 'left', kind: 'api' });
  const edges: MapEdge[] = [api('kubectl'), api('kube-controller-manager'), api('kube-scheduler')];
  const top = 20 - ((view.etcd.length - 1) * 100) / 2;
  view.etcd.forEach((member, i) => {
    nodes.push({ id: member.name, type: 'component', x: 800, y: top + i * 100 });
    edges.push({ id: `kube-apiserver->${member.name}`, source: 'kube-apiserver', target: member.name, sourceSide: 'right', targetSide: 'left', kind: 'etcd' });
  });
  for (let i = 0; i < view.etcd.length; i++) {
    for (let j = i + 1; j < view.etcd.length; j++) {
      const [a, b] = [view.etcd[i].name, view.etcd[j].name];
      edges.push({ id: `${a}->${b}`, source: a, target: b, sourceSide: 'right', targetSide: 'right', kind: 'raft', curve: 40 * (j - i) });
    }
  }
  view.nodes.forEach((node, i) => {
    const id = `node:${node.name}`;
    nodes.push({ id, type: 'worker', x: i * (NODE_WIDTH + NODE_GAP), y: WORKER_Y });
    edges.push({ id: `kube-apiserver->${id}`, source: 'kube-apiserver', target: id, sourceSide: 'bottom', targetSide: 'top', kind: 'kubelet' });
  });
  return { nodes, edges };
}
/**
 * edgeForFlow finds the edge a message travels on and its direction. A write to `etcd` goes to
 * the leader (the apiserver's client follows it).
 */
export function edgeForFlow(flow: Flow, edges: readonly MapEdge[], leader: string | undefined): { edge: MapEdge; reverse: boolean } | undefined {
  const to = flow.to === 'etcd' ? leader : flow.to;
  if (!to) return undefined;
  for (const edge of edges) {
    if (edge.source === flow.from && edge.target === to) return { edge, reverse: false };
    if (edge.source === to && edge.target === flow.from) return { edge, reverse: true };
  }
  return undefined;
}
