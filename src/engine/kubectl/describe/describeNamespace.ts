// Mirrors k8s.io/kubectl pkg/describe/describe.go (v1.32) describeNamespace, DescribeResourceQuotas
// (limit ranges: describeLimitRanges.ts).
import type { LimitRange, Namespace, ResourceQuota } from 'kubernetes-types/core/v1';
import { compareStrings } from '../printers/table/labels';
import { formatQuantity, parseQuantity } from '../printers/table/quantity';
import { describeLimitRanges } from './describeLimitRanges';
import { printAnnotationsMultiline, printLabelsMultiline } from './describeMeta';
import { formatRFC1123Z } from './goFormat';
import { listSorted, type DescribeLookup } from './lookup';
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from './prefixWriter';

/** SCOPE_HELP is helpTextForResourceQuotaScope. */
const SCOPE_HELP: Record<string, string> = {
  Terminating: 'Matches all pods that have an active deadline. These pods have a limited lifespan on a node before being actively terminated by the system.',
  NotTerminating: 'Matches all pods that do not have an active deadline. These pods usually include long running pods whose container command is not expected to terminate.',
  BestEffort: 'Matches all pods that do not have resource requirements set. These pods have a best effort quality of service.',
  NotBestEffort: 'Matches all pods that have at least one resource requirement set. These pods have a burstable or guaranteed quality of service.',
};

const quantityText = (raw: string | undefined) => (raw === undefined ? '0' : formatQuantity(parseQuantity(raw)));

/** describeResourceQuotas prints each quota's Resource/Used/Hard table, quotas and resources sorted by name. */
function describeResourceQuotas(quotas: readonly ResourceQuota[], w: PrefixWriter): void {
  if (quotas.length === 0) {
    w.write(LEVEL_0, 'No resource quota.\n');
    return;
  }
  const sorted = [...quotas].sort((a, b) => compareStrings(a.metadata?.name ?? '', b.metadata?.name ?? ''));
  w.write(LEVEL_0, 'Resource Quotas\n');
  for (const q of sorted) {
    w.write(LEVEL_1, `Name:\t${q.metadata?.name ?? ''}\n`);
    const scopes = q.spec?.scopes ?? [];
    if (scopes.length > 0) {
      const sortedScopes = [...scopes].sort(compareStrings);
      w.write(LEVEL_1, `Scopes:\t${sortedScopes.join(', ')}\n`);
      for (const scope of sortedScopes) if (SCOPE_HELP[scope]) w.write(LEVEL_1, `* ${SCOPE_HELP[scope]}\n`);
    }
    w.write(LEVEL_1, 'Resource\tUsed\tHard\n');
    w.write(LEVEL_1, '--------\t---\t---\n');
    const hard = q.status?.hard ?? {};
    for (const name of Object.keys(hard).sort(compareStrings)) {
      w.write(LEVEL_1, `${name}\t${quantityText(q.status?.used?.[name])}\t${quantityText(hard[name])}\n`);
    }
  }
}

/** describeQuota is `kubectl describe quota NAME` (ResourceQuotaDescriber). */
export function describeQuota(q: ResourceQuota): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${q.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${q.metadata?.namespace ?? ''}\n`);
    const scopes = [...(q.spec?.scopes ?? [])].sort(compareStrings);
    if (scopes.length > 0) {
      w.write(LEVEL_0, `Scopes:\t${scopes.join(', ')}\n`);
      for (const scope of scopes) if (SCOPE_HELP[scope]) w.write(LEVEL_0, ` * ${SCOPE_HELP[scope]}\n`);
    }
    w.write(LEVEL_0, 'Resource\tUsed\tHard\n');
    w.write(LEVEL_0, '--------\t----\t----\n');
    const hard = q.status?.hard ?? {};
    for (const name of Object.keys(hard).sort(compareStrings)) w.write(LEVEL_0, `${name}\t${quantityText(q.status?.used?.[name])}\t${quantityText(hard[name])}\n`);
  });
}

/** describeNamespace is `kubectl describe namespace NAME`. */
export function describeNamespace(ns: Namespace, lookup: DescribeLookup): string {
  const name = ns.metadata?.name ?? '';
  const quotas = listSorted<ResourceQuota>(lookup, 'resourcequotas', name);
  const limitRanges = listSorted<LimitRange>(lookup, 'limitranges', name);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${name}\n`);
    printLabelsMultiline(w, 'Labels', ns.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', ns.metadata?.annotations);
    w.write(LEVEL_0, `Status:\t${ns.status?.phase ?? ''}\n`);
    const conditions = ns.status?.conditions ?? [];
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n');
      w.write(LEVEL_1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t------------------\t------\t-------\n');
      for (const c of conditions) {
        w.write(LEVEL_1, `${c.type}\t${c.status}\t${formatRFC1123Z(c.lastTransitionTime)}\t${c.reason ?? ''}\t${c.message ?? ''}\n`);
      }
    }
    w.write(LEVEL_0, '\n');
    describeResourceQuotas(quotas, w);
    w.write(LEVEL_0, '\n');
    describeLimitRanges(limitRanges, w);
  });
}
