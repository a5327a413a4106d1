// Mirrors kubernetes pkg/controller/daemon/daemon_controller.go NodeShouldRunDaemonPod, predicates
// and NewPod (v1.32): which nodes a DaemonSet wants a pod on.

import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { Node, Pod, Taint } from 'kubernetes-types/core/v1';
import { compileNodeSelector } from '../../scheduler/plugins/helper/nodeSelector';
import { findMatchingUntoleratedTaint } from '../../scheduler/plugins/helper/taints';
import { addOrUpdateDaemonPodTolerations } from './util/daemonSetUtil';

/** newPod is the DaemonSet's pod as it would be placed on `nodeName` (template + default tolerations). */
export function newPod(ds: DaemonSet, nodeName: string): Pod {
  const template = ds.spec?.template;
  // A shallow copy is enough: only nodeName and the (re-allocated) tolerations list are written.
  const pod: Pod = { metadata: { ...(template?.metadata ?? {}), namespace: ds.metadata?.namespace }, spec: { ...(template?.spec ?? { containers: [] }), nodeName } };
  addOrUpdateDaemonPodTolerations(pod.spec!);
  return pod;
}

/**
 * nodeShouldRunDaemonPod answers (shouldRun, shouldContinueRunning): the template's nodeName,
 * nodeSelector and required node affinity must match the node; untolerated NoSchedule/NoExecute
 * taints stop new pods, and only an untolerated NoExecute taint stops a running one.
 */
export function nodeShouldRunDaemonPod(node: Node, ds: DaemonSet): { shouldRun: boolean; shouldContinueRunning: boolean } {
  const templateNodeName = ds.spec?.template?.spec?.nodeName ?? '';
  const name = node.metadata?.name ?? '';
  if (templateNodeName !== '' && templateNodeName !== name) return { shouldRun: false, shouldContinueRunning: false };
  const pod = newPod(ds, name);
  if (!fitsNodeAffinity(pod, node)) return { shouldRun: false, shouldContinueRunning: false };
  const taints: Taint[] = node.spec?.taints ?? [];
  const tolerations = pod.spec?.tolerations ?? [];
  const untolerated = findMatchingUntoleratedTaint(taints, tolerations, (t) => t.effect === 'NoExecute' || t.effect === 'NoSchedule');
  if (!untolerated) return { shouldRun: true, shouldContinueRunning: true };
  const untoleratedNoExecute = findMatchingUntoleratedTaint(taints, tolerations, (t) => t.effect === 'NoExecute');
  return { shouldRun: false, shouldContinueRunning: !untoleratedNoExecute };
}

/** fitsNodeAffinity is GetRequiredNodeAffinity(pod).Match(node): nodeSelector labels and required terms. */
function fitsNodeAffinity(pod: Pod, node: Node): boolean {
  const labels = node.metadata?.labels ?? {};
  for (const [key, value] of Object.entries(pod.spec?.nodeSelector ?? {})) if (labels[key] !== value) return false;
  const required = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  return required ? compileNodeSelector(required)(node) : true;
}
