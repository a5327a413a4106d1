import type { TraceEvent } from '../engine/sim/trace';

/**
 * ComponentStats is what the inspector shows for a controller or the scheduler: its workqueue
 * (depth, the key being synced, recent syncs) and its informers' deliveries, read off the trace.
 */
export interface ComponentStats {
  component: string;
  queue?: string;
  depth: number;
  syncs: number;
  errors: number;
  lastKey?: string;
  recent: Array<{ t: number; key: string; durationMs?: number; error?: string }>;
  informerDeliveries: Record<string, number>;
}

const RECENT = 8;

/** recordStats folds one trace event into the per-component stats. */
export function recordStats(stats: Map<string, ComponentStats>, event: TraceEvent): void {
  const e = event as TraceEvent & { queue?: string; key?: string; depth?: number; durationMs?: number; error?: string; resource?: string };
  if (e.kind !== 'workqueue.get' && e.kind !== 'controller.sync' && e.kind !== 'informer.pop') return;
  const s = stats.get(e.component) ?? { component: e.component, depth: 0, syncs: 0, errors: 0, recent: [], informerDeliveries: {} };
  stats.set(e.component, s);
  if (e.kind === 'informer.pop') {
    const resource = e.resource ?? '';
    s.informerDeliveries[resource] = (s.informerDeliveries[resource] ?? 0) + 1;
  } else if (e.kind === 'workqueue.get') {
    s.queue = e.queue;
    s.depth = e.depth ?? 0;
    s.lastKey = e.key;
  } else {
    s.syncs++;
    if (e.error) s.errors++;
    s.recent.push({ t: e.t, key: e.key ?? '', durationMs: e.durationMs, error: e.error });
    if (s.recent.length > RECENT) s.recent.shift();
  }
}
