// Mirrors kubernetes pkg/printers/internalversion/printers.go (v1.32) printNamespace,
// printConfigMap, printSecret, printServiceAccount, printLease, printPriorityClass, printPodDisruptionBudget and
// printResourceQuota.
import type { Lease } from 'kubernetes-types/coordination/v1';
import type { ConfigMap, Namespace, ResourceQuota, Secret, ServiceAccount } from 'kubernetes-types/core/v1';
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import type { PriorityClass } from 'kubernetes-types/scheduling/v1';
import { translateTimestampSince } from '../humanDuration';
import { compareStrings } from './labels';
import { formatQuantity, parseQuantity } from './quantity';
import { AGE_COLUMN, col, NAME_COLUMN, type ResourcePrinter } from './types';

const age = (meta: { creationTimestamp?: string } | undefined, nowMs: number) => translateTimestampSince(meta?.creationTimestamp, nowMs);

export const namespacePrinter: ResourcePrinter<Namespace> = {
  columns: [NAME_COLUMN, col('Status'), AGE_COLUMN],
  printRow: (ns, { nowMs }) => [ns.metadata?.name ?? '', ns.status?.phase ?? '', age(ns.metadata, nowMs)],
};

export const configMapPrinter: ResourcePrinter<ConfigMap> = {
  columns: [NAME_COLUMN, col('Data'), AGE_COLUMN],
  printRow: (cm, { nowMs }) => [
    cm.metadata?.name ?? '',
    Object.keys(cm.data ?? {}).length + Object.keys(cm.binaryData ?? {}).length,
    age(cm.metadata, nowMs),
  ],
};

export const secretPrinter: ResourcePrinter<Secret> = {
  columns: [NAME_COLUMN, col('Type'), col('Data'), AGE_COLUMN],
  printRow: (s, { nowMs }) => [s.metadata?.name ?? '', s.type ?? '', Object.keys(s.data ?? {}).length, age(s.metadata, nowMs)],
};

/** serviceAccountPrinter is printServiceAccount: the number of listed (legacy token) secrets. */
export const serviceAccountPrinter: ResourcePrinter<ServiceAccount> = {
  columns: [NAME_COLUMN, col('Secrets'), AGE_COLUMN],
  printRow: (sa, { nowMs }) => [sa.metadata?.name ?? '', (sa.secrets ?? []).length, age(sa.metadata, nowMs)],
};

export const leasePrinter: ResourcePrinter<Lease> = {
  columns: [NAME_COLUMN, col('Holder'), AGE_COLUMN],
  printRow: (l, { nowMs }) => [l.metadata?.name ?? '', l.spec?.holderIdentity ?? '', age(l.metadata, nowMs)],
};

export const priorityClassPrinter: ResourcePrinter<PriorityClass> = {
  columns: [NAME_COLUMN, col('Value'), col('Global-Default'), AGE_COLUMN, col('PreemptionPolicy', 1)],
  printRow(pc, { nowMs, wide }) {
    const cells = [pc.metadata?.name ?? '', pc.value, pc.globalDefault ?? false, age(pc.metadata, nowMs)];
    return wide ? [...cells, pc.preemptionPolicy ?? ''] : cells;
  },
};

/** intOrStringText is IntOrString.String(): `2` or `50%`. */
export function intOrStringText(value: number | string): string {
  return String(value);
}

export const podDisruptionBudgetPrinter: ResourcePrinter<PodDisruptionBudget> = {
  columns: [NAME_COLUMN, col('Min Available'), col('Max Unavailable'), col('Allowed Disruptions'), AGE_COLUMN],
  printRow: (pdb, { nowMs }) => [
    pdb.metadata?.name ?? '',
    pdb.spec?.minAvailable !== undefined ? intOrStringText(pdb.spec.minAvailable) : 'N/A',
    pdb.spec?.maxUnavailable !== undefined ? intOrStringText(pdb.spec.maxUnavailable) : 'N/A',
    pdb.status?.disruptionsAllowed ?? 0,
    age(pdb.metadata, nowMs),
  ],
};

/**
 * resourceQuotaColumns splits status.hard into REQUEST (`cpu: 500m/2, pods: 3/10`) and LIMIT
 * (names starting with `limits.`), sorted by resource name, each `used/hard`.
 */
export function resourceQuotaColumns(quota: ResourceQuota): [string, string] {
  const hard = quota.status?.hard ?? {};
  const used = quota.status?.used ?? {};
  const requests: string[] = [];
  const limits: string[] = [];
  for (const name of Object.keys(hard).sort(compareStrings)) {
    const usedText = used[name] !== undefined ? formatQuantity(parseQuantity(used[name])) : '0';
    const entry = `${name}: ${usedText}/${formatQuantity(parseQuantity(hard[name]))}`;
    const pieces = name.split('.');
    (pieces.length > 1 && pieces[0] === 'limits' ? limits : requests).push(entry);
  }
  return [requests.join(', '), limits.join(', ')];
}

export const resourceQuotaPrinter: ResourcePrinter<ResourceQuota> = {
  columns: [NAME_COLUMN, col('Request'), col('Limit'), AGE_COLUMN],
  printRow(quota, { nowMs }) {
    const [request, limit] = resourceQuotaColumns(quota);
    return [quota.metadata?.name ?? '', request, limit, age(quota.metadata, nowMs)];
  },
};
