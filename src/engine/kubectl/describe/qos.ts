// Mirrors k8s.io/kubectl pkg/util/qos/qos.go (v1.32) GetPodQOS / ComputePodQOS.
import type { Container, Pod } from 'kubernetes-types/core/v1';
import { addQuantity, compareQuantity, parseQuantity, type Quantity } from '../printers/table/quantity';

const QOS_RESOURCES = new Set(['cpu', 'memory']);

type Amounts = Map<string, Quantity>;

/** positiveQoSResources adds the positive cpu/memory amounts of `list` into `into`; returns their names. */
function addPositive(into: Amounts, list: Record<string, string | number> | undefined): Set<string> {
  const names = new Set<string>();
  for (const [name, raw] of Object.entries(list ?? {})) {
    if (!QOS_RESOURCES.has(name)) continue;
    const quantity = parseQuantity(raw);
    if (quantity.nano <= 0n) continue;
    names.add(name);
    const current = into.get(name);
    into.set(name, current ? addQuantity(quantity, current) : quantity);
  }
  return names;
}

/** computePodQOS: BestEffort without any cpu/memory request or limit; Guaranteed when every container limits both and requests equal limits; else Burstable. */
export function computePodQOS(pod: Pod): string {
  const requests: Amounts = new Map();
  const limits: Amounts = new Map();
  let guaranteed = true;
  const containers: Container[] = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
  for (const c of containers) {
    addPositive(requests, c.resources?.requests);
    const limited = addPositive(limits, c.resources?.limits);
    if (!limited.has('cpu') || !limited.has('memory')) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [name, request] of requests) {
      const limit = limits.get(name);
      if (!limit || compareQuantity(limit, request) !== 0) guaranteed = false;
    }
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}

/** getPodQOS prefers status.qosClass, as the kubelet/apiserver recorded it. */
export function getPodQOS(pod: Pod): string {
  return pod.status?.qosClass || computePodQOS(pod);
}
