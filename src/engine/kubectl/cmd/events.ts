// Mirrors staging/src/k8s.io/kubectl/pkg/cmd/events/{events.go, event_printer.go} in v1.32.
import type { Event } from 'kubernetes-types/core/v1';
import type { WatchEvent } from '../../apiserver/cacher/types';
import { Future } from '../../sim/future';
import { fromRFC3339 } from '../../sim/time';
import { wait, type Task } from '../../sim/task';
import { boolFlag, listFlag, stringFlag } from '../args/commandSpec';
import { lookupResourceType } from '../args/resources';
import { humanDuration } from '../printers/humanDuration';
import { formatTabbed, TABLE_TABWRITER } from '../printers/table/tabwriter';
import { failStatus, type KubectlContext } from './context';
import { printObjects } from './output';

/**
 * events lists the namespace's (or, with -A, every) Event oldest first — by series last-observed
 * time, else lastTimestamp, else eventTime — filtered by --types and --for KIND/NAME; -w then
 * prints each new or updated one.
 */
export function* events(ctx: KubectlContext): Task<number> {
  const { cmd } = ctx;
  const namespace = ctx.allNamespaces ? undefined : ctx.namespace;
  let fieldSelector: string | undefined;
  const forObject = stringFlag(cmd, 'for');
  if (forObject) {
    const [typed, name] = forObject.split('/');
    const type = lookupResourceType(typed);
    if (!type) {
      ctx.io.err(`error: the server doesn't have a resource type "${typed}"\n`);
      return 1;
    }
    fieldSelector = `involvedObject.kind=${type.kind},involvedObject.name=${name}`;
  }
  const types = listFlag(cmd, 'types').map((t) => t.toLowerCase());
  const wanted = (e: Event) => types.length === 0 || types.includes((e.type ?? '').toLowerCase());
  const output = stringFlag(cmd, 'output');
  const print = (items: Event[], headers: boolean) => {
    if (output) return ctx.io.out(printObjects(items.length === 1 && !headers ? items : [{ apiVersion: 'v1', kind: 'EventList', metadata: { resourceVersion: '' }, items } as never], output, 'unstructured'));
    const rows = items.map((e) => [...(ctx.allNamespaces ? [e.metadata?.namespace ?? ''] : []), interval(e, ctx.env.sim.nowMs, ctx.env.epochMs), e.type ?? '', e.reason ?? '', `${e.involvedObject.kind}/${e.involvedObject.name}`, cell((e.message ?? '').trim())]);
    const header = [...(ctx.allNamespaces ? ['NAMESPACE'] : []), 'LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'];
    const lines = [...(headers && !boolFlag(cmd, 'no-headers') ? [header] : []), ...rows];
    ctx.io.out(formatTabbed(lines.map((cells) => `${cells.join('\t')}\n`).join(''), TABLE_TABWRITER));
  };

  if (boolFlag(cmd, 'watch')) return yield* watchEvents(ctx, namespace, fieldSelector, (e) => wanted(e) && print([e], false));
  const listed = yield* wait(ctx.client.list('events', namespace, { fieldSelector }));
  if (!listed.ok) return failStatus(ctx, listed.status);
  const items = (listed.object.items as Event[]).filter(wanted);
  if (items.length === 0) {
    ctx.io.err(ctx.allNamespaces ? 'No events found.\n' : `No events found in ${ctx.namespace} namespace.\n`);
    return 0;
  }
  const at = (e: Event) => sortTime(e, ctx.env.epochMs);
  // sort.Sort is not stable; ties keep the apiserver's order here.
  print([...items].sort((a, b) => at(a) - at(b)), true);
  return 0;
}

function* watchEvents(ctx: KubectlContext, namespace: string | undefined, fieldSelector: string | undefined, onEvent: (e: Event) => void): Task<number> {
  const forever = new Future<number>();
  const handle = ctx.client.watch('events', { namespace, fieldSelector }, (batch: WatchEvent[]) => {
    for (const event of batch) {
      if (event.type === 'ERROR') {
        forever.resolve(failStatus(ctx, event.object));
        return;
      }
      // Events are deleted after an hour; that is not news.
      if (event.type === 'ADDED' || event.type === 'MODIFIED') onEvent(event.object as unknown as Event);
    }
  });
  ctx.io.onInterrupt(() => handle.stop());
  return yield* wait(forever);
}

/** sortTime is eventTime() in events.go: series.lastObservedTime, else lastTimestamp, else eventTime. */
function sortTime(e: Event, epochMs: number): number {
  const text = e.series?.lastObservedTime ?? e.lastTimestamp ?? e.eventTime;
  return text ? fromRFC3339(text, epochMs) : -Infinity;
}

/** interval is getInterval: `5m`, or `30s (x4 over 2m)` for a repeated event. */
function interval(e: Event, nowMs: number, epochMs: number): string {
  const since = (text: string | undefined | null) => (text ? humanDuration(nowMs - fromRFC3339(text, epochMs)) : '<unknown>');
  const first = e.eventTime ? since(e.eventTime) : since(e.firstTimestamp);
  if (e.series) return `${since(e.series.lastObservedTime)} (x${e.series.count} over ${first})`;
  if ((e.count ?? 0) > 1) return `${since(e.lastTimestamp)} (x${e.count} over ${first})`;
  return first;
}

/** cell cuts a value at its first line break, as escapeCell does. */
function cell(text: string): string {
  const i = text.search(/[\f\n\r]/);
  return i >= 0 ? `${text.slice(0, i)}...` : text;
}
