// Mirrors kubernetes staging/src/k8s.io/api/core/v1/toleration.go (ToleratesTaint) and
// staging/src/k8s.io/component-helpers/scheduling/corev1/helpers.go (FindMatchingUntoleratedTaint), v1.32.
import type { Taint, Toleration } from 'kubernetes-types/core/v1';

/**
 * toleratesTaint: effects equal (or the toleration's empty), keys equal (or the toleration's
 * empty, which validation only allows with Exists), and Exists or equal values.
 */
export function toleratesTaint(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false;
  if (toleration.key && toleration.key !== taint.key) return false;
  switch (toleration.operator ?? '') {
    case '':
    case 'Equal':
      return (toleration.value ?? '') === (taint.value ?? '');
    case 'Exists':
      return true;
    default:
      return false;
  }
}

export function tolerationsTolerateTaint(tolerations: readonly Toleration[], taint: Taint): boolean {
  for (const toleration of tolerations) if (toleratesTaint(toleration, taint)) return true;
  return false;
}

/** findMatchingUntoleratedTaint returns the first taint passing `filter` that no toleration tolerates. */
export function findMatchingUntoleratedTaint(taints: readonly Taint[], tolerations: readonly Toleration[], filter: (taint: Taint) => boolean): Taint | undefined {
  for (const taint of taints) {
    if (filter(taint) && !tolerationsTolerateTaint(tolerations, taint)) return taint;
  }
  return undefined;
}

/** doNotScheduleTaintsFilter keeps NoSchedule and NoExecute taints (helper.DoNotScheduleTaintsFilterFunc). */
export function doNotScheduleTaintsFilter(taint: Taint): boolean {
  return taint.effect === 'NoSchedule' || taint.effect === 'NoExecute';
}
