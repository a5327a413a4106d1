// Mirrors pkg/kubelet/eviction (v1.32) for kubeadm's one default hard threshold,
// memory.available<100Mi: every monitoring interval (10 s) the manager observes the node's memory,
// reports MemoryPressure (held for the 5-minute pressure transition period after the threshold was
// last met), and while the threshold is met evicts one pod per pass, ranked as rankMemoryPressure
// ranks them. The evicted pod ends Failed with reason Evicted, a DisruptionTarget condition and an
// Evicted event, in helpers.go's words.
import type { Pod, PodCondition, PodStatus } from 'kubernetes-types/core/v1';
import type { Stored } from '../../api/object';
import { value } from '../../api/quantity';
import type { LoadModel } from '../../metrics/loadModel';
import { containerWorkingSet, pageAligned, SYSTEM_USAGE } from '../../metrics/nodeStats';
import type { ContainerRuntime } from '../../runtime/containerRuntime';
import type { Simulator } from '../../sim/simulator';
import { formatBinarySI } from '../nodestatus/quantity';
import { isMirrorPod, isStaticPod } from '../pod/mirrorClient';
import type { PodStatusFunc } from '../podWorkers';

/** PRESSURE_TRANSITION_MS: --eviction-pressure-transition-period (5m). */
export const PRESSURE_TRANSITION_MS = 5 * 60_000;
/** IMMEDIATE_GRACE_SECONDS: a hard threshold kills at once (immediateEvictionGracePeriodSeconds). */
const IMMEDIATE_GRACE_SECONDS = 1;
/** SYSTEM_CRITICAL_PRIORITY: pods at or above it are never evicted (IsCriticalPodBasedOnPriority). */
const SYSTEM_CRITICAL_PRIORITY = 2_000_000_000;

export interface EvictionDeps {
  sim: Simulator;
  runtime: ContainerRuntime;
  load: LoadModel;
  /** capacityBytes: the machine's memory. */
  capacityBytes: number;
  /** thresholdBytes: evictionHard memory.available. */
  thresholdBytes: number;
  /** activePods: the pods the kubelet runs that have not terminated. */
  activePods(): Array<Stored<Pod>>;
  /** killPod asks the pod's worker to terminate it with this status; false when it cannot. */
  killPod(pod: Stored<Pod>, graceSeconds: number, statusFn: PodStatusFunc): boolean;
  recordEvent(pod: Stored<Pod>, reason: string, message: string): void;
  /** now: the wall clock as RFC 3339 (the condition's lastTransitionTime). */
  now(): string;
}

interface Observation {
  availableBytes: number;
  /** usage: per pod uid, per container, the working set. */
  usage: Map<string, Map<string, number>>;
}

export class EvictionManager {
  private thresholdMetAtMs: number | undefined;

  constructor(private readonly deps: EvictionDeps) {}

  /** memoryPressure: the threshold was met within the pressure transition period. */
  memoryPressure(): boolean {
    return this.thresholdMetAtMs !== undefined && this.deps.sim.nowMs - this.thresholdMetAtMs < PRESSURE_TRANSITION_MS;
  }

  /** synchronize is one monitoring pass: observe, and evict one pod while the threshold is met. */
  synchronize(): void {
    // The common case, a node with room, costs one pass adding numbers; the per-pod view is built
    // only when the threshold is met.
    if (this.observe(false).availableBytes >= this.deps.thresholdBytes) return;
    const observed = this.observe(true);
    this.thresholdMetAtMs = this.deps.sim.nowMs;
    for (const pod of this.ranked(observed)) {
      const message = this.message(pod, observed);
      if (!this.deps.killPod(pod, IMMEDIATE_GRACE_SECONDS, evictedStatus(message, this.deps.now()))) continue;
      this.deps.recordEvent(pod, 'Evicted', message);
      return;
    }
  }

  /** observe is the summary API's view: memory.available = capacity - the node's working set, and with `perPod` each container's share. */
  private observe(perPod: boolean): Observation {
    const now = this.deps.sim.nowMs;
    const active = this.deps.load.active;
    const usage = new Map<string, Map<string, number>>();
    let workingSet = SYSTEM_USAGE.memoryBytes;
    for (const c of this.deps.runtime.listContainers()) {
      if (c.state !== 'CONTAINER_RUNNING' || c.startedAtMs === undefined) continue;
      const bytes = pageAligned(containerWorkingSet(c, active ? this.deps.load.podLoad(c.podNamespace, c.podName, now) : undefined, now));
      workingSet += bytes;
      if (!perPod) continue;
      const pod = usage.get(c.podUid) ?? new Map<string, number>();
      pod.set(c.name, bytes);
      usage.set(c.podUid, pod);
    }
    return { availableBytes: Math.max(0, this.deps.capacityBytes - workingSet), usage };
  }

  /** ranked: rankMemoryPressure: pods over their memory requests first, then lower priority, then more usage above requests. */
  private ranked(observed: Observation): Array<Stored<Pod>> {
    const facts = this.deps
      .activePods()
      .filter((pod) => !isCritical(pod))
      .map((pod) => {
        const used = [...(observed.usage.get(pod.metadata.uid ?? '')?.values() ?? [])].reduce((a, b) => a + b, 0);
        const requested = (pod.spec?.containers ?? []).reduce((sum, c) => sum + memoryRequest(c.resources?.requests?.memory), 0);
        return { pod, exceeds: used > requested, priority: pod.spec?.priority ?? 0, over: used - requested };
      });
    facts.sort((a, b) => Number(b.exceeds) - Number(a.exceeds) || a.priority - b.priority || b.over - a.over);
    return facts.map((f) => f.pod);
  }

  /** message is evictionMessage: the node's shortage, then every container using more than it requested. */
  private message(pod: Stored<Pod>, observed: Observation): string {
    let text = `The node was low on resource: memory. Threshold quantity: ${formatBinarySI(this.deps.thresholdBytes)}, available: ${formatBinarySI(observed.availableBytes)}. `;
    const usage = observed.usage.get(pod.metadata.uid ?? '');
    for (const container of pod.spec?.containers ?? []) {
      const used = usage?.get(container.name);
      const request = container.resources?.requests?.memory;
      if (used !== undefined && used > memoryRequest(request)) text += `Container ${container.name} was using ${formatBinarySI(used)}, request is ${request ?? '0'}, has larger consumption of memory. `;
    }
    return text;
  }
}

/** evictedStatus is the eviction's PodStatusFunc: Failed, Evicted, and the DisruptionTarget condition. */
function evictedStatus(message: string, at: string): PodStatusFunc {
  return (status: PodStatus) => {
    const condition: PodCondition = { type: 'DisruptionTarget', status: 'True', lastProbeTime: null as never, lastTransitionTime: at, reason: 'TerminationByKubelet', message };
    const existing = status.conditions ?? [];
    const kept = existing.find((c) => c.type === 'DisruptionTarget');
    const conditions = kept ? existing.map((c) => (c === kept ? { ...condition, lastTransitionTime: c.lastTransitionTime } : c)) : [...existing, condition];
    return { ...status, phase: 'Failed', reason: 'Evicted', message, conditions };
  };
}

/** isCritical: static and mirror pods, and pods at system-critical priority, are never evicted. */
function isCritical(pod: Pod): boolean {
  return isStaticPod(pod) || isMirrorPod(pod) || (pod.spec?.priority ?? 0) >= SYSTEM_CRITICAL_PRIORITY;
}

function memoryRequest(quantity: string | undefined): number {
  return quantity === undefined ? 0 : value(quantity);
}
