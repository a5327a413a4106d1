// Mirrors staging/src/k8s.io/apiserver/pkg/admission/plugin/resourcequota (controller.go
// CheckRequest, prettyPrint) in v1.32: the validating half of the chain that charges a new object
// to every ResourceQuota of its namespace, or refuses it.
import type { ResourceQuota } from 'kubernetes-types/core/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../../api/object';
import { compareQuantity, formatQuantity, parseQuantity, type Quantity } from '../../../kubectl/printers/table/quantity';
import { add, matchingResources, podConstraints, type Usage } from '../../../quota/evaluator';

/** QuotaCheck: the quotas' new status.used, or the reason for a 403. */
export type QuotaCheck = { ok: true; used: Map<string, Record<string, string>> } | { ok: false; reason: string };

/**
 * checkRequest charges `usage` (the object's) to each quota whose hard list names a resource the
 * object uses: `failed quota` when a pod leaves a quota'd cpu/memory unstated, `status unknown`
 * before the quota controller has counted, `exceeded quota` when the new total passes hard.
 */
export function checkRequest(quotas: readonly ResourceQuota[], obj: KubeObject, usage: Usage): QuotaCheck {
  const used = new Map<string, Record<string, string>>();
  for (const quota of quotas) {
    const name = quota.metadata?.name ?? '';
    const hard = quota.status?.hard ?? {};
    const restricted = matchingResources(obj, Object.keys(hard));
    if (restricted.length === 0) continue;
    if (obj.kind === 'Pod') {
      const missing = podConstraints(restricted, obj as Pod);
      if (missing) return { ok: false, reason: `failed quota: ${name}: ${missing}` };
    }
    const statusUsed = quota.status?.used ?? {};
    if (restricted.some((r) => statusUsed[r] === undefined)) return { ok: false, reason: `status unknown for quota: ${name}, resources: ${[...restricted].sort().join(',')}` };
    const requested: Usage = new Map([...usage].filter(([r, q]) => r in hard && q.nano !== 0n));
    if (requested.size === 0) continue;
    const current: Usage = new Map(Object.entries(statusUsed).map(([r, q]) => [r, parseQuantity(q)]));
    const next = add(current, requested);
    const exceeded = [...requested.keys()].filter((r) => compareQuantity(next.get(r)!, parseQuantity(hard[r])) > 0);
    if (exceeded.length > 0) {
      const pick = (list: Usage | Record<string, string>) => prettyPrint(exceeded, (r) => (list instanceof Map ? list.get(r) : list[r] !== undefined ? parseQuantity(list[r]) : undefined));
      return { ok: false, reason: `exceeded quota: ${name}, requested: ${pick(requested)}, used: ${pick(statusUsed)}, limited: ${pick(hard)}` };
    }
    used.set(name, Object.fromEntries([...next].map(([r, q]) => [r, formatQuantity(q)])));
  }
  return { ok: true, used };
}

/** prettyPrint lists `name=quantity` sorted by name, joined by commas. */
function prettyPrint(names: string[], get: (name: string) => Quantity | undefined): string {
  return [...names]
    .sort()
    .filter((r) => get(r) !== undefined)
    .map((r) => `${r}=${formatQuantity(get(r)!)}`)
    .join(',');
}
