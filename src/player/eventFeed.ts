import type { Event } from 'kubernetes-types/core/v1';
import type { Cluster } from '../engine/cluster';
import { eventPrinter } from '../engine/kubectl/printers/table/printEvent';
import type { TraceEvent } from '../engine/sim/trace';

/** FeedEvent is one row of the events panel: `kubectl get events -A -w` with its namespace. */
export interface FeedEvent {
  t: number;
  namespace: string;
  type: string;
  reason: string;
  object: string;
  message: string;
  count: number;
}

/** eventFeedKey is the watch-cache key of an Event the apiserver just wrote (from the trace). */
export function eventFeedKey(event: TraceEvent): string | undefined {
  if (event.kind !== 'apiserver.write' || event.ref?.kind !== 'Event' || event.verb === 'delete') return undefined;
  return `/registry/events/${event.ref.namespace}/${event.ref.name}`;
}

/** readEventFeed reads those Events as rows, oldest first. */
export function readEventFeed(cluster: Cluster, keys: readonly string[]): FeedEvent[] {
  const cache = cluster.apiserver.ctx.cachers.get('events');
  const rows: FeedEvent[] = [];
  for (const key of keys) {
    const event = cache?.get(key) as Event | undefined;
    if (!event) continue;
    const [, type, reason, object, message] = eventPrinter.printRow(event, { nowMs: cluster.sim.nowMs, wide: false }) as string[];
    rows.push({ t: cluster.sim.nowMs, namespace: event.metadata?.namespace ?? '', type, reason, object, message, count: event.count ?? 1 });
  }
  return rows;
}
