// renderLogLines fills the tokens of an image's log lines (see LogLine in types.ts) so
// `kubectl logs` can print them with the times and names of this container.
import { DAYS, MONTHS } from '../go/timeNames';
import { DEFAULT_EPOCH_MS } from '../sim/time';
import type { LogLine, LogStream } from './types';

/** LogContext is what the lines may mention. */
export interface LogContext {
  /** startedAtMs is the sim time the container started. */
  startedAtMs: number;
  hostname: string;
  podIP: string;
  /** kernel is the node's kernel release (nginx prints it). */
  kernel?: string;
  epochMs?: number;
}

/** RenderedLogLine is a log line with its sim time. */
export interface RenderedLogLine {
  timeMs: number;
  stream: LogStream;
  text: string;
}

const two = (n: number) => String(n).padStart(2, '0');

/** formatTimestamp prints one instant in the style a program logs with. */
export function formatTimestamp(style: string, wallMs: number): string {
  const d = new Date(wallMs);
  const [y, mo, da, h, mi, s, ms] = [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()];
  const clock = `${two(h)}:${two(mi)}:${two(s)}`;
  const millis = String(ms).padStart(3, '0');
  switch (style) {
    case 'nginx': return `${y}/${two(mo + 1)}/${two(da)} ${clock}`;
    case 'klog': return `I${two(mo + 1)}${two(da)} ${clock}.${millis}000`;
    case 'redis': return `${two(da)} ${MONTHS[mo]} ${y} ${clock}.${millis}`;
    case 'apache': return `${DAYS[d.getUTCDay()]} ${MONTHS[mo]} ${two(da)} ${clock}.${millis}000 ${y}`;
    case 'mysql': return `${y}-${two(mo + 1)}-${two(da)} ${clock}+00:00`;
    // date(1)'s default format (busybox and coreutils): `Wed Jan  1 00:00:05 UTC 2025`.
    case 'date': return `${DAYS[d.getUTCDay()]} ${MONTHS[mo]} ${String(da).padStart(2, ' ')} ${clock} UTC ${y}`;
    // date +%s: seconds since the Unix epoch.
    case 'epoch': return String(Math.floor(wallMs / 1000));
    case 'postgres': return `${y}-${two(mo + 1)}-${two(da)} ${clock}.${millis} UTC`;
    default: return d.toISOString();
  }
}

/** renderLogLines turns log templates into text, in time order. */
export function renderLogLines(lines: LogLine[], context: LogContext): RenderedLogLine[] {
  const epochMs = context.epochMs ?? DEFAULT_EPOCH_MS;
  return lines.map((line) => {
    const timeMs = context.startedAtMs + line.atMs;
    const text = line.text
      .replace(/\{\{ts:(\w+)\}\}/g, (_, style: string) => formatTimestamp(style, epochMs + timeMs))
      .replace(/\{\{hostname\}\}/g, context.hostname)
      .replace(/\{\{podIP\}\}/g, context.podIP)
      .replace(/\{\{kernel\}\}/g, context.kernel ?? '6.8.0-51-generic');
    return { timeMs, stream: line.stream, text };
  });
}
