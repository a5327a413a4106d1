/**
 * TokenBucketRateLimiter mirrors client-go util/flowcontrol NewTokenBucketRateLimiter (a
 * golang.org/x/time/rate limiter): every request takes a token; `qps` tokens refill per second up
 * to `burst`. A component's client waits its turn, which is why kube-controller-manager (20 QPS,
 * burst 30 per controller by default) creates a large ReplicaSet's pods at about 20 per second.
 */
export class TokenBucketRateLimiter {
  private tokens: number;
  private lastMs: number | undefined;

  constructor(
    readonly qps: number,
    readonly burst: number,
  ) {
    this.tokens = burst;
  }

  /** reserveDelayMs takes a token and returns how long the caller must wait for it (0 = now). */
  reserveDelayMs(nowMs: number): number {
    if (this.lastMs !== undefined) this.tokens = Math.min(this.burst, this.tokens + ((nowMs - this.lastMs) * this.qps) / 1000);
    this.lastMs = nowMs;
    this.tokens -= 1;
    return this.tokens >= 0 ? 0 : Math.ceil((-this.tokens * 1000) / this.qps);
  }
}

export interface RateLimit {
  qps: number;
  burst: number;
}

/** ClientRateLimits are the --kube-api-qps / --kube-api-burst of each component. */
export interface ClientRateLimits {
  kubeControllerManager: RateLimit;
  kubeScheduler: RateLimit;
  kubelet: RateLimit;
}

/**
 * The v1.32 defaults: kube-controller-manager 20/30 (per controller client), kube-scheduler's
 * clientConnection 50/100, kubelet --kube-api-qps/--kube-api-burst 50/100.
 */
export const CLIENT_RATE_LIMITS: Readonly<ClientRateLimits> = {
  kubeControllerManager: { qps: 20, burst: 30 },
  kubeScheduler: { qps: 50, burst: 100 },
  kubelet: { qps: 50, burst: 100 },
};

/** clientRateLimits fills a cluster's overrides (a scale test raising kcm's QPS) with the defaults. */
export function clientRateLimits(overrides: Partial<ClientRateLimits> = {}): ClientRateLimits {
  return { ...CLIENT_RATE_LIMITS, ...overrides };
}
