import type { ClusterView } from '../player/clusterView';

/**
 * snapshotAt finds the timeline snapshot in effect at `tMs` (the latest at or before it) by
 * binary search, so seeking anywhere in a long session costs microseconds.
 */
export function snapshotAt(snapshots: readonly ClusterView[], tMs: number): ClusterView | undefined {
  let lo = 0;
  let hi = snapshots.length - 1;
  if (hi < 0 || snapshots[0].t > tMs) return undefined;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (snapshots[mid].t <= tMs) lo = mid;
    else hi = mid - 1;
  }
  return snapshots[lo];
}
