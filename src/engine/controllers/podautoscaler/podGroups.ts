// Mirrors kubernetes pkg/controller/podautoscaler/replica_calculator.go (v1.32): groupPods,
// calculatePodRequests and removeMetricsForPods, the pod bookkeeping of the replica calculator.
import type { Container, Pod } from 'kubernetes-types/core/v1';
import { milliValue } from '../../api/quantity';
import { fromRFC3339 } from '../../sim/time';
import type { PodMetricsInfo } from './metrics/interfaces';

/** PodGroups is how groupPods sorts the selected pods; the sets hold pod names. */
export interface PodGroups {
  readyPodCount: number;
  unreadyPods: Set<string>;
  missingPods: Set<string>;
  ignoredPods: Set<string>;
}

/** ReadinessTiming carries the two controller flags groupPods needs, and the clock. */
export interface ReadinessTiming {
  nowMs: number;
  epochMs: number;
  cpuInitializationPeriodMs: number;
  delayOfInitialReadinessStatusMs: number;
}

/**
 * groupPods sorts pods into ready, unready, missing (no metric) and ignored (deleted or Failed).
 * Pending pods are unready. For CPU only, a Running pod is also unready when it has no Ready
 * condition or start time, when it is inside the CPU initialization period and either not Ready
 * or its sample does not cover a full window since it became Ready (start-up CPU spikes), or when
 * it is past that period but not Ready and has never been Ready (its condition changed within the
 * initial readiness delay of its start).
 */
export function groupPods(pods: readonly Pod[], metrics: PodMetricsInfo, resource: string, timing: ReadinessTiming): PodGroups {
  const groups: PodGroups = { readyPodCount: 0, unreadyPods: new Set(), missingPods: new Set(), ignoredPods: new Set() };
  for (const pod of pods) {
    const name = pod.metadata?.name ?? '';
    if (pod.metadata?.deletionTimestamp || pod.status?.phase === 'Failed') {
      groups.ignoredPods.add(name);
      continue;
    }
    if (pod.status?.phase === 'Pending') {
      groups.unreadyPods.add(name);
      continue;
    }
    const metric = metrics.get(name);
    if (!metric) {
      groups.missingPods.add(name);
      continue;
    }
    if (resource === 'cpu' && isUnreadyForCPU(pod, metric.timestampMs, metric.windowMs, timing)) {
      groups.unreadyPods.add(name);
      continue;
    }
    groups.readyPodCount++;
  }
  return groups;
}

function isUnreadyForCPU(pod: Pod, metricTimestampMs: number, metricWindowMs: number, timing: ReadinessTiming): boolean {
  const condition = pod.status?.conditions?.find((c) => c.type === 'Ready');
  const startTime = pod.status?.startTime;
  if (!condition || !startTime) return true;
  const startMs = fromRFC3339(startTime, timing.epochMs);
  const transitionMs = condition.lastTransitionTime ? fromRFC3339(condition.lastTransitionTime, timing.epochMs) : fromRFC3339('0001-01-01T00:00:00Z', timing.epochMs);
  if (startMs + timing.cpuInitializationPeriodMs > timing.nowMs) {
    // Still within the initialisation period: distrust the sample unless a full window was
    // collected after the pod became Ready.
    return condition.status === 'False' || metricTimestampMs < transitionMs + metricWindowMs;
  }
  // Past it: ignore the sample only if the pod is not Ready and has never been Ready.
  return condition.status === 'False' && startMs + timing.delayOfInitialReadinessStatusMs > transitionMs;
}

export type RequestsResult = { ok: true; requests: Map<string, number> } | { ok: false; error: string };

/**
 * calculatePodRequests sums, per pod, the millicore (or milli-unit) requests of its regular
 * containers and restartable init containers (sidecars), or of the one named `container`.
 * A considered container without a request is an error: utilization needs a denominator.
 */
export function calculatePodRequests(pods: readonly Pod[], container: string, resource: string): RequestsResult {
  const requests = new Map<string, number>();
  for (const pod of pods) {
    const containers: Container[] = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? []).filter((c) => (c as { restartPolicy?: string }).restartPolicy === 'Always')];
    let podSum = 0;
    for (const c of containers) {
      if (container !== '' && container !== c.name) continue;
      const request = c.resources?.requests?.[resource];
      if (request === undefined) return { ok: false, error: `missing request for ${resource} in container ${c.name} of Pod ${pod.metadata?.name ?? ''}` };
      podSum += milliValue(request);
    }
    requests.set(pod.metadata?.name ?? '', podSum);
  }
  return { ok: true, requests };
}

/** removeMetricsForPods drops the samples of the given pods. */
export function removeMetricsForPods(metrics: PodMetricsInfo, pods: ReadonlySet<string>): void {
  for (const pod of pods) metrics.delete(pod);
}
