// Mirrors kubernetes pkg/kubelet/prober/worker.go doProbe (v1.32): startup, liveness and
// readiness results of one container instance. Rather than a worker ticking every periodSeconds
// for every container (150,000 pods in the benchmark), the probe outcomes over the container's
// lifetime (handlers.ts) are walked once per instance: when startup succeeds or kills, when
// liveness kills, when readiness flips, and at which ticks a failed probe emits `Unhealthy`.
// Ticks fall at start + initialDelaySeconds + k × periodSeconds (upstream skips ticks before the
// initial delay; its ticker phase is set by when the worker started).
import type { Container, Probe } from 'kubernetes-types/core/v1';
import type { ContainerRecord } from '../../runtime/types';
import { probeSegments, type ProbeSegment } from './handlers';

export type ProbeType = 'Startup' | 'Liveness' | 'Readiness';

/** ProbeFailure is one failed probe: an `Unhealthy` event "<type> probe failed: <output>". */
export interface ProbeFailure {
  atMs: number;
  probe: ProbeType;
  output: string;
}

/** ProbeAnalysis: absolute sim times for one running container instance. */
export interface ProbeAnalysis {
  /** startedAtMs: startup probe success (container start without one); undefined if it never succeeds. */
  startedAtMs?: number;
  /** killAtMs: the failed startup/liveness probe that reaches failureThreshold. */
  killAtMs?: number;
  killProbe?: 'Startup' | 'Liveness';
  /** readiness: ready from/until these times, in order (the container starts unready). */
  readiness: Array<{ atMs: number; ready: boolean }>;
  failures: ProbeFailure[];
  /** tail: readiness keeps failing every periodMs from fromMs on (forever, while running). */
  tail?: { fromMs: number; periodMs: number; output: string };
}

const MAX_TICKS = 20_000;

interface Walk {
  probe: Probe;
  segments: ProbeSegment[];
  startMs: number;
  periodMs: number;
}

function walk(probe: Probe, container: Container, record: ContainerRecord, podIP: string): Walk {
  return { probe, segments: probeSegments(probe, container, record, podIP), startMs: record.startedAtMs ?? 0, periodMs: (probe.periodSeconds ?? 10) * 1000 };
}

/** outcomeAt: the segment in force `relMs` after start. */
function outcomeAt(segments: ProbeSegment[], relMs: number): ProbeSegment {
  let current = segments[0];
  for (const segment of segments) if (segment.fromMs <= relMs) current = segment;
  return current;
}

/** firstTick: the first probe tick at or after `relMs`. */
function firstTick(w: Walk, relMs: number): number {
  const delayMs = (w.probe.initialDelaySeconds ?? 0) * 1000;
  if (relMs <= delayMs) return delayMs;
  return delayMs + Math.ceil((relMs - delayMs) / w.periodMs) * w.periodMs;
}

/** analyzeProbes walks startup, then liveness and readiness (both gated on startup). */
export function analyzeProbes(container: Container, record: ContainerRecord, podIP: string): ProbeAnalysis {
  const out: ProbeAnalysis = { readiness: [], failures: [] };
  const start = record.startedAtMs ?? 0;
  let startedRel: number | undefined = 0;
  if (container.startupProbe) {
    startedRel = undefined;
    const w = walk(container.startupProbe, container, record, podIP);
    const threshold = container.startupProbe.failureThreshold ?? 3;
    let failed = 0;
    for (let tick = firstTick(w, 0), n = 0; n < MAX_TICKS; tick += w.periodMs, n++) {
      const outcome = outcomeAt(w.segments, tick);
      if (outcome.ok) {
        startedRel = tick;
        break;
      }
      out.failures.push({ atMs: start + tick, probe: 'Startup', output: outcome.output });
      if (++failed >= threshold) {
        out.killAtMs = start + tick;
        out.killProbe = 'Startup';
        break;
      }
    }
  }
  if (startedRel === undefined) return out;
  out.startedAtMs = start + startedRel;
  if (container.livenessProbe) liveness(out, walk(container.livenessProbe, container, record, podIP), startedRel);
  if (container.readinessProbe) readiness(out, walk(container.readinessProbe, container, record, podIP), startedRel);
  else out.readiness.push({ atMs: out.startedAtMs, ready: true });
  out.failures.sort((a, b) => a.atMs - b.atMs);
  return out;
}

/** liveness: consecutive failures up to failureThreshold kill; a success resets the count. */
function liveness(out: ProbeAnalysis, w: Walk, fromRel: number): void {
  const threshold = w.probe.failureThreshold ?? 3;
  const lastChange = w.segments.at(-1)!.fromMs;
  let failed = 0;
  for (let tick = firstTick(w, fromRel), n = 0; n < MAX_TICKS; tick += w.periodMs, n++) {
    const outcome = outcomeAt(w.segments, tick);
    if (outcome.ok) {
      if (tick >= lastChange) return;
      failed = 0;
      continue;
    }
    out.failures.push({ atMs: w.startMs + tick, probe: 'Liveness', output: outcome.output });
    if (++failed >= threshold) {
      out.killAtMs = w.startMs + tick;
      out.killProbe = 'Liveness';
      return;
    }
  }
}

/**
 * readiness: unready until successThreshold consecutive successes, unready again after
 * failureThreshold consecutive failures. Probes stop when liveness kills the container.
 * A refusal before the server first listens is not reported (real probe ticks rarely land in
 * the few milliseconds a server needs to bind its port).
 */
function readiness(out: ProbeAnalysis, w: Walk, fromRel: number): void {
  const successes = w.probe.successThreshold ?? 1;
  const failures = w.probe.failureThreshold ?? 3;
  const endRel = out.killAtMs === undefined ? Infinity : out.killAtMs - w.startMs;
  // Ticks past the last change (or past the start, when a startup probe gated readiness until
  // after the server was up) all answer the same: a few of them settle the state.
  const settleRel = Math.max(w.segments.at(-1)!.fromMs, fromRel) + (Math.max(successes, failures) + 1) * w.periodMs;
  let ready = false;
  let okRun = 0;
  let failRun = 0;
  let tick = firstTick(w, fromRel);
  for (let n = 0; n < MAX_TICKS && tick < endRel && tick <= settleRel; tick += w.periodMs, n++) {
    const outcome = outcomeAt(w.segments, tick);
    if (outcome.ok) {
      failRun = 0;
      if (!ready && ++okRun >= successes) {
        ready = true;
        out.readiness.push({ atMs: w.startMs + tick, ready: true });
      }
      continue;
    }
    okRun = 0;
    if (!preListen(w.segments, outcome)) out.failures.push({ atMs: w.startMs + tick, probe: 'Readiness', output: outcome.output });
    if (ready && ++failRun >= failures) {
      ready = false;
      out.readiness.push({ atMs: w.startMs + tick, ready: false });
    }
  }
  const last = w.segments.at(-1)!;
  if (!last.ok && endRel === Infinity && !preListen(w.segments, last)) out.tail = { fromMs: w.startMs + tick, periodMs: w.periodMs, output: last.output };
}

function preListen(segments: ProbeSegment[], outcome: ProbeSegment): boolean {
  return outcome === segments[0] && segments.length > 1 && segments[1].ok && /connection refused/.test(outcome.output);
}

/** readyAt: whether the analysis says ready at `nowMs`. */
export function readyAt(analysis: ProbeAnalysis, nowMs: number): boolean {
  let ready = false;
  for (const step of analysis.readiness) if (step.atMs <= nowMs) ready = step.ready;
  return ready;
}

/** nextChangeAfter: the next time (> nowMs) the status or the runtime actions change, for a wake-up. */
export function nextChangeAfter(analysis: ProbeAnalysis, nowMs: number): number | undefined {
  const times = [analysis.startedAtMs, analysis.killAtMs, ...analysis.readiness.map((r) => r.atMs)].filter((t): t is number => t !== undefined && t > nowMs);
  return times.length === 0 ? undefined : Math.min(...times);
}

/** nextFailureAtOrAfter: the next failed probe at or after `atMs` (the Unhealthy event timer). */
export function nextFailureAtOrAfter(analysis: ProbeAnalysis, atMs: number): number | undefined {
  const finite = analysis.failures.find((f) => f.atMs >= atMs);
  if (finite) return finite.atMs;
  const tail = analysis.tail;
  if (!tail) return undefined;
  if (atMs <= tail.fromMs) return tail.fromMs;
  return tail.fromMs + Math.ceil((atMs - tail.fromMs) / tail.periodMs) * tail.periodMs;
}

/** failuresAt: the failed probes at exactly `atMs` (several probe types may tick together). */
export function failuresAt(analysis: ProbeAnalysis, atMs: number): ProbeFailure[] {
  const found = analysis.failures.filter((f) => f.atMs === atMs);
  const tail = analysis.tail;
  if (tail && atMs >= tail.fromMs && (atMs - tail.fromMs) % tail.periodMs === 0) found.push({ atMs, probe: 'Readiness', output: tail.output });
  return found;
}

const cache = new WeakMap<ContainerRecord, { analysis: ProbeAnalysis; layerChanges: number }>();

/**
 * probeAnalysis: analyzeProbes, once per running container instance, and again after `kubectl
 * exec` changed the container's files (an exec probe may look at them).
 */
export function probeAnalysis(container: Container, record: ContainerRecord, podIP: string): ProbeAnalysis {
  const layerChanges = record.layer?.history.length ?? 0;
  const cached = cache.get(record);
  if (cached && cached.layerChanges === layerChanges) return cached.analysis;
  const analysis = analyzeProbes(container, record, podIP);
  cache.set(record, { analysis, layerChanges });
  return analysis;
}

/** hasProbes: whether the container needs an analysis (most containers have none). */
export function hasProbes(container: Container): boolean {
  return Boolean(container.startupProbe || container.livenessProbe || container.readinessProbe);
}
