// The taints of the node lifecycle controller (k8s.io/api/core/v1 well_known_taints.go and the
// templates of pkg/controller/nodelifecycle/node_lifecycle_controller.go).
import type { Taint } from 'kubernetes-types/core/v1';

export const TAINT_NODE_NOT_READY = 'node.kubernetes.io/not-ready';
export const TAINT_NODE_UNREACHABLE = 'node.kubernetes.io/unreachable';
export const TAINT_NODE_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';
/** UnreachableTaintTemplate and NotReadyTaintTemplate: the NoExecute taints that evict pods. */
export const UNREACHABLE_TAINT_TEMPLATE: Taint = { key: TAINT_NODE_UNREACHABLE, effect: 'NoExecute' };
export const NOT_READY_TAINT_TEMPLATE: Taint = { key: TAINT_NODE_NOT_READY, effect: 'NoExecute' };
