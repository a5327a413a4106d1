// Mirrors kubernetes pkg/controller/podautoscaler/config/v1alpha1/defaults.go
// (RecommendedDefaultHPAControllerConfiguration) and the package-level limits of horizontal.go, v1.32.

/** HPAControllerConfiguration holds the kube-controller-manager --horizontal-pod-autoscaler-* flags. */
export interface HPAControllerConfiguration {
  /** --horizontal-pod-autoscaler-sync-period: each HPA is reconciled this often (15 s). */
  syncPeriodMs: number;
  /** --horizontal-pod-autoscaler-tolerance: |1 − ratio| ≤ tolerance means "no change" (0.1). */
  tolerance: number;
  /** --horizontal-pod-autoscaler-downscale-stabilization: the no-behavior scale-down window (5 m). */
  downscaleStabilizationWindowMs: number;
  /** --horizontal-pod-autoscaler-cpu-initialization-period: CPU samples of younger pods are distrusted (5 m). */
  cpuInitializationPeriodMs: number;
  /** --horizontal-pod-autoscaler-initial-readiness-delay: readiness flaps this soon after start are ignored (30 s). */
  initialReadinessDelayMs: number;
  /** --concurrent-horizontal-pod-autoscaler-syncs: worker count (5). */
  concurrentSyncs: number;
}

export function defaultHPAControllerConfiguration(): HPAControllerConfiguration {
  return {
    syncPeriodMs: 15_000,
    tolerance: 0.1,
    downscaleStabilizationWindowMs: 300_000,
    cpuInitializationPeriodMs: 300_000,
    initialReadinessDelayMs: 30_000,
    concurrentSyncs: 5,
  };
}

/**
 * SCALE_UP_LIMIT_FACTOR and SCALE_UP_LIMIT_MINIMUM bound one no-behavior scale-up to
 * max(2 × current, 4) replicas (horizontal.go scaleUpLimitFactor / scaleUpLimitMinimum; the
 * upstream unit tests raise the factor to 8, production keeps 2).
 */
export const SCALE_UP_LIMIT_FACTOR = 2.0;
export const SCALE_UP_LIMIT_MINIMUM = 4.0;

/** HPA_CONTROLLER is the event source and trace component (EventSource{Component: "horizontal-pod-autoscaler"}). */
export const HPA_CONTROLLER = 'horizontal-pod-autoscaler';
