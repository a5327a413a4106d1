// Mirrors kubernetes pkg/apis/core/v1/helper/helpers.go GetMatchingTolerations and
// pkg/controller/tainteviction/taint_eviction.go getNoExecuteTaints / getMinTolerationTime.
import type { Taint, Toleration } from 'kubernetes-types/core/v1';
import { toleratesTaint } from '../../scheduler/plugins/helper/taints';

/** getNoExecuteTaints keeps the taints that evict running pods. */
export function getNoExecuteTaints(taints: readonly Taint[] | undefined): Taint[] {
  return (taints ?? []).filter((t) => t.effect === 'NoExecute');
}

/**
 * getMatchingTolerations: whether every taint is tolerated, and for each taint the first
 * toleration that tolerates it (the ones whose tolerationSeconds count).
 */
export function getMatchingTolerations(taints: readonly Taint[], tolerations: readonly Toleration[] | undefined): [boolean, Toleration[]] {
  if (taints.length === 0) return [true, []];
  const used: Toleration[] = [];
  for (const taint of taints) {
    const match = (tolerations ?? []).find((t) => toleratesTaint(t, taint));
    if (!match) return [false, []];
    used.push(match);
  }
  return [true, used];
}

/**
 * getMinTolerationTime is how long the pod may stay, in ms: 0 with no tolerations or any
 * tolerationSeconds ≤ 0, the smallest tolerationSeconds otherwise, -1 (forever) when none of the
 * tolerations sets tolerationSeconds.
 */
export function getMinTolerationTime(tolerations: readonly Toleration[]): number {
  if (tolerations.length === 0) return 0;
  let min = Infinity;
  for (const t of tolerations) {
    if (t.tolerationSeconds === undefined || t.tolerationSeconds === null) continue;
    if (t.tolerationSeconds <= 0) return 0;
    min = Math.min(min, t.tolerationSeconds);
  }
  return min === Infinity ? -1 : min * 1000;
}

/** sameTaints compares NoExecute taint lists as helper.Semantic.DeepEqual would (order matters). */
export function sameTaints(a: readonly Taint[], b: readonly Taint[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((t, i) => t.key === b[i].key && (t.value ?? '') === (b[i].value ?? '') && t.effect === b[i].effect && (t.timeAdded ?? '') === (b[i].timeAdded ?? ''));
}

/** sameTolerations compares toleration lists field by field, in order. */
export function sameTolerations(a: readonly Toleration[] | undefined, b: readonly Toleration[] | undefined): boolean {
  return JSON.stringify(a ?? []) === JSON.stringify(b ?? []);
}
