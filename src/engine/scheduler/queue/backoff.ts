// Mirrors kubernetes pkg/scheduler/backend/queue/scheduling_queue.go (calculateBackoffDuration,
// isPodUpdated) and pkg/scheduler/apis/config/v1/defaults.go (podInitialBackoffSeconds 1,
// podMaxBackoffSeconds 10), v1.32.
import type { Pod } from 'kubernetes-types/core/v1';

/** QueueTimings are the queue's clocks, in sim ms. */
export interface QueueTimings {
  podInitialBackoffMs: number;
  podMaxBackoffMs: number;
  /** maxInUnschedulablePodsMs: DefaultPodMaxInUnschedulablePodsDuration (5 min). */
  maxInUnschedulablePodsMs: number;
  /** flushBackoffQIntervalMs: the 1 s loop moving finished back-offs to activeQ. */
  flushBackoffQIntervalMs: number;
  /** flushUnschedulableIntervalMs: the 30 s loop retrying pods parked longer than 5 min. */
  flushUnschedulableIntervalMs: number;
}

export const QUEUE_DEFAULTS: QueueTimings = {
  podInitialBackoffMs: 1_000,
  podMaxBackoffMs: 10_000,
  maxInUnschedulablePodsMs: 300_000,
  flushBackoffQIntervalMs: 1_000,
  flushUnschedulableIntervalMs: 30_000,
};

/**
 * podBackoffDurationMs: no back-off before the first attempt, then 1 s, 2 s, 4 s, 8 s, 10 s, 10 s...
 * for attempts 1, 2, 3, 4, 5, 6...
 */
export function podBackoffDurationMs(attempts: number, timings: QueueTimings = QUEUE_DEFAULTS): number {
  if (attempts === 0) return 0;
  let duration = timings.podInitialBackoffMs;
  for (let i = 1; i < attempts; i++) {
    if (duration > timings.podMaxBackoffMs - duration) return timings.podMaxBackoffMs;
    duration += duration;
  }
  return duration;
}

/** isPodUpdated compares two versions of a pod ignoring resourceVersion, generation and status. */
export function isPodUpdated(oldPod: Pod, newPod: Pod): boolean {
  if (oldPod.spec !== newPod.spec && JSON.stringify(oldPod.spec) !== JSON.stringify(newPod.spec)) return true;
  const strip = (pod: Pod) => ({ ...pod.metadata, resourceVersion: undefined, generation: undefined, managedFields: undefined, finalizers: undefined });
  return JSON.stringify(strip(oldPod)) !== JSON.stringify(strip(newPod));
}
