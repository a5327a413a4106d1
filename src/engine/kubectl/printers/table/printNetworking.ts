// Mirrors kubernetes pkg/printers/internalversion/printers.go (v1.32) printIngress,
// printIngressClass and printNetworkPolicy.
import type { Ingress, IngressClass, NetworkPolicy } from 'kubernetes-types/networking/v1';
import { translateTimestampSince } from '../humanDuration';
import { formatLabelSelector } from './labels';
import { AGE_COLUMN, col, NAME_COLUMN, type ResourcePrinter } from './types';

/**
 * formatHosts lists the rules' hosts: rules without a host are skipped, no host at all is `*`, and
 * a fourth rule turns the tail into `+ N more...` (N counts rules, not hosts).
 */
function formatHosts(ingress: Ingress): string {
  const rules = ingress.spec?.rules ?? [];
  const list: string[] = [];
  let more = false;
  for (const rule of rules) {
    if (list.length === 3) more = true;
    if (!more && rule.host) list.push(rule.host);
  }
  if (list.length === 0) return '*';
  return more ? `${list.join(',')} + ${rules.length - 3} more...` : list.join(',');
}

/** formatPorts is `80`, or `80, 443` when the Ingress has TLS. */
function formatPorts(ingress: Ingress): string {
  return (ingress.spec?.tls ?? []).length > 0 ? '80, 443' : '80';
}

/** loadBalancerStatus joins the addresses an ingress controller published (IP, else hostname); cut to 16 characters unless wide. */
function loadBalancerStatus(ingress: Ingress, wide: boolean): string {
  const result = (ingress.status?.loadBalancer?.ingress ?? []).map((i) => i.ip || i.hostname || '').filter(Boolean).join(',');
  return !wide && result.length > 16 ? `${result.slice(0, 13)}...` : result;
}

export const ingressPrinter: ResourcePrinter<Ingress> = {
  columns: [NAME_COLUMN, col('Class'), col('Hosts'), col('Address'), col('Ports'), AGE_COLUMN],
  printRow(ingress, { nowMs, wide }) {
    return [ingress.metadata?.name ?? '', ingress.spec?.ingressClassName ?? '<none>', formatHosts(ingress), loadBalancerStatus(ingress, wide), formatPorts(ingress), translateTimestampSince(ingress.metadata?.creationTimestamp, nowMs)];
  },
};

export const ingressClassPrinter: ResourcePrinter<IngressClass> = {
  columns: [NAME_COLUMN, col('Controller'), col('Parameters'), AGE_COLUMN],
  printRow(ingressClass, { nowMs }) {
    const parameters = ingressClass.spec?.parameters;
    const text = parameters ? `${parameters.kind}${parameters.apiGroup ? `.${parameters.apiGroup}` : ''}/${parameters.name}` : '<none>';
    return [ingressClass.metadata?.name ?? '', ingressClass.spec?.controller ?? '', text, translateTimestampSince(ingressClass.metadata?.creationTimestamp, nowMs)];
  },
};

export const networkPolicyPrinter: ResourcePrinter<NetworkPolicy> = {
  columns: [NAME_COLUMN, col('Pod-Selector'), AGE_COLUMN],
  printRow(policy, { nowMs }) {
    return [policy.metadata?.name ?? '', formatLabelSelector(policy.spec?.podSelector), translateTimestampSince(policy.metadata?.creationTimestamp, nowMs)];
  },
};
