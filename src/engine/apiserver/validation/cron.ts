// Mirrors github.com/robfig/cron/v3 parser.go ParseStandard, which CronJob validation calls
// (pkg/apis/batch/validation validateScheduleFormat): the error texts are that library's.

interface Bounds {
  min: number;
  max: number;
  names?: Record<string, number>;
}

const MONTHS = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
const DAYS = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };
const FIELDS: Bounds[] = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: MONTHS },
  { min: 0, max: 6, names: DAYS },
];

function atoi(expr: string): number {
  if (!/^[+-]?\d+$/.test(expr)) throw new Error(`failed to parse int from ${expr}: strconv.Atoi: parsing ${JSON.stringify(expr)}: invalid syntax`);
  const num = Number(expr);
  if (num < 0) throw new Error(`negative number (${num}) not allowed: ${expr}`);
  return num;
}

function parseIntOrName(expr: string, names?: Record<string, number>): number {
  const named = names?.[expr.toLowerCase() as keyof typeof names];
  return named !== undefined ? named : atoi(expr);
}

/** checkRange parses one comma-separated piece into the values it allows (robfig getRange). */
function checkRange(expr: string, b: Bounds, into: Set<number>): boolean {
  const [rangeAndStep, ...moreSlashes] = expr.split('/');
  if (moreSlashes.length > 1) throw new Error(`too many slashes: ${expr}`);
  const lowAndHigh = rangeAndStep.split('-');
  let start: number;
  let end: number;
  let step = 1;
  let star = false;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    star = true;
    start = b.min;
    end = b.max;
  } else {
    start = parseIntOrName(lowAndHigh[0], b.names);
    if (lowAndHigh.length === 1) end = start;
    else if (lowAndHigh.length === 2) end = parseIntOrName(lowAndHigh[1], b.names);
    else throw new Error(`too many hyphens: ${expr}`);
  }
  if (moreSlashes.length === 1) {
    step = atoi(moreSlashes[0]);
    if (step <= 0) throw new Error(`step of range should be a positive number: ${expr}`);
    if (lowAndHigh.length === 1 && lowAndHigh[0] !== '*' && lowAndHigh[0] !== '?') end = b.max;
    if (step > 1) star = false;
  }
  if (start < b.min) throw new Error(`beginning of range (${start}) below minimum (${b.min}): ${expr}`);
  if (end > b.max) throw new Error(`end of range (${end}) above maximum (${b.max}): ${expr}`);
  if (start > end) throw new Error(`beginning of range (${start}) beyond end of range (${end}): ${expr}`);
  for (let v = start; v <= end; v += step) into.add(v);
  return star;
}

/**
 * CronFields is a parsed standard spec: the allowed minutes, hours, days of month, months and
 * days of week, and whether day-of-month / day-of-week were `*` (robfig's starBit: then both
 * must match, otherwise either may).
 */
export interface CronFields {
  minute: Set<number>;
  hour: Set<number>;
  dom: Set<number>;
  month: Set<number>;
  dow: Set<number>;
  domStar: boolean;
  dowStar: boolean;
  /** everyMs: an `@every DURATION` schedule instead of fields. */
  everyMs?: number;
}

const DESCRIPTOR_SPECS: Record<string, string> = {
  '@yearly': '0 0 1 1 *', '@annually': '0 0 1 1 *', '@monthly': '0 0 1 * *', '@weekly': '0 0 * * 0', '@daily': '0 0 * * *', '@midnight': '0 0 * * *', '@hourly': '0 * * * *',
};

function parseEvery(duration: string): number {
  const units: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1_000, ms: 1 };
  let total = 0;
  const re = /(\d+(?:\.\d+)?)(ms|h|m|s)/gy;
  let match: RegExpExecArray | null;
  let consumed = 0;
  while ((match = re.exec(duration)) !== null) {
    total += Number(match[1]) * units[match[2]];
    consumed = re.lastIndex;
  }
  if (consumed !== duration.length || duration.length === 0) throw new Error(`failed to parse duration ${duration}: time: invalid duration ${JSON.stringify(duration)}`);
  return total;
}

/** parseCron is robfig ParseStandard: the fields of a spec, or its error text. */
export function parseCron(spec: string): CronFields | string {
  try {
    if (spec.length === 0) throw new Error('empty spec string');
    let rest = spec;
    if (rest.startsWith('TZ=') || rest.startsWith('CRON_TZ=')) rest = rest.slice(rest.indexOf(' ') + 1).trim();
    if (rest.startsWith('@every ')) return { ...parseFields('* * * * *'), everyMs: parseEvery(rest.slice('@every '.length)) };
    if (rest.startsWith('@')) {
      const expanded = DESCRIPTOR_SPECS[rest];
      if (!expanded) throw new Error(`unrecognized descriptor: ${rest}`);
      rest = expanded;
    }
    return parseFields(rest);
  } catch (err) {
    return (err as Error).message;
  }
}

function parseFields(text: string): CronFields {
  const fields = text.trim().split(/\s+/).filter((f) => f !== '');
  if (fields.length !== 5) throw new Error(`expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`);
  const sets = fields.map(() => new Set<number>());
  const stars = fields.map((field, i) => field.split(',').map((expr) => checkRange(expr, FIELDS[i], sets[i])).some(Boolean));
  // Sunday may be written 7 nowhere in robfig's standard parser: the bounds above refuse it.
  return { minute: sets[0], hour: sets[1], dom: sets[2], month: sets[3], dow: sets[4], domStar: stars[2], dowStar: stars[4] };
}

/** cronParseError returns robfig/cron's error text for a standard 5-field spec, or undefined when valid. */
export function cronParseError(spec: string): string | undefined {
  const parsed = parseCron(spec);
  return typeof parsed === 'string' ? parsed : undefined;
}
