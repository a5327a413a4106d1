// Mirrors kubernetes pkg/controller/podautoscaler/rate_limiters.go (v1.32).
import type { RateLimiter } from '../../client/workqueue/rateLimiter';

/**
 * FixedItemIntervalRateLimiter always waits the same interval: every HPA key is re-added one
 * resync period (15 s) after it was processed or changed, which is what makes the HPA run
 * "every 15 s" (NewDefaultHPARateLimiter).
 */
export class FixedItemIntervalRateLimiter implements RateLimiter {
  constructor(private readonly intervalMs: number) {}

  whenMs(): number {
    return this.intervalMs;
  }

  forget(): void {}

  numRequeues(): number {
    return 0;
  }
}
