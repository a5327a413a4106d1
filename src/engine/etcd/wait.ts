// Mirrors etcd v3.4 pkg/wait (Wait: Register/Trigger by request ID) together with etcdserver's
// request timeout: a client's proposal waits here, by its ID, until the member applies its entry
// or ReqTimeout passes.
import type { Future } from '../sim/future';
import type { Simulator, Timer } from '../sim/simulator';
import type { ApplyResult, EtcdRequest } from './apply';
import type { EtcdResult, ResponseHeader } from './types';

export type ProposalResult = EtcdResult<{ result: ApplyResult; header: ResponseHeader }>;

export interface Waiter {
  future: Future<ProposalResult>;
  req: EtcdRequest;
  startMs: number;
  /** proposed: handed to Raft (false while the member waits for a leader). */
  proposed: boolean;
}

/**
 * Wait keeps the waiting requests in arrival order, so the first one times out first: one timer
 * for the oldest instead of one per request (a busy member has thousands in flight).
 */
export class Wait {
  private readonly waiters = new Map<number, Waiter>();
  /** blocked: registered but not proposed, waiting for a leader (etcd 3.4 blocks on the proposal channel). */
  private blocked: Waiter[] = [];
  private sweepTimer: Timer | undefined;

  constructor(
    private readonly sim: Simulator,
    private readonly timeoutMs: number,
    /** expire answers a request whose ReqTimeout passed (it is no longer registered). */
    private readonly expire: (waiter: Waiter) => void,
  ) {}

  register(waiter: Waiter): void {
    this.waiters.set(waiter.req.id, waiter);
    this.armTimeoutSweep();
  }

  get(id: number): Waiter | undefined {
    return this.waiters.get(id);
  }

  /** registered lists the waiters still waiting. */
  registered(): IterableIterator<Waiter> {
    return this.waiters.values();
  }

  block(waiter: Waiter): void {
    this.blocked.push(waiter);
  }

  /** unblock returns the blocked waiters still registered, in arrival order (a leader is known). */
  unblock(): Waiter[] {
    if (this.blocked.length === 0) return [];
    const blocked = this.blocked;
    this.blocked = [];
    return blocked.filter((w) => this.waiters.get(w.req.id) === w);
  }

  /** trigger takes the request's waiter out (its answer is the caller's to give). */
  trigger(id: number): Waiter | undefined {
    const waiter = this.waiters.get(id);
    if (waiter) this.waiters.delete(id);
    return waiter;
  }

  /** cancelAll takes every waiter out and stops the sweep (the member stopped). */
  cancelAll(): Waiter[] {
    const waiters = [...this.waiters.values()];
    this.waiters.clear();
    this.blocked = [];
    this.sim.cancel(this.sweepTimer);
    this.sweepTimer = undefined;
    return waiters;
  }

  private armTimeoutSweep(): void {
    if (this.sweepTimer || this.waiters.size === 0) return;
    const oldest = this.waiters.values().next().value!;
    this.sweepTimer = this.sim.at(oldest.startMs + this.timeoutMs, () => {
      this.sweepTimer = undefined;
      for (const waiter of this.waiters.values()) {
        if (waiter.startMs + this.timeoutMs > this.sim.nowMs) break;
        this.waiters.delete(waiter.req.id);
        if (!waiter.proposed) this.blocked = this.blocked.filter((w) => w !== waiter);
        this.expire(waiter);
      }
      this.armTimeoutSweep();
    });
  }
}
