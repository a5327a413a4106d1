// Mirrors kubernetes pkg/kubelet/prober/prober_manager.go (v1.32): the kubelet's probe results.
// Per running container instance with probes, the analysis (analysis.ts) answers "ready?",
// "started?" and "killed by a probe?"; a single timer per failing instance emits the `Unhealthy`
// events at the ticks where probes fail ("Liveness probe failed: HTTP probe failed with
// statuscode: 500"), and stops once the instance is no longer running.
import type { Container, Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../../api/object';
import type { ContainerRecord } from '../../runtime/types';
import type { Simulator, Timer } from '../../sim/simulator';
import { failuresAt, hasProbes, nextFailureAtOrAfter, probeAnalysis, readyAt, type ProbeAnalysis } from './analysis';

/** UNHEALTHY is events.ContainerUnhealthy. */
export const UNHEALTHY = 'Unhealthy';

export type ProbeEventSink = (pod: Stored<Pod>, container: Container, isInit: boolean, message: string) => void;

/** ProbeKill: a container a startup or liveness probe condemned (computePodActions kills it). */
export interface ProbeKill {
  message: string;
  graceSeconds: number;
}

interface Watch {
  timer: Timer | undefined;
  record: ContainerRecord;
  pod: Stored<Pod>;
  /** analysis: the outcomes the events were booked from. */
  analysis: ProbeAnalysis;
}

export class ProberManager {
  /** watches: per pod UID, per container instance ID, the pending Unhealthy timer. */
  private readonly watches = new Map<string, Map<string, Watch>>();

  constructor(private readonly sim: Simulator, private readonly sink: ProbeEventSink) {}

  /** analysis: the probe analysis of a running instance, or undefined without probes. */
  analysis(container: Container, record: ContainerRecord, podIP: string): ProbeAnalysis | undefined {
    if (!hasProbes(container) || record.state !== 'CONTAINER_RUNNING' || record.startedAtMs === undefined) return undefined;
    return probeAnalysis(container, record, podIP);
  }

  isReady(container: Container, record: ContainerRecord, podIP: string): boolean {
    if (record.state !== 'CONTAINER_RUNNING') return false;
    const analysis = this.analysis(container, record, podIP);
    return analysis ? readyAt(analysis, this.sim.nowMs) : true;
  }

  isStarted(container: Container, record: ContainerRecord, podIP: string): boolean {
    if (record.state !== 'CONTAINER_RUNNING') return false;
    const started = this.analysis(container, record, podIP)?.startedAtMs;
    return !container.startupProbe || (started !== undefined && started <= this.sim.nowMs);
  }

  /**
   * probeKill: the kill computePodActions orders once a startup or liveness probe reached its
   * failureThreshold ("Container liveness failed liveness probe, will be restarted"); the
   * probe's terminationGracePeriodSeconds overrides the pod's.
   */
  probeKill(pod: Pod, container: Container, record: ContainerRecord, podIP: string): ProbeKill | undefined {
    const analysis = this.analysis(container, record, podIP);
    if (!analysis?.killAtMs || analysis.killAtMs > this.sim.nowMs) return undefined;
    const probe = analysis.killProbe === 'Startup' ? container.startupProbe : container.livenessProbe;
    const restart = pod.spec?.restartPolicy !== 'Never';
    const message = `Container ${container.name} failed ${analysis.killProbe === 'Startup' ? 'startup' : 'liveness'} probe${restart ? ', will be restarted' : ''}`;
    return { message, graceSeconds: probe?.terminationGracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30 };
  }

  /** watch books the next Unhealthy event of a running instance (once per instance). */
  watch(pod: Stored<Pod>, container: Container, isInit: boolean, record: ContainerRecord, podIP: string): void {
    const analysis = this.analysis(container, record, podIP);
    if (!analysis || (analysis.failures.length === 0 && !analysis.tail)) return;
    const uid = pod.metadata.uid ?? '';
    let perPod = this.watches.get(uid);
    if (!perPod) this.watches.set(uid, (perPod = new Map()));
    const existing = perPod.get(record.id);
    if (existing?.analysis === analysis) {
      existing.pod = pod;
      return;
    }
    // A new analysis (exec changed the files an exec probe reads) replaces the booked events.
    if (existing) this.sim.cancel(existing.timer);
    const entry: Watch = { timer: undefined, record, pod, analysis };
    perPod.set(record.id, entry);
    const book = (fromMs: number) => {
      const at = nextFailureAtOrAfter(analysis, fromMs);
      if (at === undefined) {
        this.watches.get(uid)?.delete(record.id);
        return;
      }
      entry.timer = this.sim.at(at, () => {
        if (record.state !== 'CONTAINER_RUNNING') {
          this.watches.get(uid)?.delete(record.id);
          return;
        }
        for (const failure of failuresAt(analysis, at)) this.sink(entry.pod, container, isInit, `${failure.probe} probe failed: ${failure.output}`);
        book(at + 1);
      });
    };
    book(this.sim.nowMs);
  }

  /** forgetPod cancels a pod's pending Unhealthy timers (the pod is gone). */
  forgetPod(uid: string): void {
    for (const entry of this.watches.get(uid)?.values() ?? []) this.sim.cancel(entry.timer);
    this.watches.delete(uid);
  }
}
