// Mirrors kubernetes staging/src/k8s.io/endpointslice/reconciler.go (reconcileByAddressType),
// simplified: endpoints stay in the slice that already holds them, new ones fill slices with room,
// then new slices of up to 100.

import type { Endpoint, EndpointPort, EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { Node, Pod, Service } from 'kubernetes-types/core/v1';
import { deepClone, type Stored } from '../../api/object';
import { jsonEqual } from '../equality';
import { shouldPodBeInEndpoints } from '../util/endpoint/controllerUtils';
import { endpointSliceLabels, getEndpointPorts, MAX_ENDPOINTS_PER_SLICE, newEndpointSlice, podToEndpoint, portsKey } from './utils';

export interface ReconcilePlan {
  toCreate: EndpointSlice[];
  toUpdate: EndpointSlice[];
  toDelete: Stored<EndpointSlice>[];
  /** Pods skipped because their Node is not (yet) in the informer. */
  errors: string[];
}

interface DesiredGroup {
  ports: EndpointPort[];
  endpoints: Map<string, Endpoint>;
}

/** reconcile plans the writes that make a service's IPv4 slices match its pods. */
export function reconcile(service: Service, pods: readonly Pod[], existing: readonly Stored<EndpointSlice>[], nodeFor: (name: string) => Node | undefined): ReconcilePlan {
  const plan: ReconcilePlan = { toCreate: [], toUpdate: [], toDelete: [], errors: [] };
  const desired = new Map<string, DesiredGroup>();
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, true)) continue;
    const node = pod.spec?.nodeName ? nodeFor(pod.spec.nodeName) : undefined;
    if (!node && service.spec?.publishNotReadyAddresses !== true) {
      plan.errors.push(`skipping Pod ${pod.metadata?.name} for Service ${service.metadata?.namespace}/${service.metadata?.name}: Node ${pod.spec?.nodeName ?? ''} Not Found`);
      continue;
    }
    const ports = getEndpointPorts(service, pod);
    const key = portsKey(ports);
    if (!desired.has(key)) desired.set(key, { ports, endpoints: new Map() });
    desired.get(key)!.endpoints.set(pod.metadata?.name ?? '', podToEndpoint(pod, node, service));
  }
  const labels = endpointSliceLabels(service);
  const slicesByPorts = new Map<string, Stored<EndpointSlice>[]>();
  for (const slice of [...existing].sort((a, b) => a.metadata.name.localeCompare(b.metadata.name))) {
    const key = portsKey(slice.ports);
    if (!desired.has(key)) plan.toDelete.push(slice);
    else slicesByPorts.set(key, [...(slicesByPorts.get(key) ?? []), slice]);
  }
  for (const [key, group] of desired) reconcileGroup(service, group, slicesByPorts.get(key) ?? [], labels, plan);
  if (existing.length === plan.toDelete.length && plan.toCreate.length === 0) addPlaceholder(service, plan);
  return plan;
}

function reconcileGroup(service: Service, group: DesiredGroup, slices: Stored<EndpointSlice>[], labels: Record<string, string>, plan: ReconcilePlan): void {
  const remaining = new Map(group.endpoints);
  const kept: EndpointSlice[] = [];
  for (const slice of slices) {
    const endpoints = (slice.endpoints ?? []).map((ep) => remaining.get(ep.targetRef?.name ?? '')).filter((ep): ep is Endpoint => !!ep);
    for (const ep of endpoints) remaining.delete(ep.targetRef?.name ?? '');
    if (endpoints.length === 0) {
      plan.toDelete.push(slice);
      continue;
    }
    const next = deepClone(slice) as EndpointSlice;
    next.endpoints = endpoints;
    next.metadata = { ...next.metadata, labels };
    kept.push(next);
    if (!jsonEqual(next.endpoints, slice.endpoints) || !jsonEqual(labels, slice.metadata.labels ?? {})) plan.toUpdate.push(next);
  }
  const leftovers = [...remaining.keys()].sort().map((name) => remaining.get(name)!);
  for (const slice of kept) {
    while (leftovers.length > 0 && slice.endpoints.length < MAX_ENDPOINTS_PER_SLICE) {
      slice.endpoints.push(leftovers.shift()!);
      if (!plan.toUpdate.includes(slice)) plan.toUpdate.push(slice);
    }
  }
  while (leftovers.length > 0) {
    const slice = newEndpointSlice(service, group.ports, 'IPv4');
    slice.endpoints = leftovers.splice(0, MAX_ENDPOINTS_PER_SLICE);
    plan.toCreate.push(slice);
  }
}

/**
 * addPlaceholder: a service with no endpoints still gets one empty slice (no ports, no endpoints);
 * an existing placeholder is kept rather than deleted and recreated.
 */
function addPlaceholder(service: Service, plan: ReconcilePlan): void {
  const placeholder = newEndpointSlice(service, [], 'IPv4');
  const reusable = plan.toDelete.length === 1 && (plan.toDelete[0].endpoints ?? []).length === 0 && (plan.toDelete[0].ports ?? []).length === 0;
  if (reusable) plan.toDelete = [];
  else plan.toCreate.push(placeholder);
}

