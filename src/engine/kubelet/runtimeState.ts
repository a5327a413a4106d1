// Mirrors kubernetes pkg/kubelet/runtime.go (runtimeState.runtimeErrors) and the loops that feed
// it in pkg/kubelet/kubelet.go (v1.32): updateRuntimeUp asks the runtime for its Status every
// 5 s and records a successful answer; 30 s without one (maxWaitForContainerRuntime) makes the
// runtime "down". The PLEG health check fails once no relist has succeeded for 3 minutes
// (pkg/kubelet/pleg/generic.go, relistThreshold). The node's Ready condition reports these errors.
//
// Nothing here runs on a timer: the ticks are computed from when the kubelet started and when
// containerd was stopped, so a healthy node costs no events.
import { formatGoDurationMs } from '../registry/goDuration';
import type { RuntimeOutage } from '../runtime/types';

export const RUNTIME_UP_PERIOD_MS = 5_000;
export const MAX_WAIT_FOR_CONTAINER_RUNTIME_MS = 30_000;
export const PLEG_RELIST_THRESHOLD_MS = 3 * 60_000;

export interface RuntimeStateInput {
  nowMs: number;
  /** kubeletStartedMs: the kubelet process start (its loops tick from there). */
  kubeletStartedMs: number;
  relistPeriodMs: number;
  outage: RuntimeOutage | undefined;
}

/**
 * lastSuccess is the last tick of a loop (period from `startMs`) at or before `nowMs` that did
 * not fall inside the outage, or undefined when there was none yet.
 */
export function lastSuccess(startMs: number, periodMs: number, nowMs: number, outage: RuntimeOutage | undefined): number | undefined {
  if (nowMs < startMs) return undefined;
  const tick = (ms: number) => startMs + Math.floor((ms - startMs) / periodMs) * periodMs;
  const latest = tick(nowMs);
  if (!outage || latest < outage.fromMs || (outage.toMs !== undefined && latest >= outage.toMs)) return latest;
  // The latest tick failed: the one before the outage began, if the loop had ticked by then.
  const before = outage.fromMs - 1;
  return before < startMs ? undefined : tick(before);
}

/**
 * runtimeErrors lists what keeps the node from being Ready because of the runtime, in
 * runtimeState's order: the base runtime sync, then the PLEG health check.
 */
export function runtimeErrors(input: RuntimeStateInput): string[] {
  const errors: string[] = [];
  const synced = lastSuccess(input.kubeletStartedMs, RUNTIME_UP_PERIOD_MS, input.nowMs, input.outage);
  if (synced === undefined) errors.push('container runtime status check may not have completed yet');
  else if (synced + MAX_WAIT_FOR_CONTAINER_RUNTIME_MS <= input.nowMs) errors.push('container runtime is down');
  const relisted = lastSuccess(input.kubeletStartedMs, input.relistPeriodMs, input.nowMs, input.outage);
  if (relisted === undefined) errors.push('PLEG is not healthy: pleg has yet to be successful');
  else if (input.nowMs - relisted > PLEG_RELIST_THRESHOLD_MS) {
    errors.push(`PLEG is not healthy: pleg was last seen active ${formatGoDurationMs(input.nowMs - relisted)} ago; threshold is ${formatGoDurationMs(PLEG_RELIST_THRESHOLD_MS)}`);
  }
  return errors;
}

/**
 * aggregateMessage is utilerrors.NewAggregate(errs).Error(): one error as is, several in
 * brackets joined by ", ".
 */
export function aggregateMessage(errors: readonly string[]): string {
  return errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`;
}
