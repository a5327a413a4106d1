// Mirrors kubernetes pkg/scheduler/framework/plugins/nodeports/node_ports.go (v1.32).
import type { FilterPlugin, PreFilterPlugin } from '../../framework/interface';
import type { NodeInfo } from '../../framework/nodeInfo';
import type { PodInfo } from '../../framework/podInfo';
import { newStatus, type Status } from '../../framework/types';
import { NAMES } from '../names';

export const ERR_REASON_NODE_PORTS = "node(s) didn't have free ports for the requested pod ports";

/**
 * NodePorts rejects a node where a requested hostPort (same protocol, same or wildcard IP) is
 * already taken. Unschedulable, not Unresolvable: evicting the holder would free it.
 */
export class NodePorts implements PreFilterPlugin, FilterPlugin {
  readonly name = NAMES.NodePorts;

  preFilter(_state: unknown, pod: PodInfo): Status | null {
    return pod.hostPorts.length === 0 ? newStatus('Skip', this.name) : null;
  }

  filter(_state: unknown, pod: PodInfo, node: NodeInfo): Status | null {
    return node.portConflicts(pod.hostPorts) ? newStatus('Unschedulable', this.name, ERR_REASON_NODE_PORTS) : null;
  }

  eventsToRegister() {
    return [{ resource: 'AssignedPod', action: 'Delete' }, { resource: 'Node', action: 'Add' }] as const;
  }
}
