// Mirrors k8s.io/kubectl pkg/util/resource/resource.go (v1.32) PodRequestsAndLimits: a pod's
// effective requests/limits = sum of containers (plus sidecars), at least the largest init
// container, plus overhead. Feeds describe node's "Non-terminated Pods" and "Allocated resources".
import type { Container, Pod } from 'kubernetes-types/core/v1';
import { addQuantity, compareQuantity, parseQuantity, type Quantity } from '../printers/table/quantity';

export type ResourceAmounts = Map<string, Quantity>;

function addList(into: ResourceAmounts, list: Record<string, string | number> | undefined): void {
  for (const [name, raw] of Object.entries(list ?? {})) {
    const q = parseQuantity(raw);
    const current = into.get(name);
    into.set(name, current ? addQuantity(current, q) : q);
  }
}

function maxList(into: ResourceAmounts, other: ResourceAmounts): void {
  for (const [name, q] of other) {
    const current = into.get(name);
    if (!current || compareQuantity(q, current) > 0) into.set(name, q);
  }
}

const isSidecar = (c: Container) => c.restartPolicy === 'Always';

/** podTotals sums one side (requests or limits) the way podRequests/podLimits do. */
function podTotals(pod: Pod, side: 'requests' | 'limits'): ResourceAmounts {
  const totals: ResourceAmounts = new Map();
  for (const c of pod.spec?.containers ?? []) addList(totals, c.resources?.[side]);
  const sidecars: ResourceAmounts = new Map();
  const initMax: ResourceAmounts = new Map();
  for (const c of pod.spec?.initContainers ?? []) {
    if (isSidecar(c)) {
      addList(totals, c.resources?.[side]);
      addList(sidecars, c.resources?.[side]);
      maxList(initMax, sidecars);
    } else {
      const tmp: ResourceAmounts = new Map();
      addList(tmp, c.resources?.[side]);
      for (const [name, q] of sidecars) tmp.set(name, tmp.has(name) ? addQuantity(tmp.get(name)!, q) : q);
      maxList(initMax, tmp);
    }
  }
  maxList(totals, initMax);
  const overhead = pod.spec?.overhead;
  if (overhead && side === 'requests') addList(totals, overhead);
  if (overhead && side === 'limits') {
    for (const [name, raw] of Object.entries(overhead)) {
      const current = totals.get(name);
      if (current && current.nano !== 0n) totals.set(name, addQuantity(current, parseQuantity(raw)));
    }
  }
  return totals;
}

/** podRequestsAndLimits returns the pod's effective requests and limits per resource name. */
export function podRequestsAndLimits(pod: Pod): { requests: ResourceAmounts; limits: ResourceAmounts } {
  return { requests: podTotals(pod, 'requests'), limits: podTotals(pod, 'limits') };
}
