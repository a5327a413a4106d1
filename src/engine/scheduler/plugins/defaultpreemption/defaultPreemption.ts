// Mirrors kubernetes pkg/scheduler/framework/plugins/defaultpreemption/default_preemption.go and
// pkg/scheduler/framework/preemption/preemption.go (v1.32), message only: victims are not chosen yet.
import type { CycleState, PostFilterPlugin, PostFilterResult } from '../../framework/interface';
import type { NodeInfo } from '../../framework/nodeInfo';
import type { PodInfo } from '../../framework/podInfo';
import { fitErrorMessage, newDiagnosis } from '../../framework/fitError';
import { newStatus, type Status } from '../../framework/types';
import { NAMES } from '../names';

export const NO_VICTIMS_MSG = 'No preemption victims found for incoming pod';
export const NOT_HELPFUL_MSG = 'Preemption is not helpful for scheduling';

/**
 * DefaultPreemption runs when no node fits. Upstream it looks for lower-priority victims; here it
 * reports what the evaluator concludes when it finds none, which is exact for clusters where no
 * pod has a lower priority than the incoming one: nodes rejected as Unresolvable (taints,
 * affinity) are "not helpful", the others have "no victims". The message is prefixed with
 * "preemption: " and becomes the last sentence of the FitError.
 */
export class DefaultPreemption implements PostFilterPlugin {
  readonly name = NAMES.DefaultPreemption;

  postFilter(_state: CycleState, pod: PodInfo, nodeToStatus: ReadonlyMap<string, Status>, allNodes: readonly NodeInfo[]): PostFilterResult {
    const policy = pod.pod.spec?.preemptionPolicy;
    if (policy === 'Never') return { status: newStatus('Unschedulable', this.name, 'preemption: not eligible due to preemptionPolicy=Never.') };
    const diagnosis = newDiagnosis();
    for (const node of allNodes) {
      const status = nodeToStatus.get(node.name);
      const unresolvable = status?.code === 'UnschedulableAndUnresolvable';
      diagnosis.nodeToStatus.set(node.name, newStatus(unresolvable ? 'UnschedulableAndUnresolvable' : 'Unschedulable', this.name, unresolvable ? NOT_HELPFUL_MSG : NO_VICTIMS_MSG));
    }
    return { status: newStatus('Unschedulable', this.name, `preemption: ${fitErrorMessage(allNodes.length, diagnosis)}`) };
  }
}
