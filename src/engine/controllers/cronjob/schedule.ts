// Mirrors github.com/robfig/cron/v3 spec.go SpecSchedule.Next and ConstantDelaySchedule (v3.0.1),
// which kube-controller-manager's CronJob controller uses, in UTC (k8sim clusters run in UTC).
import type { CronFields } from '../../apiserver/validation/cron';

const MINUTE_MS = 60_000;
/** robfig gives up after five years without a match (e.g. `0 0 30 2 *`): Next returns the zero time. */
const YEARS_TO_SEARCH = 5;

function dayMatches(fields: CronFields, date: Date): boolean {
  const dom = fields.dom.has(date.getUTCDate());
  const dow = fields.dow.has(date.getUTCDay());
  // With `*` in either day field both must match; otherwise either one does.
  return fields.domStar || fields.dowStar ? dom && dow : dom || dow;
}

/**
 * nextActivation is Schedule.Next(t) for epoch milliseconds: the first minute strictly after
 * `afterMs` the spec allows, or undefined when none comes within five years. `@every D` is the
 * next whole second D after `afterMs`.
 */
export function nextActivation(fields: CronFields, afterMs: number): number | undefined {
  if (fields.everyMs !== undefined) return Math.floor((afterMs + Math.max(fields.everyMs, 1000)) / 1000) * 1000;
  let t = Math.floor(afterMs / MINUTE_MS) * MINUTE_MS + MINUTE_MS;
  const limit = new Date(t).getUTCFullYear() + YEARS_TO_SEARCH;
  for (;;) {
    const d = new Date(t);
    if (d.getUTCFullYear() > limit) return undefined;
    if (!fields.month.has(d.getUTCMonth() + 1)) {
      t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
      continue;
    }
    if (!dayMatches(fields, d)) {
      t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1);
      continue;
    }
    if (!fields.hour.has(d.getUTCHours())) {
      t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours() + 1);
      continue;
    }
    if (!fields.minute.has(d.getUTCMinutes())) {
      t += MINUTE_MS;
      continue;
    }
    return t;
  }
}
