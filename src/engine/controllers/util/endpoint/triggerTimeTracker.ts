// Mirrors kubernetes pkg/controller/util/endpoint/trigger_time_tracker.go.

import type { Pod, Service } from 'kubernetes-types/core/v1';
import { fromRFC3339 } from '../../../sim/time';
import { getPodReadyCondition } from '../../podutil';

interface ServiceState {
  lastPodTriggerTimesMs: Map<string, number>;
  lastServiceTriggerTimeMs: number;
}

/**
 * TriggerTimeTracker computes the endpoints.kubernetes.io/last-change-trigger-time annotation: the
 * earliest change (a pod's Ready transition, the service's creation) not yet reflected in the
 * Endpoints object, so kube-proxy can measure network programming latency.
 */
export class TriggerTimeTracker {
  private readonly states = new Map<string, ServiceState>();

  constructor(private readonly epochMs: number) {}

  /** compute returns the trigger time in sim ms, or undefined when nothing changed. */
  compute(namespace: string, service: Service, pods: readonly Pod[]): number | undefined {
    const key = `${namespace}/${service.metadata?.name}`;
    const previous = this.states.get(key);
    const state: ServiceState = { lastPodTriggerTimesMs: new Map(), lastServiceTriggerTimeMs: 0 };
    this.states.set(key, state);
    let minChanged: number | undefined;
    for (const pod of pods) {
      const text = getPodReadyCondition(pod)?.lastTransitionTime;
      if (!text) continue;
      const t = fromRFC3339(text, this.epochMs);
      state.lastPodTriggerTimesMs.set(pod.metadata?.name ?? '', t);
      if (t > (previous?.lastPodTriggerTimesMs.get(pod.metadata?.name ?? '') ?? -Infinity)) minChanged = minChanged === undefined ? t : Math.min(minChanged, t);
    }
    const serviceTime = fromRFC3339(service.metadata?.creationTimestamp ?? '', this.epochMs);
    if (previous && serviceTime > previous.lastServiceTriggerTimeMs) minChanged = minChanged === undefined ? serviceTime : Math.min(minChanged, serviceTime);
    state.lastServiceTriggerTimeMs = serviceTime;
    return previous ? minChanged : serviceTime;
  }

  deleteService(namespace: string, name: string): void {
    this.states.delete(`${namespace}/${name}`);
  }
}
