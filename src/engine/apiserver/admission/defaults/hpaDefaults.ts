// Mirrors kubernetes pkg/apis/autoscaling/v2/defaults.go (SetDefaults_HorizontalPodAutoscaler,
// GenerateHPAScaleUpRules/ScaleDownRules) and the v1 → v2 spec conversion of
// pkg/apis/autoscaling/v1/conversion.go, v1.32.
import type { HorizontalPodAutoscaler as HPAv1 } from 'kubernetes-types/autoscaling/v1';
import type { HorizontalPodAutoscaler, HPAScalingRules } from 'kubernetes-types/autoscaling/v2';

/** DEFAULT_CPU_UTILIZATION is autoscaling.DefaultCPUUtilization (80 %). */
export const DEFAULT_CPU_UTILIZATION = 80;

function scaleUpDefaults(): HPAScalingRules {
  return {
    stabilizationWindowSeconds: 0,
    selectPolicy: 'Max',
    policies: [
      { type: 'Pods', value: 4, periodSeconds: 15 },
      { type: 'Percent', value: 100, periodSeconds: 15 },
    ],
  };
}

function scaleDownDefaults(): HPAScalingRules {
  // StabilizationWindowSeconds stays unset: the controller's --horizontal-pod-autoscaler-downscale-stabilization (300 s) applies.
  return { selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] };
}

function merge(from: HPAScalingRules | undefined, to: HPAScalingRules): HPAScalingRules {
  if (!from) return to;
  if (from.selectPolicy !== undefined) to.selectPolicy = from.selectPolicy;
  if (from.stabilizationWindowSeconds !== undefined) to.stabilizationWindowSeconds = from.stabilizationWindowSeconds;
  if (from.policies !== undefined) to.policies = from.policies;
  return to;
}

/** setDefaultsHPA: minReplicas 1, a CPU 80 % metric when none, and full behavior rules when behavior is set. */
export function setDefaultsHPA(hpa: HorizontalPodAutoscaler): void {
  hpa.spec ??= { maxReplicas: 0, scaleTargetRef: { kind: '', name: '' } };
  const spec = hpa.spec;
  if (spec.minReplicas === undefined || spec.minReplicas === null) spec.minReplicas = 1;
  if (!spec.metrics || spec.metrics.length === 0) {
    spec.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: DEFAULT_CPU_UTILIZATION } } }];
  }
  if (spec.behavior) {
    spec.behavior.scaleUp = merge(spec.behavior.scaleUp, scaleUpDefaults());
    spec.behavior.scaleDown = merge(spec.behavior.scaleDown, scaleDownDefaults());
  }
}

/**
 * convertHPAv1ToV2 turns an autoscaling/v1 object into the stored autoscaling/v2 form:
 * targetCPUUtilizationPercentage becomes a Resource cpu Utilization metric (80 when unset).
 */
export function convertHPAv1ToV2(v1: HPAv1): HorizontalPodAutoscaler {
  const spec = v1.spec;
  const target = spec?.targetCPUUtilizationPercentage ?? DEFAULT_CPU_UTILIZATION;
  const out: HorizontalPodAutoscaler = {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: v1.metadata ? structuredClone(v1.metadata) : {},
    spec: {
      scaleTargetRef: { ...(spec?.scaleTargetRef ?? { kind: '', name: '' }) },
      maxReplicas: spec?.maxReplicas ?? 0,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: target } } }],
    },
  };
  if (spec?.minReplicas !== undefined) out.spec!.minReplicas = spec.minReplicas;
  return out;
}
