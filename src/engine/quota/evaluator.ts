// Mirrors pkg/quota/v1/evaluator/core (pods.go, services.go) and pkg/quota/v1/generic (object
// count evaluators) in v1.32: what one object charges against a ResourceQuota.
import type { Container, Pod, Service } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api/object';
import { resourceForKind } from '../api/resources';
import { addQuantity, parseQuantity, type Quantity } from '../kubectl/printers/table/quantity';

/** Usage is a corev1.ResourceList of exact quantities. */
export type Usage = Map<string, Quantity>;

const one = (): Quantity => parseQuantity(1);

/** The compute resources a covering quota makes every container name explicitly (validationSet). */
const COMPUTE = new Set(['cpu', 'memory', 'requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory']);

/** objectCountName is `count/<resource>[.<group>]` (generic.ObjectCountQuotaResourceNameFor). */
export function objectCountName(resource: string, group: string): string {
  return group ? `count/${resource}.${group}` : `count/${resource}`;
}

/** LEGACY_COUNT: the resources that also have a plain object-count name (`pods`, `services`, ...). */
const LEGACY_COUNT = new Set(['pods', 'services', 'replicationcontrollers', 'resourcequotas', 'secrets', 'configmaps', 'persistentvolumeclaims']);

/** usageOf is Evaluator.Usage for the object's resource (undefined: quota does not track it). */
export function usageOf(obj: KubeObject, nowMs: number, epochMs: number): Usage | undefined {
  const info = resourceForKind(obj.kind ?? '');
  if (!info || !info.namespaced) return undefined;
  const usage: Usage = new Map([[objectCountName(info.resource, info.group), one()]]);
  if (info.resource === 'pods') {
    // Terminal pods keep only their object count (QuotaV1Pod).
    if (!countsAsLive(obj as Pod, nowMs, epochMs)) return usage;
    return add(usage, podComputeUsage(obj as Pod));
  }
  if (LEGACY_COUNT.has(info.resource)) usage.set(info.resource, one());
  if (info.resource === 'services') {
    const svc = obj as Service;
    if (svc.spec?.type === 'LoadBalancer') usage.set('services.loadbalancers', one());
    const nodePorts = svc.spec?.type === 'NodePort' || svc.spec?.type === 'LoadBalancer' ? (svc.spec?.ports ?? []).filter((p) => p.nodePort !== undefined || svc.spec?.type === 'NodePort').length : 0;
    if (nodePorts > 0) usage.set('services.nodeports', parseQuantity(nodePorts));
  }
  return usage;
}

/** countsAsLive is QuotaV1Pod: not Succeeded/Failed, and not past its deletion grace period. */
function countsAsLive(pod: Pod, nowMs: number, epochMs: number): boolean {
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return false;
  const deletion = pod.metadata?.deletionTimestamp;
  if (deletion) {
    const grace = (pod.metadata?.deletionGracePeriodSeconds ?? 0) * 1000;
    if (Date.parse(deletion) - epochMs + grace < nowMs) return false;
  }
  return true;
}

/** podComputeUsage is podComputeUsageHelper over the pod's effective requests and limits. */
function podComputeUsage(pod: Pod): Usage {
  const requests = podResources(pod, 'requests');
  const limits = podResources(pod, 'limits');
  const usage: Usage = new Map([['pods', one()]]);
  for (const r of ['cpu', 'memory']) {
    const req = requests.get(r);
    if (req) {
      usage.set(r, req);
      usage.set(`requests.${r}`, req);
    }
    const lim = limits.get(r);
    if (lim) usage.set(`limits.${r}`, lim);
  }
  return usage;
}

/** podResources is resourcehelper.PodRequests/PodLimits: the containers' sum, at least the largest init container. */
function podResources(pod: Pod, field: 'requests' | 'limits'): Usage {
  const sum: Usage = new Map();
  for (const c of pod.spec?.containers ?? []) addList(sum, c.resources?.[field]);
  for (const c of pod.spec?.initContainers ?? []) {
    for (const [name, text] of Object.entries(c.resources?.[field] ?? {})) {
      const q = parseQuantity(text);
      const current = sum.get(name);
      if (!current || q.nano > current.nano) sum.set(name, q);
    }
  }
  return sum;
}

function addList(sum: Usage, list: Record<string, string | number> | undefined): void {
  for (const [name, text] of Object.entries(list ?? {})) {
    const q = parseQuantity(text);
    sum.set(name, sum.has(name) ? addQuantity(sum.get(name)!, q) : q);
  }
}

/** add is quota.Add. */
export function add(a: Usage, b: Usage): Usage {
  const out: Usage = new Map(a);
  for (const [name, q] of b) out.set(name, out.has(name) ? addQuantity(out.get(name)!, q) : q);
  return out;
}

/** matchingResources: the hard resource names this object's evaluator tracks. */
export function matchingResources(obj: KubeObject, hard: string[]): string[] {
  const info = resourceForKind(obj.kind ?? '');
  if (!info) return [];
  const count = objectCountName(info.resource, info.group);
  if (info.resource === 'pods') return hard.filter((h) => h === count || h === 'pods' || COMPUTE.has(h));
  if (info.resource === 'services') return hard.filter((h) => h === count || h === 'services' || h === 'services.loadbalancers' || h === 'services.nodeports');
  return hard.filter((h) => h === count || (LEGACY_COUNT.has(info.resource) && h === info.resource));
}

/**
 * podConstraints is the pod evaluator's Constraints: with cpu/memory under quota every container
 * must state them (`must specify limits.cpu for: nginx; requests.memory for: nginx,sidecar`).
 */
export function podConstraints(required: string[], pod: Pod): string | undefined {
  const needed = required.filter((r) => COMPUTE.has(r));
  if (needed.length === 0) return undefined;
  const missing = new Map<string, Set<string>>();
  for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]) {
    const has = containerComputeNames(c);
    for (const r of needed) if (!has.has(r)) (missing.get(r) ?? missing.set(r, new Set()).get(r)!).add(c.name);
  }
  if (missing.size === 0) return undefined;
  const parts = [...missing.keys()].sort().map((r) => `${r} for: ${[...missing.get(r)!].sort().join(',')}`);
  return `must specify ${parts.join('; ')}`;
}

function containerComputeNames(c: Container): Set<string> {
  const names = new Set<string>();
  for (const r of ['cpu', 'memory']) {
    if (c.resources?.requests?.[r] !== undefined) names.add(r).add(`requests.${r}`);
    if (c.resources?.limits?.[r] !== undefined) names.add(`limits.${r}`);
  }
  return names;
}
