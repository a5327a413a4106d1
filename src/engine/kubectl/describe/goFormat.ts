// Go formatting details that describe output depends on.
import { DAYS, MONTHS } from '../../go/timeNames';

const pad2 = (n: number) => String(n).padStart(2, '0');

/** GO_ZERO_TIME_RFC1123Z is how Go prints time.Time{} (an unset metav1.Time) in RFC1123Z. */
const GO_ZERO_TIME_RFC1123Z = 'Mon, 01 Jan 0001 00:00:00 +0000';

/**
 * formatRFC1123Z is time.Format(time.RFC1123Z) in UTC (describe runs with TZ=UTC here):
 * `Mon, 02 Jan 2006 15:04:05 +0000`. Unset timestamps print Go's zero time.
 */
export function formatRFC1123Z(timestamp: string | undefined | null): string {
  if (!timestamp) return GO_ZERO_TIME_RFC1123Z;
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) return GO_ZERO_TIME_RFC1123Z;
  const year = String(date.getUTCFullYear()).padStart(4, '0');
  return `${DAYS[date.getUTCDay()]}, ${pad2(date.getUTCDate())} ${MONTHS[date.getUTCMonth()]} ${year} ${pad2(date.getUTCHours())}:${pad2(date.getUTCMinutes())}:${pad2(date.getUTCSeconds())} +0000`;
}

/** printBool is describe's `True`/`False`. */
export function printBool(value: boolean | undefined | null): string {
  return value ? 'True' : 'False';
}

/** goBoolPointer is `%v` of a *bool: `<nil>` when unset. (A set pointer prints an address in Go; we print the value.) */
export function goBoolPointer(value: boolean | undefined | null): string {
  return value === undefined || value === null ? '<nil>' : String(value);
}

/** goStringSlice is `%v` of a []string: `[a b c]`. */
export function goStringSlice(values: readonly string[] | undefined): string {
  return `[${(values ?? []).join(' ')}]`;
}

/** stringOrNone is describe's stringOrNone: `<none>` for ''. */
export function stringOrNone(text: string | undefined): string {
  return text ? text : '<none>';
}
