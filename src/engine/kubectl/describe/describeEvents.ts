// Mirrors k8s.io/kubectl pkg/describe/describe.go DescribeEvents (v1.32) and
// pkg/util/event.SortableEvents: the Events table at the end of every describe, sorted by
// lastTimestamp, ages as `5m`, repeated events as `2m (x4 over 10m)`.
import type { Event } from 'kubernetes-types/core/v1';
import { fromRFC3339 } from '../../sim/time';
import { translateTimestampSince } from '../printers/humanDuration';
import { goSort } from './goSort';
import { LEVEL_0, LEVEL_1, type PrefixWriter } from './prefixWriter';

/** timeMs orders unset timestamps first, like Go's zero time. */
function timeMs(timestamp: string | undefined | null): number {
  return timestamp ? fromRFC3339(timestamp) : Number.NEGATIVE_INFINITY;
}

/** eventAge is the Age cell: first seen, or `last (xN over first)` for a series or a counted event. */
export function eventAge(event: Event, nowMs: number): string {
  const firstSeen = event.eventTime ? translateTimestampSince(event.eventTime, nowMs) : translateTimestampSince(event.firstTimestamp, nowMs);
  if (event.series) return `${translateTimestampSince(event.series.lastObservedTime, nowMs)} (x${event.series.count ?? 0} over ${firstSeen})`;
  if ((event.count ?? 0) > 1) return `${translateTimestampSince(event.lastTimestamp, nowMs)} (x${event.count} over ${firstSeen})`;
  return firstSeen;
}

/**
 * describeEvents writes `Events:\t<none>` or the Type/Reason/Age/From/Message table. `events` must
 * be in apiserver list order: kubectl's sort.Sort is not stable, and goSort reproduces it.
 */
export function describeEvents(events: readonly Event[], w: PrefixWriter, nowMs: number): void {
  if (events.length === 0) {
    w.write(LEVEL_0, 'Events:\t<none>\n');
    return;
  }
  const sorted = goSort([...events], (a, b) => timeMs(a.lastTimestamp) < timeMs(b.lastTimestamp));
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    const source = e.source?.component || e.reportingComponent || '';
    w.write(LEVEL_1, `${e.type ?? ''}\t${e.reason ?? ''}\t${eventAge(e, nowMs)}\t${source}\t${(e.message ?? '').trim()}\n`);
  }
}
