// Mirrors kubernetes pkg/scheduler/framework/plugins/tainttoleration/taint_toleration.go (v1.32).
import type { Taint, Toleration } from 'kubernetes-types/core/v1';
import type { CycleState, FilterPlugin, PreScorePlugin, ScorePlugin } from '../../framework/interface';
import type { NodeInfo } from '../../framework/nodeInfo';
import type { PodInfo } from '../../framework/podInfo';
import { newStatus, type Status, type ScoreList } from '../../framework/types';
import { defaultNormalizeScore } from '../helper/normalizeScore';
import { doNotScheduleTaintsFilter, findMatchingUntoleratedTaint, tolerationsTolerateTaint } from '../helper/taints';
import { NAMES } from '../names';

const NO_TAINTS: readonly Taint[] = [];
const preferNoScheduleTolerations = new WeakMap<PodInfo, Toleration[]>();

/**
 * TaintToleration filters out nodes with a NoSchedule/NoExecute taint the pod does not tolerate
 * (UnschedulableAndUnresolvable: no eviction helps) and, as a Score plugin with weight 3, prefers
 * nodes with fewer untolerated PreferNoSchedule taints.
 */
export class TaintToleration implements FilterPlugin, PreScorePlugin, ScorePlugin {
  readonly name = NAMES.TaintToleration;

  filter(_state: CycleState, pod: PodInfo, node: NodeInfo): Status | null {
    const taints = node.node?.spec?.taints ?? NO_TAINTS;
    if (taints.length === 0) return null;
    const taint = findMatchingUntoleratedTaint(taints, pod.tolerations, doNotScheduleTaintsFilter);
    if (!taint) return null;
    return newStatus('UnschedulableAndUnresolvable', this.name, `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`);
  }

  preScore(_state: CycleState, pod: PodInfo): Status | null {
    preferNoScheduleTolerations.set(pod, pod.tolerations.filter((t) => !t.effect || t.effect === 'PreferNoSchedule'));
    return null;
  }

  /** score counts the node's PreferNoSchedule taints the pod does not tolerate (lower is better). */
  score(_state: CycleState, pod: PodInfo, node: NodeInfo): number {
    const taints = node.node?.spec?.taints ?? NO_TAINTS;
    if (taints.length === 0) return 0;
    const tolerations = preferNoScheduleTolerations.get(pod) ?? pod.tolerations;
    let intolerable = 0;
    for (const taint of taints) {
      if (taint.effect === 'PreferNoSchedule' && !tolerationsTolerateTaint(tolerations, taint)) intolerable++;
    }
    return intolerable;
  }

  normalizeScore(_state: CycleState, _pod: PodInfo, scores: ScoreList): void {
    defaultNormalizeScore(scores, true);
  }

  eventsToRegister() {
    return [{ resource: 'Node', action: 'Add' }, { resource: 'Node', action: 'UpdateNodeTaint' }] as const;
  }
}
