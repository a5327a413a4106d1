// Mirrors kubernetes pkg/controller/nodelifecycle/scheduler/rate_limited_queue.go: the per-zone
// queue of nodes waiting for their NoExecute taint, drained through a token bucket.

/** NODE_EVICTION_PERIOD_MS is NodeEvictionPeriod: how often the tainting pass tries the queues. */
export const NODE_EVICTION_PERIOD_MS = 100;
/** EVICTION_RATE_LIMITER_BURST is EvictionRateLimiterBurst (1 node at once). */
export const EVICTION_RATE_LIMITER_BURST = 1;

/** TimedValue is a node name due at `processAtMs`, added at `addedAtMs`. */
export interface TimedValue {
  value: string;
  uid: string;
  addedAtMs: number;
  processAtMs: number;
}

/**
 * TokenBucket mirrors flowcontrol.NewTokenBucketRateLimiter's TryAccept: `qps` tokens per second
 * up to `burst`, starting full; qps 0 is the "fake never" limiter that refuses everything.
 */
export class TokenBucket {
  private tokens: number;
  private lastMs: number | undefined;

  constructor(
    readonly qps: number,
    readonly burst: number,
  ) {
    this.tokens = qps > 0 ? burst : 0;
  }

  tryAccept(nowMs: number): boolean {
    if (this.qps <= 0) return false;
    if (this.lastMs !== undefined) this.tokens = Math.min(this.burst, this.tokens + ((nowMs - this.lastMs) * this.qps) / 1000);
    this.lastMs = nowMs;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/**
 * RateLimitedTimedQueue is a set of node names ordered by processAt (FIFO among equals) whose
 * processing is rate limited: `try` handles due heads while the limiter accepts. A name is added
 * at most once until removed (UniqueQueue), so a node is tainted once per outage.
 */
export class RateLimitedTimedQueue {
  private queue: TimedValue[] = [];
  private readonly set = new Set<string>();

  constructor(private limiter: TokenBucket) {}

  get length(): number {
    return this.queue.length;
  }

  get qps(): number {
    return this.limiter.qps;
  }

  /** add queues `value` to be processed now; false if it is already queued (or processed and not removed). */
  add(value: string, uid: string, nowMs: number): boolean {
    if (this.set.has(value)) return false;
    this.push({ value, uid, addedAtMs: nowMs, processAtMs: nowMs });
    this.set.add(value);
    return true;
  }

  /** remove forgets `value` so a later add queues it again (the node became Ready). */
  remove(value: string): boolean {
    if (!this.set.has(value)) return false;
    this.set.delete(value);
    this.queue = this.queue.filter((v) => v.value !== value);
    return true;
  }

  /**
   * try processes due heads while the limiter accepts. `fn` returns [done, retryAfterMs]: done
   * values leave the queue but stay in the set; others are retried at now + wait + 1 ms.
   */
  try(nowMs: number, fn: (value: TimedValue) => [boolean, number]): void {
    let head = this.queue[0];
    while (head) {
      if (!this.limiter.tryAccept(nowMs)) break;
      if (nowMs < head.processAtMs) break;
      const [done, waitMs] = fn(head);
      this.queue.shift();
      if (!done) this.push({ ...head, processAtMs: nowMs + waitMs + 1 });
      head = this.queue[0];
    }
  }

  /** swapLimiter changes the rate (zone state changed); a drained old bucket drains the new one. */
  swapLimiter(newQps: number, nowMs: number): void {
    if (this.limiter.qps === newQps) return;
    const next = new TokenBucket(newQps, EVICTION_RATE_LIMITER_BURST);
    if (newQps > 0 && !this.limiter.tryAccept(nowMs)) next.tryAccept(nowMs);
    this.limiter = next;
  }

  private push(value: TimedValue): void {
    let i = this.queue.length;
    while (i > 0 && this.queue[i - 1].processAtMs > value.processAtMs) i--;
    this.queue.splice(i, 0, value);
  }
}
