// kube-apiserver's log of slow requests: each handler span that took 500 ms or more is written by
// klog.Info from k8s.io/utils/trace (trace.go:236 in the version v1.32 vendors), one message of
// several lines, so `kubectl logs -n kube-system kube-apiserver-NODE` shows where a write waited.
import type { ResourceInfo } from '../../api/resources';
import { LogBuffer, type LogBufferLine } from '../../runtime/logBuffer';
import type { Rng } from '../../sim/rng';
import { uuidV4 } from '../../sim/uuid';
import type { ApiRequest, ApiResult } from '../request';
import type { RequestSpan } from './requestSpan';
import { HANDLER_THRESHOLD_MS, requestTrace } from './requestTrace';
import { logTrace } from './trace';

/** SlowRequestLog keeps the apiserver's trace messages, for its static pod's container log. */
export class SlowRequestLog {
  private readonly buffer = new LogBuffer();
  /** recent: the latest slow requests (when each ended, how long it took), for the map's badge. */
  private readonly recent: Array<{ endMs: number; tookMs: number }> = [];

  constructor(
    private readonly rng: Rng,
    private readonly epochMs: number,
    /** clientIP is the source address of a component's connection (a kubelet's node IP). */
    private readonly clientIP: (component: string) => string,
  ) {}

  since(fromMs: number): LogBufferLine[] {
    return this.buffer.since(fromMs);
  }

  /** slowestSince is the longest of the slow requests that ended at or after `fromMs`. */
  slowestSince(fromMs: number): number | undefined {
    let slowest: number | undefined;
    for (const r of this.recent) if (r.endMs >= fromMs && (slowest === undefined || r.tookMs > slowest)) slowest = r.tookMs;
    return slowest;
  }

  /** finished is called once a traced request was answered; only a long one is built and logged. */
  finished(req: ApiRequest, info: ResourceInfo, span: RequestSpan, result: ApiResult<unknown>, endMs: number): void {
    // A store call lies inside its handler's span: a quick handler has no long nested trace either.
    if (endMs - span.startMs < HANDLER_THRESHOLD_MS) return;
    this.recent.push({ endMs, tookMs: endMs - span.startMs });
    if (this.recent.length > 64) this.recent.shift();
    const party = { clientIP: this.clientIP(req.component), auditID: uuidV4(this.rng) };
    const trace = requestTrace(req, info, span, result, endMs, party);
    const clock = { epochMs: this.epochMs, traceNumber: () => this.rng.int(2 ** 31), subMsNs: (atMs: number) => subMsNs(atMs) };
    for (const message of logTrace(trace, clock)) {
      const [first, ...rest] = message.lines;
      this.buffer.push(message.atMs, `${klogHeader(this.epochMs + message.atMs, subMsNs(message.atMs + 1))}trace.go:236] ${first}`);
      for (const line of rest) this.buffer.push(message.atMs, line);
    }
  }
}

/** klogHeader is klog's `I1124 19:05:01.203456       1 ` (severity, date, time in µs, thread id). */
function klogHeader(ms: number, extraNs: number): string {
  const iso = new Date(ms).toISOString();
  const micros = String(Math.floor(extraNs / 1000)).padStart(3, '0');
  return `I${iso.slice(5, 7)}${iso.slice(8, 10)} ${iso.slice(11, 23)}${micros}       1 `;
}

/** subMsNs: the sub-millisecond digits a real clock adds, derived from the instant so runs repeat. */
function subMsNs(atMs: number): number {
  return (Math.imul(Math.round(atMs) + 1, 2654435761) >>> 0) % 1_000_000;
}
