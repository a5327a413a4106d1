// The apiserver's slow-request traces, as k8s.io/utils/trace (trace.go) writes them through
// k8s.io/component-base/tracing: a Trace has steps and nested Traces; LogIfLong prints it when
// it took at least its threshold, showing only the steps that took longer than their share.
// Times are sim milliseconds; durations are compared in nanoseconds, as Go does.
import { formatGoDurationNs } from '../../registry/goDuration';

const NS_PER_MS = 1_000_000;

/** TraceField is one `key:value` pair (utiltrace.Field; attribute values print with %v). */
export type TraceField = [key: string, value: string | number];

export interface TraceStep {
  msg: string;
  atMs: number;
  fields?: TraceField[];
}

type TraceItem = TraceStep | Trace;

/** Trace mirrors utiltrace.Trace: a named operation, its fields, steps and nested traces. */
export class Trace {
  readonly items: TraceItem[] = [];
  endMs?: number;
  thresholdMs?: number;

  constructor(
    readonly name: string,
    readonly fields: TraceField[],
    readonly startMs: number,
  ) {}

  /** step records that an execution step ended at `atMs` (Trace.Step / Span.AddEvent). */
  step(msg: string, atMs: number, fields?: TraceField[]): void {
    this.items.push(fields ? { msg, atMs, fields } : { msg, atMs });
  }

  /** nest starts a child trace (Trace.Nest): it is written inside this one when both are long. */
  nest(name: string, fields: TraceField[], atMs: number): Trace {
    const child = new Trace(name, fields, atMs);
    this.items.push(child);
    return child;
  }

  /** end is Span.End(threshold): LogIfLong's end time and threshold. */
  end(atMs: number, thresholdMs: number): void {
    this.endMs = atMs;
    this.thresholdMs = thresholdMs;
  }

  /** longEnough is durationIsWithinThreshold: ended, and at least as long as its threshold. */
  longEnough(): boolean {
    if (this.endMs === undefined) return false;
    return !this.thresholdMs || ns(this.endMs - this.startMs) >= ns(this.thresholdMs);
  }

  /**
   * stepThresholdNs is calculateStepThreshold: the threshold left after nested traces' own,
   * shared by the items (never below a quarter of the threshold).
   */
  stepThresholdNs(): number | undefined {
    if (this.thresholdMs === undefined) return undefined;
    const threshold = ns(this.thresholdMs);
    let share = threshold;
    let count = this.items.length + 1;
    for (const item of this.items) {
      if (item instanceof Trace && item.thresholdMs !== undefined) {
        share -= ns(item.thresholdMs);
        count--;
      }
    }
    const floor = Math.trunc(threshold / 4);
    if (share < floor) {
      share = floor;
      count = this.items.length + 1;
    }
    return Math.trunc(share / count);
  }
}

/** TraceClock formats instants: the cluster epoch plus the sim time, in UTC. */
export interface TraceClock {
  epochMs: number;
  /** traceNumber draws the rand.Int31 that tags each logged trace's lines. */
  traceNumber: () => number;
  /** subMsNs adds the sub-millisecond digits a real clock has to the END durations. */
  subMsNs?: (atMs: number) => number;
}

/** LoggedTrace is one klog.Info message: its lines and when it was written. */
export interface LoggedTrace {
  atMs: number;
  lines: string[];
}

/**
 * logTrace is the root's LogIfLong: the trace when it was long enough, else any nested trace that
 * was (each as its own message). `nowMs` is when the root ended (time.Since for nested totals).
 */
export function logTrace(trace: Trace, clock: TraceClock, nowMs = trace.endMs ?? trace.startMs): LoggedTrace[] {
  if (!trace.longEnough()) {
    return trace.items.flatMap((item) => (item instanceof Trace ? logTrace(item, clock, nowMs) : []));
  }
  const num = clock.traceNumber();
  const prefix = `Trace[${num}]: `;
  const totalMs = trace.endMs! - trace.startMs;
  const lines = [`${prefix}${summaryHead(trace.name, trace.fields)}(${dateTime(clock.epochMs + trace.startMs)}) (total time: ${millis(totalMs)}ms):`];
  const text = writeSteps(trace, prefix, trace.stepThresholdNs(), nowMs, clock.epochMs);
  lines.push(...text.split('\n').filter((line) => line !== ''));
  const totalNs = ns(totalMs) + (clock.subMsNs?.(trace.startMs) ?? 0);
  lines.push(`${prefix}[${formatGoDurationNs(totalNs)}] [${formatGoDurationNs(totalNs)}] END`);
  return [{ atMs: trace.endMs!, lines }];
}

/** writeSteps is writeTraceSteps: each item measured from the one before (a nested trace from its end). */
function writeSteps(trace: Trace, formatter: string, thresholdNs: number | undefined, nowMs: number, epochMs: number): string {
  let out = '';
  let lastMs = trace.startMs;
  for (const item of trace.items) {
    out += writeItem(item, formatter, lastMs, thresholdNs, nowMs, epochMs);
    lastMs = item instanceof Trace ? (item.endMs ?? item.startMs) : item.atMs;
  }
  return out;
}

function writeItem(item: TraceItem, formatter: string, sinceMs: number, thresholdNs: number | undefined, nowMs: number, epochMs: number): string {
  if (!(item instanceof Trace)) {
    const took = ns(item.atMs - sinceMs);
    if (thresholdNs !== undefined && thresholdNs !== 0 && took < thresholdNs) return '';
    return `\n${formatter}---${summary(item.msg, item.fields, took, item.atMs, epochMs)}`;
  }
  if (item.longEnough()) {
    const own = item.stepThresholdNs() ?? thresholdNs;
    const head = `\n${formatter}[${summary(item.name, item.fields, ns(nowMs - item.startMs), item.startMs, epochMs)}`;
    return `${head}${writeSteps(item, `${formatter} `, own, nowMs, epochMs)}]`;
  }
  let out = '';
  for (const nested of item.items) if (nested instanceof Trace) out += writeItem(nested, formatter, sinceMs, thresholdNs, nowMs, epochMs);
  return out;
}

/** summary is writeTraceItemSummary: `"msg" k:v,k:v 12ms (15:04:05.000)`. */
function summary(msg: string, fields: TraceField[] | undefined, tookNs: number, atMs: number, epochMs: number): string {
  return `${summaryHead(msg, fields)}${Math.trunc(tookNs / NS_PER_MS)}ms (${clockTime(epochMs + atMs)})`;
}

function summaryHead(msg: string, fields: TraceField[] | undefined): string {
  const written = fields?.length ? `${fields.map(([k, v]) => `${k}:${v}`).join(',')} ` : '';
  return `${JSON.stringify(msg)} ${written}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** dateTime is Go's "02-Jan-2006 15:04:05.000". */
function dateTime(ms: number): string {
  const d = new Date(ms);
  return `${String(d.getUTCDate()).padStart(2, '0')}-${MONTHS[d.getUTCMonth()]}-${d.getUTCFullYear()} ${clockTime(ms)}`;
}

/** clockTime is Go's "15:04:05.000". */
function clockTime(ms: number): string {
  return new Date(ms).toISOString().slice(11, 23);
}

function ns(ms: number): number {
  return Math.round(ms * NS_PER_MS);
}

function millis(ms: number): number {
  return Math.trunc(ns(ms) / NS_PER_MS);
}
