// One systemd service's main process on a node (kubelet.service, containerd.service): whether it
// runs, since when, and its PID, which is what `systemctl status` reports about it.
import type { Rng } from '../sim/rng';

/** PidAllocator hands out a machine's PIDs: increasing, with the gaps other processes leave. */
export class PidAllocator {
  private last: number;

  constructor(private readonly rng: Rng) {
    // systemd and the early boot services take the first few hundred PIDs.
    this.last = 380 + rng.intBetween(0, 200);
  }

  next(): number {
    this.last += 1 + this.rng.intBetween(3, 300);
    return this.last;
  }
}

/** ServiceRun is one finished run of a service: its PID and when it started and stopped. */
export interface ServiceRun {
  pid: number;
  startedMs: number;
  stoppedMs: number;
}

/**
 * ServiceProcess follows one service's runs. `sinceMs` is systemd's ActiveEnterTimestamp while
 * active and its InactiveEnterTimestamp once stopped; `lastRun` is the run that ended then.
 */
export class ServiceProcess {
  active = false;
  sinceMs: number;
  pid = 0;
  lastRun: ServiceRun | undefined;

  constructor(private readonly pids: PidAllocator, nowMs: number) {
    this.sinceMs = nowMs;
  }

  started(nowMs: number): void {
    if (this.active) return;
    this.active = true;
    this.sinceMs = nowMs;
    this.pid = this.pids.next();
  }

  stopped(nowMs: number): void {
    if (!this.active) return;
    this.active = false;
    this.lastRun = { pid: this.pid, startedMs: this.sinceMs, stoppedMs: nowMs };
    this.sinceMs = nowMs;
  }
}
