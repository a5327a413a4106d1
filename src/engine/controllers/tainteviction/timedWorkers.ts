// Mirrors kubernetes pkg/controller/tainteviction/timed_workers.go (v1.32): work that fires no
// earlier than a given time, on sim timers.
import type { Simulator, Timer } from '../../sim/simulator';

/** TimedWorker is a scheduled eviction: created at `createdAtMs`, due at `fireAtMs`. */
export interface TimedWorker {
  key: string;
  createdAtMs: number;
  fireAtMs: number;
  timer: Timer;
}

/**
 * TimedWorkerQueue keeps one worker per key (`namespace/name`). Work due now starts at once and
 * is kept as a `null` entry, so the same pod is not evicted twice while (or after) it runs; a
 * cancelled or failed key can be added again.
 */
export class TimedWorkerQueue {
  private readonly workers = new Map<string, TimedWorker | null>();

  constructor(
    private readonly sim: Simulator,
    private readonly work: (key: string, fireAtMs: number) => { then(done: (err: string | undefined) => void): void },
  ) {}

  /** addWork schedules `key` at `fireAtMs` unless some work for it exists already. */
  addWork(key: string, createdAtMs: number, fireAtMs: number): void {
    if (this.workers.has(key)) return;
    if (fireAtMs - createdAtMs <= 0) {
      this.workers.set(key, null);
      this.fire(key, fireAtMs);
      return;
    }
    const timer = this.sim.at(fireAtMs, () => this.fire(key, fireAtMs));
    this.workers.set(key, { key, createdAtMs, fireAtMs, timer });
  }

  /** cancelWork drops the key; true only if a timer was pending (an eviction really was cancelled). */
  cancelWork(key: string): boolean {
    if (!this.workers.has(key)) return false;
    const worker = this.workers.get(key);
    this.workers.delete(key);
    if (!worker) return false;
    this.sim.cancel(worker.timer);
    return true;
  }

  /** getWorkerUnsafe returns the pending worker (undefined if none, null if it already started). */
  getWorkerUnsafe(key: string): TimedWorker | null | undefined {
    return this.workers.get(key);
  }

  get size(): number {
    return this.workers.size;
  }

  private fire(key: string, fireAtMs: number): void {
    if (this.workers.get(key)) this.workers.set(key, null);
    this.work(key, fireAtMs).then((err) => {
      if (err && this.workers.get(key) === null) this.workers.delete(key);
    });
  }
}
