/**
 * Rate limiters of client-go util/workqueue default_rate_limiters.go. The controllers' default
 * (DefaultTypedControllerRateLimiter) is the max of a per-item exponential back-off
 * (5 ms × 2^failures, capped at 1000 s) and an overall token bucket (10 qps, burst 100).
 */
export interface RateLimiter {
  /** whenMs returns how long `item` should wait before being re-added. */
  whenMs(item: string, nowMs: number): number;
  forget(item: string): void;
  numRequeues(item: string): number;
}

export class ItemExponentialFailureRateLimiter implements RateLimiter {
  private readonly failures = new Map<string, number>();

  constructor(
    private readonly baseDelayMs: number,
    private readonly maxDelayMs: number,
  ) {}

  whenMs(item: string): number {
    const exp = this.failures.get(item) ?? 0;
    this.failures.set(item, exp + 1);
    return Math.min(this.baseDelayMs * 2 ** exp, this.maxDelayMs);
  }

  forget(item: string): void {
    this.failures.delete(item);
  }

  numRequeues(item: string): number {
    return this.failures.get(item) ?? 0;
  }
}

/** BucketRateLimiter is golang.org/x/time/rate: `qps` tokens per second, at most `burst` saved. */
export class BucketRateLimiter implements RateLimiter {
  private tokens: number;
  private lastMs = 0;

  constructor(
    private readonly qps: number,
    private readonly burst: number,
  ) {
    this.tokens = burst;
  }

  whenMs(_item: string, nowMs: number): number {
    this.tokens = Math.min(this.burst, this.tokens + ((nowMs - this.lastMs) * this.qps) / 1000);
    this.lastMs = nowMs;
    this.tokens -= 1;
    return this.tokens >= 0 ? 0 : Math.ceil((-this.tokens * 1000) / this.qps);
  }

  forget(): void {}

  numRequeues(): number {
    return 0;
  }
}

export class MaxOfRateLimiter implements RateLimiter {
  constructor(private readonly limiters: RateLimiter[]) {}

  whenMs(item: string, nowMs: number): number {
    return Math.max(...this.limiters.map((limiter) => limiter.whenMs(item, nowMs)));
  }

  forget(item: string): void {
    for (const limiter of this.limiters) limiter.forget(item);
  }

  numRequeues(item: string): number {
    return Math.max(...this.limiters.map((limiter) => limiter.numRequeues(item)));
  }
}

export function defaultControllerRateLimiter(): RateLimiter {
  return new MaxOfRateLimiter([new ItemExponentialFailureRateLimiter(5, 1000_000), new BucketRateLimiter(10, 100)]);
}
