// Mirrors plugin/pkg/admission/limitranger/admission.go (v1.32): the namespace's LimitRanges give
// containers their default requests and limits (mutating, with the kubernetes.io/limit-ranger
// annotation) and bound them per Container and per Pod (validating).
import type { Container, LimitRange, LimitRangeItem, Pod } from 'kubernetes-types/core/v1';
import { formatQuantity, milliValue, parseQuantity, quantityValue, type Quantity } from '../../../kubectl/printers/table/quantity';

const ANNOTATION = 'kubernetes.io/limit-ranger';
type List = Record<string, string>;

/** admitLimitRanger applies the Container defaults of every LimitRange to a pod (in place). */
export function admitLimitRanger(pod: Pod, limitRanges: readonly LimitRange[]): void {
  for (const lr of limitRanges) {
    const defaults = { requests: {} as List, limits: {} as List };
    for (const item of lr.spec?.limits ?? []) {
      if (item.type !== 'Container') continue;
      Object.assign(defaults.requests, item.defaultRequest ?? {});
      Object.assign(defaults.limits, item.default ?? {});
    }
    const notes: string[] = [];
    for (const c of pod.spec?.containers ?? []) {
      const resources = (c.resources ??= {});
      const limits = ((resources.limits as List | undefined) ??= {});
      const requests = ((resources.requests as List | undefined) ??= {});
      const setLimits = Object.keys(defaults.limits).filter((k) => !(k in limits));
      const setRequests = Object.keys(defaults.requests).filter((k) => !(k in requests));
      for (const k of setLimits) limits[k] = defaults.limits[k];
      for (const k of setRequests) requests[k] = defaults.requests[k];
      if (setRequests.length > 0) notes.push(`${setRequests.sort().join(', ')} request for container ${c.name}`);
      if (setLimits.length > 0) notes.push(`${setLimits.sort().join(', ')} limit for container ${c.name}`);
    }
    if (notes.length > 0) pod.metadata = { ...pod.metadata, annotations: { ...pod.metadata?.annotations, [ANNOTATION]: `LimitRanger plugin set: ${notes.join('; ')}` } };
  }
}

/** validateLimitRanger lists every Container and Pod min/max/ratio a pod breaks, in upstream wording. */
export function validateLimitRanger(pod: Pod, limitRanges: readonly LimitRange[]): string[] {
  const errs: string[] = [];
  for (const lr of limitRanges) {
    for (const item of lr.spec?.limits ?? []) {
      if (item.type === 'Container') {
        for (const c of pod.spec?.containers ?? []) errs.push(...check(item, 'Container', listOf(c, 'requests'), listOf(c, 'limits')));
      } else if (item.type === 'Pod') {
        const containers = pod.spec?.containers ?? [];
        errs.push(...check(item, 'Pod', sum(containers.map((c) => listOf(c, 'requests'))), sum(containers.map((c) => listOf(c, 'limits')))));
      }
    }
  }
  return errs;
}

function listOf(c: Container, field: 'requests' | 'limits'): Map<string, Quantity> {
  return new Map(Object.entries(c.resources?.[field] ?? {}).map(([k, v]) => [k, parseQuantity(v)]));
}

/** sum totals a resource only when every container names it (cpu in milli-units, the rest in units). */
function sum(lists: Map<string, Quantity>[]): Map<string, Quantity> {
  const out = new Map<string, Quantity>();
  const keys = new Set(lists.flatMap((l) => [...l.keys()]));
  for (const k of keys) {
    if (!lists.every((l) => l.has(k))) continue;
    const total = lists.reduce((acc, l) => acc + (k === 'cpu' ? milliValue(l.get(k)!) : quantityValue(l.get(k)!)), 0);
    out.set(k, k === 'cpu' ? parseQuantity(`${total}m`) : parseQuantity(total));
  }
  return out;
}

function check(item: LimitRangeItem, type: string, requests: Map<string, Quantity>, limits: Map<string, Quantity>): string[] {
  const errs: string[] = [];
  // requestLimitEnforcedValues compares in milli-units (the values stay far below the overflow bound).
  const m = (q: Quantity | undefined) => (q ? milliValue(q) : 0);
  for (const [k, v] of Object.entries(item.min ?? {})) {
    const enforced = parseQuantity(v);
    const req = requests.get(k);
    const lim = limits.get(k);
    if (!req) errs.push(`Minimum ${k} usage per ${type} is ${formatQuantity(enforced)}.  No request is specified.`);
    else if (m(req) < m(enforced)) errs.push(`Minimum ${k} usage per ${type} is ${formatQuantity(enforced)}, but request is ${formatQuantity(req)}.`);
    else if (lim && m(lim) < m(enforced)) errs.push(`Minimum ${k} usage per ${type} is ${formatQuantity(enforced)}, but limit is ${formatQuantity(lim)}.`);
  }
  for (const [k, v] of Object.entries(item.max ?? {})) {
    const enforced = parseQuantity(v);
    const req = requests.get(k);
    const lim = limits.get(k);
    if (!lim) errs.push(`Maximum ${k} usage per ${type} is ${formatQuantity(enforced)}.  No limit is specified.`);
    else if (m(lim) > m(enforced)) errs.push(`Maximum ${k} usage per ${type} is ${formatQuantity(enforced)}, but limit is ${formatQuantity(lim)}.`);
    else if (req && m(req) > m(enforced)) errs.push(`Maximum ${k} usage per ${type} is ${formatQuantity(enforced)}, but request is ${formatQuantity(req)}.`);
  }
  for (const [k, v] of Object.entries(item.maxLimitRequestRatio ?? {})) {
    const enforced = parseQuantity(v);
    const req = requests.get(k);
    const lim = limits.get(k);
    if (!req || m(req) === 0) errs.push(`${k} max limit to request ratio per ${type} is ${formatQuantity(enforced)}, but no request is specified or request is 0.`);
    else if (!lim || m(lim) === 0) errs.push(`${k} max limit to request ratio per ${type} is ${formatQuantity(enforced)}, but no limit is specified or limit is 0.`);
    else if (m(lim) / m(req) > m(enforced) / 1000) errs.push(`${k} max limit to request ratio per ${type} is ${formatQuantity(enforced)}, but provided ratio is ${(m(lim) / m(req)).toFixed(6)}.`);
  }
  return errs;
}
