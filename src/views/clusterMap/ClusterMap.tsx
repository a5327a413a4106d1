import { Background, Controls, Panel, ReactFlow, type Edge, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMemo } from 'react';
import type { Locale } from '../../i18n/messages';
import { MESSAGES } from '../../i18n/messages';
import type { ClusterView } from '../../player/clusterView';
import type { Flow } from '../../player/flows';
import { Legend } from '../Legend';
import { useReducedMotion } from '../useReducedMotion';
import { podToneLegend } from './podToneLegend';
import { AggregatedMap } from './AggregatedMap';
import { ComponentNode, PendingNode } from './ComponentNode';
import { FlowEdge, type FlowDot } from './FlowEdge';
import { edgeForFlow, layoutMap, type MapEdge } from './layout';
import { WorkerNode } from './WorkerNode';

const nodeTypes = { component: ComponentNode, worker: WorkerNode, pending: PendingNode };
const edgeTypes = { flow: FlowEdge };

/** TRAVEL_MS: sim time a message dot takes to cross its edge (visible at 1×, a blink at 20×). */
export const TRAVEL_MS = 600;

/**
 * ClusterMap is the live architecture picture (React Flow): control plane, etcd members, worker
 * nodes with their pods, and the messages of the last moments moving along the edges.
 */
export function ClusterMap(props: { view: ClusterView; flows: Flow[]; displayMs: number; locale: Locale; dark?: boolean }) {
  return props.view.aggregated ? <AggregatedMap view={props.view} locale={props.locale} /> : <FlowMap {...props} />;
}

function FlowMap({ view, flows, displayMs, locale, dark = false }: { view: ClusterView; flows: Flow[]; displayMs: number; locale: Locale; dark?: boolean }) {
  const reducedMotion = useReducedMotion();
  const layout = useMemo(() => layoutMap(view), [view]);
  const nodes: Node[] = useMemo(
    () =>
      layout.nodes.map((n) => {
        const etcd = view.etcd.find((m) => m.name === n.id);
        const worker = n.type === 'worker' ? view.nodes.find((w) => `node:${w.name}` === n.id) : undefined;
        const data = n.type === 'worker' ? { node: worker, locale } : { name: n.id, locale, etcd, pending: view.pending, pendingCount: view.pendingCount, ...(n.id === 'kube-apiserver' ? { slowRequestMs: view.slowRequestMs } : {}) };
        // Not draggable or selectable, so React Flow would let clicks fall through to the pane: keep them.
        return { id: n.id, type: n.type, position: { x: n.x, y: n.y }, data, draggable: false, selectable: false, style: { pointerEvents: 'all' as const } };
      }),
    [layout, view, locale],
  );
  const dots = useMemo(() => (reducedMotion ? new Map<string, FlowDot[]>() : dotsByEdge(flows, layout.edges, displayMs, view)), [flows, layout, displayMs, view, reducedMotion]);
  const edges: Edge[] = layout.edges.map((e) => ({
    id: e.id,
    source: e.source,
    target: e.target,
    sourceHandle: `s-${e.sourceSide}`,
    targetHandle: `t-${e.targetSide}`,
    type: 'flow',
    data: { dots: dots.get(e.id) ?? [], curve: e.curve, kind: e.kind },
  }));
  return (
    <section aria-label={MESSAGES[locale].clusterMap} className="h-full w-full" data-testid="cluster-map">
      <ReactFlow nodes={nodes} edges={edges} nodeTypes={nodeTypes} edgeTypes={edgeTypes} fitView fitViewOptions={{ padding: 0.1 }} nodesConnectable={false} minZoom={0.2} colorMode={dark ? 'dark' : 'light'}>
        <Background />
        <Controls showInteractive={false} />
        <Panel position="top-right" className="max-w-xs rounded bg-white/90 p-1 dark:bg-slate-900/90">
          <Legend locale={locale} items={podToneLegend(locale)} collapsed />
        </Panel>
      </ReactFlow>
    </section>
  );
}

/** dotsByEdge places every message still in flight at `displayMs` on its edge. */
function dotsByEdge(flows: Flow[], edges: readonly MapEdge[], displayMs: number, view: ClusterView): Map<string, FlowDot[]> {
  const leader = view.etcd.find((m) => m.isLeader)?.name;
  const out = new Map<string, FlowDot[]>();
  flows.forEach((flow, i) => {
    const progress = (displayMs - flow.t) / TRAVEL_MS;
    if (progress < 0 || progress > 1) return;
    const found = edgeForFlow(flow, edges, leader);
    if (!found) return;
    const list = out.get(found.edge.id) ?? [];
    if (list.length >= 12) return;
    list.push({ key: `${flow.t}-${i}`, progress, reverse: found.reverse, kind: flow.kind, label: flow.label });
    out.set(found.edge.id, list);
  });
  return out;
}
