// Container logs as the CRI log files hold them (one timestamped line per write, stdout and
// stderr interleaved) and as `kubectl logs` prints them (--timestamps, --tail).
import { renderLogLines, type RenderedLogLine } from '../registry/logs';
import { fnv1a32 } from '../sim/rng';
import type { ContainerRecord } from './types';

/** MAX_LOG_LINES bounds what one read renders (a `while true; echo` loop running for days). */
export const MAX_LOG_LINES = 10_000;

/** LogsContext is what the lines may mention (pod name as hostname, pod IP, node kernel). */
export interface LogsContext {
  hostname: string;
  podIP: string;
  kernel: string;
  epochMs: number;
}

/**
 * containerLogLines renders what the container printed until `nowMs` (or its exit): the start-up
 * lines, the repeated lines of a loop, and the lines printed just before a natural exit.
 */
export function containerLogLines(container: ContainerRecord, context: LogsContext, nowMs: number): RenderedLogLine[] {
  const startedAtMs = container.startedAtMs;
  if (startedAtMs === undefined) return [];
  const endMs = container.finishedAtMs ?? nowMs;
  const behavior = container.behavior;
  const render = (lines: typeof behavior.logs, atMs: number) =>
    renderLogLines(lines, { startedAtMs: atMs, hostname: context.hostname, podIP: context.podIP, kernel: context.kernel, epochMs: context.epochMs });
  const out = render(behavior.logs, startedAtMs).filter((line) => line.timeMs <= endMs);
  const every = behavior.repeatEveryMs ?? 0;
  if (behavior.repeatLogs && every > 0) {
    const first = startedAtMs + Math.max(0, ...behavior.logs.map((l) => l.atMs));
    const iterations = Math.min(Math.floor((endMs - first) / every) + 1, MAX_LOG_LINES);
    for (let i = Math.max(0, iterations - MAX_LOG_LINES); i < iterations; i++) out.push(...render(behavior.repeatLogs, first + i * every));
  }
  if (container.liveLog) for (const line of container.liveLog(startedAtMs)) if (line.timeMs <= endMs) out.push({ timeMs: line.timeMs, stream: 'stderr', text: line.text });
  const natural = container.reason !== undefined && container.finishedAtMs !== undefined && behavior.mode === 'exit' && container.finishedAtMs - startedAtMs >= behavior.runMs;
  if (natural && behavior.exitLogs) out.push(...render(behavior.exitLogs, startedAtMs));
  out.sort((a, b) => a.timeMs - b.timeMs);
  return out.length > MAX_LOG_LINES ? out.slice(out.length - MAX_LOG_LINES) : out;
}

/** LogOptions are kubectl logs' --tail and --timestamps. */
export interface LogOptions {
  tail?: number;
  timestamps?: boolean;
}

/**
 * formatLogs prints lines as the kubelet streams them: text + newline, optionally prefixed by the
 * CRI timestamp in RFC 3339 with nanoseconds (Go's RFC3339Nano drops trailing zeros).
 */
export function formatLogs(lines: RenderedLogLine[], containerId: string, epochMs: number, options: LogOptions = {}): string {
  const stamps = options.timestamps ? criTimestamps(lines, epochMs, containerId) : [];
  const first = options.tail !== undefined && options.tail >= 0 ? Math.max(0, lines.length - options.tail) : 0;
  let out = '';
  for (let i = first; i < lines.length; i++) out += options.timestamps ? `${stamps[i]} ${lines[i].text}\n` : `${lines[i].text}\n`;
  return out;
}

/**
 * criTimestamps: each line's ms plus sub-millisecond digits, as containerd writes RFC3339Nano
 * (trailing zeros dropped). The digits start at a per-container offset and grow by 1.2 µs per line
 * within a millisecond, so timestamps stay in write order.
 */
export function criTimestamps(lines: readonly RenderedLogLine[], epochMs: number, containerId: string): string[] {
  const offsetNs = fnv1a32(containerId) % 400_000;
  let sameMs = 0;
  return lines.map((line, i) => {
    sameMs = i > 0 && lines[i - 1].timeMs === line.timeMs ? sameMs + 1 : 0;
    return criTimestamp(line.timeMs, epochMs, Math.min(offsetNs + sameMs * 1_231, 999_999));
  });
}

/** criTimestamp prints a ms instant plus `subMsNs` nanoseconds in Go's RFC3339Nano. */
export function criTimestamp(timeMs: number, epochMs: number, subMsNs: number): string {
  const iso = new Date(epochMs + timeMs).toISOString();
  const subMs = String(subMsNs).padStart(6, '0');
  const fraction = `${iso.slice(20, 23)}${subMs}`.replace(/0+$/, '');
  return `${iso.slice(0, 19)}${fraction ? `.${fraction}` : ''}Z`;
}
