// Mirrors kubernetes pkg/scheduler/framework/plugins/nodeunschedulable/node_unschedulable.go (v1.32).
import type { FilterPlugin } from '../../framework/interface';
import type { NodeInfo } from '../../framework/nodeInfo';
import type { PodInfo } from '../../framework/podInfo';
import { newStatus, type Status } from '../../framework/types';
import { tolerationsTolerateTaint } from '../helper/taints';
import { NAMES } from '../names';

/** ERR_REASON_UNSCHEDULABLE is the reason of a cordoned node (`kubectl cordon`). */
export const ERR_REASON_UNSCHEDULABLE = 'node(s) were unschedulable';

const UNSCHEDULABLE_TAINT = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };

/**
 * NodeUnschedulable rejects nodes with spec.unschedulable unless the pod tolerates the
 * node.kubernetes.io/unschedulable:NoSchedule taint (DaemonSet pods do).
 */
export class NodeUnschedulable implements FilterPlugin {
  readonly name = NAMES.NodeUnschedulable;

  filter(_state: unknown, pod: PodInfo, node: NodeInfo): Status | null {
    if (!node.node?.spec?.unschedulable) return null;
    if (tolerationsTolerateTaint(pod.tolerations, UNSCHEDULABLE_TAINT)) return null;
    return newStatus('UnschedulableAndUnresolvable', this.name, ERR_REASON_UNSCHEDULABLE);
  }

  eventsToRegister() {
    return [{ resource: 'Node', action: 'Add' }, { resource: 'Node', action: 'UpdateNodeTaint' }] as const;
  }
}
