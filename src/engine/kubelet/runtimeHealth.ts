// What the kubelet does while containerd is down (pkg/kubelet/kubelet.go v1.32): updateRuntimeUp
// logs "Container runtime sanity check failed" every 5 s; once runtimeState reports errors the
// syncLoop logs "Skipping pod synchronization" and syncs no pod (its back-off tops out at 5 s),
// and the Ready condition turns False with those errors. The kubelet's pod workers and PLEG are
// parked for the whole outage; the containers keep running under their shims.
import type { ContainerRuntime } from '../runtime/containerRuntime';
import type { Journal } from '../systemd/journal';
import { klogLine, klogValue } from '../systemd/klog';
import type { ServiceProcess } from '../systemd/serviceProcess';
import type { Simulator } from '../sim/simulator';
import { aggregateMessage, MAX_WAIT_FOR_CONTAINER_RUNTIME_MS, RUNTIME_UP_PERIOD_MS, runtimeErrors } from './runtimeState';

/** CRI_UNAVAILABLE: what a CRI call answers while containerd's socket is gone. */
export const CRI_UNAVAILABLE = 'rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing: dial unix /run/containerd/containerd.sock: connect: no such file or directory"';

export interface RuntimeHealthHost {
  sim: Simulator;
  epochMs: number;
  runtime: ContainerRuntime;
  journal: Journal;
  /** process: kubelet.service's main process (its PID is in the log lines). */
  process: ServiceProcess;
  relistPeriodMs: number;
}

export class RuntimeHealth {
  private stopComplaints: Array<() => void> = [];

  constructor(private readonly host: RuntimeHealthHost) {}

  /** notReady: the Ready condition's message while the runtime checks fail, else undefined. */
  notReady(): string | undefined {
    const { runtime, process, sim } = this.host;
    if (!runtime.outage || !process.active) return undefined;
    const errors = runtimeErrors({ nowMs: sim.nowMs, kubeletStartedMs: process.sinceMs, relistPeriodMs: this.host.relistPeriodMs, outage: runtime.outage });
    return errors.length > 0 ? aggregateMessage(errors) : undefined;
  }

  /** refresh starts the repeated error lines when the kubelet runs without its runtime, and ends them otherwise. */
  refresh(): void {
    const { runtime, process, sim, journal, epochMs } = this.host;
    const complaining = process.active && !runtime.service.active;
    if (!complaining) {
      for (const stop of this.stopComplaints) stop();
      this.stopComplaints = [];
      return;
    }
    if (this.stopComplaints.length > 0) return;
    const pid = process.pid;
    const startMs = process.sinceMs;
    const nextTick = startMs + Math.ceil((sim.nowMs - startMs) / RUNTIME_UP_PERIOD_MS) * RUNTIME_UP_PERIOD_MS;
    const err = klogValue(CRI_UNAVAILABLE);
    const line = (severity: 'E', ms: number, source: string, message: string) => klogLine(severity, epochMs + ms, pid, source, message);
    this.stopComplaints.push(
      journal.repeat({ unit: 'kubelet.service', ident: 'kubelet', pid, fromMs: nextTick, periodMs: RUNTIME_UP_PERIOD_MS, message: (ms) => line('E', ms, 'log.go:32', `"Status from runtime service failed" err=${err}`) }),
      journal.repeat({ unit: 'kubelet.service', ident: 'kubelet', pid, fromMs: nextTick, periodMs: RUNTIME_UP_PERIOD_MS, message: (ms) => line('E', ms, 'kubelet.go:2993', `"Container runtime sanity check failed" err=${err}`) }),
      journal.repeat({
        unit: 'kubelet.service', ident: 'kubelet', pid, fromMs: nextTick + MAX_WAIT_FOR_CONTAINER_RUNTIME_MS, periodMs: RUNTIME_UP_PERIOD_MS,
        message: (ms) => {
          const errors = runtimeErrors({ nowMs: ms, kubeletStartedMs: startMs, relistPeriodMs: this.host.relistPeriodMs, outage: runtime.outage });
          return line('E', ms, 'kubelet.go:2412', `"Skipping pod synchronization" err=${klogValue(errors.length > 0 ? aggregateMessage(errors) : 'container runtime is down')}`);
        },
      }),
    );
  }
}
