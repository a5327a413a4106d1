// Mirrors kubernetes pkg/scheduler/framework/plugins/helper/spread.go (v1.32): DefaultSelector,
// the selector the system default spreading uses for a pod that sets no topologySpreadConstraints.
import type { ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1';
import type { Pod, Service } from 'kubernetes-types/core/v1';
import { fromLabelSelector, matches, type Selector } from '../../../api/labels';

/** SpreadListers are the informer caches DefaultSelector reads (no ReplicationControllers in k8sim). */
export interface SpreadListers {
  services(namespace: string): readonly Service[];
  replicaSet(namespace: string, name: string): ReplicaSet | undefined;
  statefulSet(namespace: string, name: string): StatefulSet | undefined;
}

/**
 * defaultSelector ANDs the selectors of the Services that select the pod (a Service without a
 * selector selects nothing) with the selector of the ReplicaSet or StatefulSet that controls it
 * (found by ownerReference, not by labels). Empty when nothing selects the pod: no spreading.
 */
export function defaultSelector(pod: Pod, listers: SpreadListers): Selector {
  const namespace = pod.metadata?.namespace ?? '';
  const merged: Record<string, string> = {};
  for (const service of listers.services(namespace)) {
    const selector = service.spec?.selector;
    if (!selector) continue;
    if (matches(fromLabelSelector({ matchLabels: selector }), pod.metadata?.labels)) Object.assign(merged, selector);
  }
  const out = fromLabelSelector({ matchLabels: merged });
  const owner = pod.metadata?.ownerReferences?.find((ref) => ref.controller);
  if (owner?.apiVersion === 'apps/v1') {
    const workload = owner.kind === 'ReplicaSet' ? listers.replicaSet(namespace, owner.name) : owner.kind === 'StatefulSet' ? listers.statefulSet(namespace, owner.name) : undefined;
    if (workload?.spec?.selector) out.push(...fromLabelSelector(workload.spec.selector));
  }
  // labels.Selector keeps requirements sorted by key (internalSelector.Add).
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
