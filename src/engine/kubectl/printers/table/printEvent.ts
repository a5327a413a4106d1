// Mirrors kubernetes pkg/printers/internalversion/printers.go (v1.32) printEvent and
// formatEventSource: the LAST SEEN TYPE REASON OBJECT MESSAGE table of `kubectl get events`.
import type { Event } from 'kubernetes-types/core/v1';
import { translateTimestampSince } from '../humanDuration';
import { col, type ResourcePrinter } from './types';

/** formatEventSource is `component, host`, falling back to reportingController/reportingInstance. */
export function formatEventSource(event: Event): string {
  const component = event.source?.component || event.reportingComponent || '';
  const host = event.source?.host || event.reportingInstance || '';
  return host ? `${component}, ${host}` : component;
}

/**
 * eventTimes computes LAST SEEN / FIRST SEEN / COUNT: events.k8s.io-style events carry eventTime
 * and series instead of first/lastTimestamp and count.
 */
function eventTimes(event: Event, nowMs: number): { last: string; first: string; count: number } {
  const first = event.firstTimestamp ? translateTimestampSince(event.firstTimestamp, nowMs) : translateTimestampSince(event.eventTime, nowMs);
  let last = event.lastTimestamp ? translateTimestampSince(event.lastTimestamp, nowMs) : first;
  let count = event.count ?? 0;
  if (event.series) {
    last = translateTimestampSince(event.series.lastObservedTime, nowMs);
    count = event.series.count ?? 0;
  } else if (count === 0) {
    count = 1;
  }
  return { last, first, count };
}

export const eventPrinter: ResourcePrinter<Event> = {
  columns: [
    col('Last Seen'), col('Type'), col('Reason'), col('Object'), col('Subobject', 1), col('Source', 1),
    col('Message'), col('First Seen', 1), col('Count', 1), col('Name', 1, 'name'),
  ],
  printRow(event, { nowMs, wide }) {
    const { last, first, count } = eventTimes(event, nowMs);
    const involved = event.involvedObject;
    const kind = (involved?.kind ?? '').toLowerCase();
    const target = involved?.name ? `${kind}/${involved.name}` : kind;
    const message = (event.message ?? '').trim();
    if (!wide) return [last, event.type ?? '', event.reason ?? '', target, message];
    return [last, event.type ?? '', event.reason ?? '', target, involved?.fieldPath ?? '', formatEventSource(event), message, first, count, event.metadata?.name ?? ''];
  },
};
