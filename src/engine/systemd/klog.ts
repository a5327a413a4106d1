// klog's text header, as the kubelet writes its log lines to the journal (k8s.io/klog/v2
// formatHeader): severity letter, MMDD, time to the microsecond, the PID right-aligned in 7
// columns, the source file:line, then the structured message.

export type KlogSeverity = 'I' | 'W' | 'E';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * klogLine formats one line. The sim clock counts milliseconds; the microseconds klog prints
 * are filled from the time and PID so lines stay deterministic without looking rounded.
 *
 * @example
 * klogLine('E', Date.UTC(2026, 10, 24, 6, 40, 43, 759), 1825, 'kubelet.go:2993', '"Container runtime sanity check failed"');
 * // 'E1124 06:40:43.759597    1825 kubelet.go:2993] "Container runtime sanity check failed"'
 */
export function klogLine(severity: KlogSeverity, wallMs: number, pid: number, source: string, message: string): string {
  const d = new Date(wallMs);
  const micros = pad(d.getUTCMilliseconds(), 3) + pad((Math.floor(wallMs) * 7919 + pid * 31) % 1000, 3);
  return `${severity}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${micros} ${String(pid).padStart(7)} ${source}] ${message}`;
}

/** klogValue quotes a structured value the way klog's text format does (strconv.Quote). */
export function klogValue(value: string): string {
  return JSON.stringify(value);
}
