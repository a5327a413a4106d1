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
const DESCRIPTORS = ['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly'];

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

function checkRange(expr: string, b: Bounds): void {
  const [rangeAndStep, ...moreSlashes] = expr.split('/');
  if (moreSlashes.length > 1) throw new Error(`too many slashes: ${expr}`);
  const lowAndHigh = rangeAndStep.split('-');
  let start: number;
  let end: number;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    start = b.min;
    end = b.max;
  } else {
    start = parseIntOrName(lowAndHigh[0], b.names);
    if (lowAndHigh.length === 1) end = start;
    else if (lowAndHigh.length === 2) end = parseIntOrName(lowAndHigh[1], b.names);
    else throw new Error(`too many hyphens: ${expr}`);
  }
  if (moreSlashes.length === 1) {
    const step = atoi(moreSlashes[0]);
    if (step <= 0) throw new Error(`step of range should be a positive number: ${expr}`);
    if (lowAndHigh.length === 1 && lowAndHigh[0] !== '*' && lowAndHigh[0] !== '?') end = b.max;
  }
  if (start < b.min) throw new Error(`beginning of range (${start}) below minimum (${b.min}): ${expr}`);
  if (end > b.max) throw new Error(`end of range (${end}) above maximum (${b.max}): ${expr}`);
  if (start > end) throw new Error(`beginning of range (${start}) beyond end of range (${end}): ${expr}`);
}

/** cronParseError returns robfig/cron's error text for a standard 5-field spec, or undefined when valid. */
export function cronParseError(spec: string): string | undefined {
  try {
    if (spec.length === 0) throw new Error('empty spec string');
    let rest = spec;
    if (rest.startsWith('TZ=') || rest.startsWith('CRON_TZ=')) rest = rest.slice(rest.indexOf(' ') + 1).trim();
    if (rest.startsWith('@')) {
      if (DESCRIPTORS.includes(rest) || rest.startsWith('@every ')) return undefined;
      throw new Error(`unrecognized descriptor: ${rest}`);
    }
    const fields = rest.trim().split(/\s+/).filter((f) => f !== '');
    if (fields.length !== 5) throw new Error(`expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`);
    fields.forEach((field, i) => field.split(',').forEach((expr) => checkRange(expr, FIELDS[i])));
    return undefined;
  } catch (err) {
    return (err as Error).message;
  }
}
