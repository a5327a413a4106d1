// Mirrors kubernetes pkg/scheduler/framework/plugins/nodename/node_name.go (v1.32).
import type { FilterPlugin } from '../../framework/interface';
import type { NodeInfo } from '../../framework/nodeInfo';
import type { PodInfo } from '../../framework/podInfo';
import { newStatus, type Status } from '../../framework/types';
import { NAMES } from '../names';

export const ERR_REASON_NODE_NAME = "node(s) didn't match the requested node name";

/** NodeName rejects every node but spec.nodeName when a pod names one. */
export class NodeName implements FilterPlugin {
  readonly name = NAMES.NodeName;

  filter(_state: unknown, pod: PodInfo, node: NodeInfo): Status | null {
    const wanted = pod.pod.spec?.nodeName;
    if (!wanted || wanted === node.name) return null;
    return newStatus('UnschedulableAndUnresolvable', this.name, ERR_REASON_NODE_NAME);
  }

  eventsToRegister() {
    return [{ resource: 'Node', action: 'Add' }] as const;
  }
}
