import { interpolateBlues, scaleSequential } from 'd3';
import { useEffect, useMemo, useRef, useState } from 'react';
import { format, MESSAGES, type Locale } from '../../i18n/messages';
import type { ClusterView, NodeView, PodTone } from '../../player/clusterView';
import { useSelection } from './selection';

const CELL = 14;
const GAP = 2;
const load = scaleSequential(interpolateBlues).domain([0, 1.2]);

/** cellColor: stopped machines grey, NotReady nodes red, otherwise blue by CPU requested/allocatable. */
export function cellColor(node: NodeView): string {
  if (!node.running) return '#94a3b8';
  if (node.ready !== 'True') return '#e11d48';
  const share = node.cpuAllocatableMilli > 0 ? node.cpuRequestedMilli / node.cpuAllocatableMilli : 0;
  return load(0.15 + Math.min(1, share));
}

/** totals sums the pods of every node by tone. */
export function totals(nodes: readonly NodeView[]): Record<PodTone, number> {
  const out: Record<PodTone, number> = { running: 0, progress: 0, failing: 0, done: 0, terminating: 0, unknown: 0 };
  for (const n of nodes) for (const tone of Object.keys(out) as PodTone[]) out[tone] += n.counts[tone];
  return out;
}

/**
 * AggregatedMap draws a large cluster on a canvas: one cell per node, coloured by state and by the
 * CPU its pods request, with the pod counts summed up; hover names a node, click inspects it. The
 * control plane and etcd stay as a one-line summary. React renders one canvas, not 150k chips.
 */
export function AggregatedMap({ view, locale }: { view: ClusterView; locale: Locale }) {
  const t = MESSAGES[locale];
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const wrapRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(800);
  const [hover, setHover] = useState<NodeView | undefined>(undefined);
  const select = useSelection((s) => s.select);
  const columns = Math.max(1, Math.floor(width / (CELL + GAP)));
  const rows = Math.ceil(view.nodes.length / columns);
  const sum = useMemo(() => totals(view.nodes), [view.nodes]);
  useEffect(() => {
    const el = wrapRef.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setWidth(el.clientWidth - 16));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const ratio = window.devicePixelRatio || 1;
    canvas.width = columns * (CELL + GAP) * ratio;
    canvas.height = rows * (CELL + GAP) * ratio;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    view.nodes.forEach((node, i) => {
      ctx.fillStyle = cellColor(node);
      ctx.fillRect((i % columns) * (CELL + GAP), Math.floor(i / columns) * (CELL + GAP), CELL, CELL);
      if (node.counts.failing > 0) {
        ctx.fillStyle = '#f59e0b';
        ctx.fillRect((i % columns) * (CELL + GAP) + CELL - 5, Math.floor(i / columns) * (CELL + GAP), 5, 5);
      }
    });
  }, [view.nodes, columns, rows]);
  const nodeAt = (x: number, y: number) => {
    const col = Math.floor(x / (CELL + GAP));
    const row = Math.floor(y / (CELL + GAP));
    return col < columns ? view.nodes[row * columns + col] : undefined;
  };
  const ready = view.nodes.filter((n) => n.ready === 'True').length;
  const leader = view.etcd.find((m) => m.isLeader);
  return (
    <section aria-label={t.clusterMap} className="flex h-full flex-col gap-2 overflow-auto p-2 text-sm" data-testid="aggregated-map" ref={wrapRef}>
      <p className="font-mono text-xs" role="status" data-testid="aggregated-summary">
        {format(t.aggregatedSummary, {
          nodes: String(view.nodes.length),
          ready: String(ready),
          pods: String(view.podCount),
          running: String(sum.running),
          progress: String(sum.progress),
          failing: String(sum.failing),
          pending: String(view.pendingCount),
        })}
        {' · '}etcd {leader ? `${leader.name} ${t.leader} · ${t.term} ${leader.term}` : t.noLeader}
      </p>
      <canvas
        ref={canvasRef}
        style={{ width: columns * (CELL + GAP), height: rows * (CELL + GAP) }}
        className="cursor-pointer"
        onMouseMove={(e) => setHover(nodeAt(e.nativeEvent.offsetX, e.nativeEvent.offsetY))}
        onMouseLeave={() => setHover(undefined)}
        onClick={(e) => {
          const node = nodeAt(e.nativeEvent.offsetX, e.nativeEvent.offsetY);
          if (node) select({ kind: 'node', name: node.name });
        }}
        aria-hidden="true"
      />
      <p className="min-h-5 font-mono text-xs" data-testid="aggregated-hover">
        {hover
          ? `${hover.name}: ${hover.ready === 'True' ? t.ready : t.notReady}, ${t.pods} ${hover.counts.running + hover.counts.progress + hover.counts.failing}, ${t.cpuRequested} ${hover.cpuRequestedMilli}m / ${hover.cpuAllocatableMilli}m`
          : t.aggregatedHint}
      </p>
    </section>
  );
}
