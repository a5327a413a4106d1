// Mirrors kubernetes pkg/scheduler/framework/types.go (Diagnosis, FitError.Error), v1.32.
import type { Status } from './types';

/** NO_NODE_AVAILABLE_MSG starts every FitError ("0/3 nodes are available"). */
const NO_NODE_AVAILABLE_MSG = (numAllNodes: number) => `0/${numAllNodes} nodes are available`;

/** ERR_NO_NODES_AVAILABLE is ErrNoNodesAvailable: the cluster has no nodes at all. */
export const ERR_NO_NODES_AVAILABLE = 'no nodes available to schedule pods';

/** Diagnosis records why each node was rejected in one cycle. */
export interface Diagnosis {
  nodeToStatus: Map<string, Status>;
  /** unschedulablePlugins rejected the pod on some node; their events may requeue it. */
  unschedulablePlugins: Set<string>;
  /** preFilterMsg: a PreFilter rejection (then the per-node histogram is not printed). */
  preFilterMsg: string;
  /** postFilterMsg: the PostFilter (preemption) message appended at the end. */
  postFilterMsg: string;
}

export function newDiagnosis(): Diagnosis {
  return { nodeToStatus: new Map(), unschedulablePlugins: new Set(), preFilterMsg: '', postFilterMsg: '' };
}

/**
 * fitErrorMessage renders FitError.Error: "0/N nodes are available:" then either the PreFilter
 * message or a histogram of node reasons ("<count> <reason>" sorted as strings, joined with ", "),
 * each closed by " %v." (SeparatorFormat), then the PostFilter message the same way.
 *
 * @example
 * // three nodes all short of cpu, no preemption victims:
 * // "0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.."
 */
export function fitErrorMessage(numAllNodes: number, diagnosis: Diagnosis): string {
  let message = `${NO_NODE_AVAILABLE_MSG(numAllNodes)}:`;
  if (diagnosis.preFilterMsg !== '') message += ` ${diagnosis.preFilterMsg}.`;
  else {
    const histogram = reasonHistogram(diagnosis.nodeToStatus);
    if (histogram.length > 0) message += ` ${histogram.join(', ')}.`;
  }
  if (diagnosis.postFilterMsg !== '') message += ` ${diagnosis.postFilterMsg}.`;
  return message;
}

/** reasonHistogram counts every reason across nodes and sorts "<count> <reason>" like sort.Strings. */
export function reasonHistogram(nodeToStatus: ReadonlyMap<string, Status>): string[] {
  const counts = new Map<string, number>();
  for (const status of nodeToStatus.values()) for (const reason of status.reasons) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  const lines: string[] = [];
  for (const [reason, count] of counts) lines.push(`${count} ${reason}`);
  return lines.sort(compareGoStrings);
}

/** compareGoStrings orders by UTF-16 code units, which matches Go's byte order for ASCII text. */
export function compareGoStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
