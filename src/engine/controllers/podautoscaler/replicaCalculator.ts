// Mirrors kubernetes pkg/controller/podautoscaler/replica_calculator.go (v1.32): the desired
// replica count for one metric. Resource and pod metrics go through groupPods (missing and unready
// pods are filled in conservatively); object and external metrics scale by a plain ratio.
import type { Pod } from 'kubernetes-types/core/v1';
import type { Selector } from '../../api/labels';
import { wait, type Task } from '../../sim/task';
import type { MetricsClient, ObjectReference, PodMetricsInfo } from './metrics/interfaces';
import { getMetricUsageRatio, getResourceUtilizationRatio } from './metrics/utilization';
import { calculatePodRequests, groupPods, removeMetricsForPods, type PodGroups } from './podGroups';

/** ReplicaProposal is one metric's answer; `utilization` is set for Utilization targets only. */
export interface ReplicaProposal {
  replicas: number;
  /** usage: the metric's current value (average milli-units, or the object/external value). */
  usage: number;
  utilization?: number;
  timestampMs: number;
  /** detail is what the HPA trace shows about the computation (pod groups, ratios). */
  detail: ProposalDetail;
}

/** ProposalDetail: the numbers behind a proposal, for the UI's `ceil(current × ratio)` panel. */
export interface ProposalDetail {
  usageRatio: number;
  readyPods?: number;
  unreadyPods?: string[];
  missingPods?: string[];
  ignoredPods?: string[];
  /** newUsageRatio: the ratio after filling in missing/unready pods (when that happened). */
  newUsageRatio?: number;
  /** podsConsidered: the pod count the final ceil() multiplied by. */
  podsConsidered?: number;
}

export type ProposalResult = ({ ok: true } & ReplicaProposal) | { ok: false; error: string };

/** ReplicaCalculatorOptions are the calculator's collaborators and flags. */
export interface ReplicaCalculatorOptions {
  metricsClient: MetricsClient;
  /** listPods is the pod lister: pods of a namespace matching a selector. */
  listPods: (namespace: string, selector: Selector) => Pod[];
  tolerance: number;
  cpuInitializationPeriodMs: number;
  delayOfInitialReadinessStatusMs: number;
  epochMs: number;
  nowMs: () => number;
}

const NO_PODS = 'no pods returned by selector while calculating replica count';
const NO_READY_METRICS = 'did not receive metrics for targeted pods (pods might be unready)';

/** ReplicaCalculator bundles what is needed to turn metrics into a replica count. */
export class ReplicaCalculator {
  constructor(private readonly options: ReplicaCalculatorOptions) {}

  /**
   * getResourceReplicas: desired replicas for a target utilization (percent of request) of a
   * resource. Worked example (TestReplicaCalcScaleUpUnreadyLessScale): pods at 600m (unready),
   * 1000m, 1400m of 2000m requests, target 30 %: ready utilization 60 % → ratio 2.0 > 1, so the
   * unready pod is counted at 0 → 40 % → ratio 1.333 → ceil(1.333 × 3) = 4.
   */
  *getResourceReplicas(currentReplicas: number, targetUtilization: number, resource: string, namespace: string, selector: Selector, container: string): Task<ProposalResult> {
    const fetched = yield* wait(this.options.metricsClient.getResourceMetric(resource, namespace, selector, container));
    if (!fetched.ok) return { ok: false, error: `unable to get metrics for resource ${resource}: ${fetched.error}` };
    const metrics = fetched.value;
    const podList = this.options.listPods(namespace, selector);
    if (podList.length === 0) return { ok: false, error: NO_PODS };
    const groups = this.groupPods(podList, metrics, resource);
    removeMetricsForPods(metrics, groups.ignoredPods);
    removeMetricsForPods(metrics, groups.unreadyPods);
    if (metrics.size === 0) return { ok: false, error: NO_READY_METRICS };
    const requests = calculatePodRequests(podList, container, resource);
    if (!requests.ok) return requests;
    const first = getResourceUtilizationRatio(metrics, requests.requests, targetUtilization);
    if (!first.ok) return first;
    const answer = (replicas: number, extra: Partial<ProposalDetail> = {}): ProposalResult => ({
      ok: true, replicas, usage: first.rawAverageValue, utilization: first.utilization, timestampMs: fetched.timestampMs,
      detail: { usageRatio: first.usageRatio, ...describeGroups(groups), ...extra },
    });
    const scaleUpWithUnready = groups.unreadyPods.size > 0 && first.usageRatio > 1.0;
    if (!scaleUpWithUnready && groups.missingPods.size === 0) {
      // Within tolerance the change would be too small; otherwise every pod is ready and measured.
      if (this.withinTolerance(first.usageRatio)) return answer(currentReplicas);
      return answer(Math.ceil(first.usageRatio * groups.readyPodCount), { podsConsidered: groups.readyPodCount });
    }
    if (groups.missingPods.size > 0) {
      if (first.usageRatio < 1.0) {
        // On a scale-down, missing pods use 100 % of their request (or the target, above 100 %).
        const fallbackUtilization = Math.max(100, targetUtilization);
        for (const name of groups.missingPods) metrics.set(name, { timestampMs: 0, windowMs: 0, value: Math.trunc((requests.requests.get(name)! * fallbackUtilization) / 100) });
      } else if (first.usageRatio > 1.0) {
        for (const name of groups.missingPods) metrics.set(name, { timestampMs: 0, windowMs: 0, value: 0 });
      }
    }
    // On a scale-up, unready pods count as using nothing.
    if (scaleUpWithUnready) for (const name of groups.unreadyPods) metrics.set(name, { timestampMs: 0, windowMs: 0, value: 0 });
    const rerun = getResourceUtilizationRatio(metrics, requests.requests, targetUtilization);
    if (!rerun.ok) return rerun;
    return answer(this.rebalanced(currentReplicas, first.usageRatio, rerun.usageRatio, metrics.size), { newUsageRatio: rerun.usageRatio, podsConsidered: metrics.size });
  }

  /**
   * rebalanced is the common tail of the resource and plain-metric paths: keep the current count
   * if the filled-in ratio is within tolerance or flips the scale direction, or if the pod count
   * of the calculation would move replicas the other way.
   */
  private rebalanced(currentReplicas: number, usageRatio: number, newUsageRatio: number, podsConsidered: number): number {
    if (this.withinTolerance(newUsageRatio) || (usageRatio < 1.0 && newUsageRatio > 1.0) || (usageRatio > 1.0 && newUsageRatio < 1.0)) return currentReplicas;
    const newReplicas = Math.ceil(newUsageRatio * podsConsidered);
    if ((newUsageRatio < 1.0 && newReplicas > currentReplicas) || (newUsageRatio > 1.0 && newReplicas < currentReplicas)) return currentReplicas;
    return newReplicas;
  }

  /** getRawResourceReplicas: desired replicas for a target average value (AverageValue) of a resource. */
  *getRawResourceReplicas(currentReplicas: number, targetUsage: number, resource: string, namespace: string, selector: Selector, container: string): Task<ProposalResult> {
    const fetched = yield* wait(this.options.metricsClient.getResourceMetric(resource, namespace, selector, container));
    if (!fetched.ok) return { ok: false, error: `unable to get metrics for resource ${resource}: ${fetched.error}` };
    const result = this.calcPlainMetricReplicas(fetched.value, currentReplicas, targetUsage, namespace, selector, resource);
    return result.ok ? { ...result, timestampMs: fetched.timestampMs } : result;
  }

  /** getMetricReplicas: desired replicas for a target average value of a custom per-pod metric. */
  *getMetricReplicas(currentReplicas: number, targetUsage: number, metricName: string, namespace: string, selector: Selector, metricSelector: Selector): Task<ProposalResult> {
    const fetched = yield* wait(this.options.metricsClient.getRawMetric(metricName, namespace, selector, metricSelector));
    if (!fetched.ok) return { ok: false, error: `unable to get metric ${metricName}: ${fetched.error}` };
    const result = this.calcPlainMetricReplicas(fetched.value, currentReplicas, targetUsage, namespace, selector, '');
    return result.ok ? { ...result, timestampMs: fetched.timestampMs } : result;
  }

  /**
   * calcPlainMetricReplicas is the average-value version of getResourceReplicas: on a scale-down
   * missing pods are assumed to sit exactly at the target, on a scale-up at zero.
   */
  calcPlainMetricReplicas(metrics: PodMetricsInfo, currentReplicas: number, targetUsage: number, namespace: string, selector: Selector, resource: string): ProposalResult {
    const podList = this.options.listPods(namespace, selector);
    if (podList.length === 0) return { ok: false, error: NO_PODS };
    const groups = this.groupPods(podList, metrics, resource);
    removeMetricsForPods(metrics, groups.ignoredPods);
    removeMetricsForPods(metrics, groups.unreadyPods);
    if (metrics.size === 0) return { ok: false, error: NO_READY_METRICS };
    const { usageRatio, usage } = getMetricUsageRatio(metrics, targetUsage);
    const answer = (replicas: number, extra: Partial<ProposalDetail> = {}): ProposalResult => ({ ok: true, replicas, usage, timestampMs: 0, detail: { usageRatio, ...describeGroups(groups), ...extra } });
    const scaleUpWithUnready = groups.unreadyPods.size > 0 && usageRatio > 1.0;
    if (!scaleUpWithUnready && groups.missingPods.size === 0) {
      if (this.withinTolerance(usageRatio)) return answer(currentReplicas);
      return answer(Math.ceil(usageRatio * groups.readyPodCount), { podsConsidered: groups.readyPodCount });
    }
    if (groups.missingPods.size > 0) {
      const fill = usageRatio < 1.0 ? targetUsage : usageRatio > 1.0 ? 0 : undefined;
      if (fill !== undefined) for (const name of groups.missingPods) metrics.set(name, { timestampMs: 0, windowMs: 0, value: fill });
    }
    if (scaleUpWithUnready) for (const name of groups.unreadyPods) metrics.set(name, { timestampMs: 0, windowMs: 0, value: 0 });
    const newUsageRatio = getMetricUsageRatio(metrics, targetUsage).usageRatio;
    return answer(this.rebalanced(currentReplicas, usageRatio, newUsageRatio, metrics.size), { newUsageRatio, podsConsidered: metrics.size });
  }

  /** getObjectMetricReplicas: desired replicas for a target value of one object's metric. */
  *getObjectMetricReplicas(currentReplicas: number, targetUsage: number, metricName: string, namespace: string, objectRef: ObjectReference, selector: Selector, metricSelector: Selector): Task<ProposalResult> {
    const fetched = yield* wait(this.options.metricsClient.getObjectMetric(metricName, namespace, objectRef, metricSelector));
    if (!fetched.ok) return { ok: false, error: `unable to get metric ${metricName}: ${objectRef.kind} on ${namespace} ${objectRef.name}/${fetched.error}` };
    const usage = fetched.value;
    const usageRatio = usage / targetUsage;
    const counted = this.getUsageRatioReplicaCount(currentReplicas, usageRatio, namespace, selector);
    if (!counted.ok) return counted;
    // Upstream drops the object metric's timestamp here (it returns the zero time).
    return { ok: true, replicas: counted.replicas, usage, timestampMs: 0, detail: { usageRatio, readyPods: counted.readyPods } };
  }

  /**
   * getUsageRatioReplicaCount scales the ready pod count by the ratio; with zero current replicas
   * it skips tolerance and readiness so a target can scale up from zero.
   */
  getUsageRatioReplicaCount(currentReplicas: number, usageRatio: number, namespace: string, selector: Selector): { ok: true; replicas: number; readyPods?: number } | { ok: false; error: string } {
    if (currentReplicas === 0) return { ok: true, replicas: Math.ceil(usageRatio) };
    if (this.withinTolerance(usageRatio)) return { ok: true, replicas: currentReplicas };
    const ready = this.getReadyPodsCount(namespace, selector);
    if (!ready.ok) return { ok: false, error: `unable to calculate ready pods: ${ready.error}` };
    return { ok: true, replicas: Math.ceil(usageRatio * ready.count), readyPods: ready.count };
  }

  /** getObjectPerPodMetricReplicas: desired replicas for a target average value of an object metric. */
  *getObjectPerPodMetricReplicas(statusReplicas: number, targetAverageUsage: number, metricName: string, namespace: string, objectRef: ObjectReference, metricSelector: Selector): Task<ProposalResult> {
    const fetched = yield* wait(this.options.metricsClient.getObjectMetric(metricName, namespace, objectRef, metricSelector));
    if (!fetched.ok) return { ok: false, error: `unable to get metric ${metricName}: ${objectRef.kind} on ${namespace} ${objectRef.name}/${fetched.error}` };
    return { ok: true, ...this.perPod(statusReplicas, targetAverageUsage, fetched.value), timestampMs: fetched.timestampMs };
  }

  /** perPod: ratio = value / (target × replicas); outside tolerance replicas = ceil(value / target). */
  private perPod(statusReplicas: number, targetAverageUsage: number, total: number): Omit<ReplicaProposal, 'timestampMs'> {
    const usageRatio = total / (targetAverageUsage * statusReplicas);
    const replicas = this.withinTolerance(usageRatio) ? statusReplicas : Math.ceil(total / targetAverageUsage);
    return { replicas, usage: Math.ceil(total / statusReplicas), detail: { usageRatio } };
  }

  /** getReadyPodsCount counts Running pods whose Ready condition is True. */
  getReadyPodsCount(namespace: string, selector: Selector): { ok: true; count: number } | { ok: false; error: string } {
    const podList = this.options.listPods(namespace, selector);
    if (podList.length === 0) return { ok: false, error: NO_PODS };
    const count = podList.filter((pod) => pod.status?.phase === 'Running' && pod.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')).length;
    return { ok: true, count };
  }

  /** getExternalMetricReplicas: the sum of every series against a target value. */
  *getExternalMetricReplicas(currentReplicas: number, targetUsage: number, metricName: string, namespace: string, metricSelector: Selector, selectorText: string, podSelector: Selector): Task<ProposalResult> {
    const fetched = yield* wait(this.options.metricsClient.getExternalMetric(metricName, namespace, metricSelector));
    if (!fetched.ok) return { ok: false, error: `unable to get external metric ${namespace}/${metricName}/${selectorText}: ${fetched.error}` };
    const usage = fetched.value.reduce((sum, v) => sum + v, 0);
    const usageRatio = usage / targetUsage;
    const counted = this.getUsageRatioReplicaCount(currentReplicas, usageRatio, namespace, podSelector);
    if (!counted.ok) return counted;
    return { ok: true, replicas: counted.replicas, usage, timestampMs: 0, detail: { usageRatio, readyPods: counted.readyPods } };
  }

  /** getExternalPerPodMetricReplicas: the sum of every series against a target average value. */
  *getExternalPerPodMetricReplicas(statusReplicas: number, targetUsagePerPod: number, metricName: string, namespace: string, metricSelector: Selector, selectorText: string): Task<ProposalResult> {
    const fetched = yield* wait(this.options.metricsClient.getExternalMetric(metricName, namespace, metricSelector));
    if (!fetched.ok) return { ok: false, error: `unable to get external metric ${namespace}/${metricName}/${selectorText}: ${fetched.error}` };
    const usage = fetched.value.reduce((sum, v) => sum + v, 0);
    return { ok: true, ...this.perPod(statusReplicas, targetUsagePerPod, usage), timestampMs: fetched.timestampMs };
  }

  private groupPods(pods: Pod[], metrics: PodMetricsInfo, resource: string): PodGroups {
    const { epochMs, cpuInitializationPeriodMs, delayOfInitialReadinessStatusMs } = this.options;
    return groupPods(pods, metrics, resource, { nowMs: this.options.nowMs(), epochMs, cpuInitializationPeriodMs, delayOfInitialReadinessStatusMs });
  }

  /** withinTolerance: |1 − ratio| ≤ tolerance (inclusive) means the change would be too small. */
  private withinTolerance(usageRatio: number): boolean {
    return Math.abs(1.0 - usageRatio) <= this.options.tolerance;
  }
}

function describeGroups(groups: PodGroups): Partial<ProposalDetail> {
  const sorted = (set: Set<string>) => [...set].sort();
  return { readyPods: groups.readyPodCount, unreadyPods: sorted(groups.unreadyPods), missingPods: sorted(groups.missingPods), ignoredPods: sorted(groups.ignoredPods) };
}
