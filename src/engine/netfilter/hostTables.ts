// A node's netfilter tables as `iptables-save` would find them: the built-in chains, the jumps
// kube-proxy prepends into them (pkg/proxy/iptables/proxier.go iptablesJumpChains, v1.32), the
// canary chains kube-proxy and the kubelet create to notice a flush, and the chains and rules of
// kube-proxy's last iptables-restore. Rules keep kube-proxy's words; the tables normalize them
// as the kernel stores them (see rule.ts).
import { KUBE_EXTERNAL_SERVICES, KUBE_FORWARD, KUBE_NODEPORTS, KUBE_POSTROUTING, KUBE_PROXY_FIREWALL, KUBE_SERVICES, KUBELET_FIREWALL } from '../proxy/iptables/chainNames';
import { RuleBuilder } from '../proxy/iptables/rule';
import type { IptablesRuleset } from '../proxy/iptables/syncProxyRules';
import { parseRuleWords, type NetfilterRule } from './rule';

export type TableName = 'filter' | 'nat' | 'mangle';

/** HostTable is one table: its chains in creation order (built-ins first, with their policy) and its rules as restore lines. */
export interface HostTable {
  name: TableName;
  chains: Array<{ name: string; policy?: 'ACCEPT' }>;
  /** rules: `-A CHAIN ...` words, in each chain's order. */
  rules: string[][];
}

const BUILTIN: Record<TableName, string[]> = {
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
  mangle: ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'],
};

const NEW = ['-m', 'conntrack', '--ctstate', 'NEW'];

/** JUMPS: iptablesJumpChains in proxier.go's order; each is prepended, so the last one ends up first. */
const JUMPS: Array<{ table: TableName; to: string; from: string; comment: string; extra: string[] }> = [
  { table: 'filter', to: KUBE_EXTERNAL_SERVICES, from: 'INPUT', comment: 'kubernetes externally-visible service portals', extra: NEW },
  { table: 'filter', to: KUBE_EXTERNAL_SERVICES, from: 'FORWARD', comment: 'kubernetes externally-visible service portals', extra: NEW },
  { table: 'filter', to: KUBE_NODEPORTS, from: 'INPUT', comment: 'kubernetes health check service ports', extra: [] },
  { table: 'filter', to: KUBE_SERVICES, from: 'FORWARD', comment: 'kubernetes service portals', extra: NEW },
  { table: 'filter', to: KUBE_SERVICES, from: 'OUTPUT', comment: 'kubernetes service portals', extra: NEW },
  { table: 'filter', to: KUBE_FORWARD, from: 'FORWARD', comment: 'kubernetes forwarding rules', extra: [] },
  { table: 'filter', to: KUBE_PROXY_FIREWALL, from: 'INPUT', comment: 'kubernetes load balancer firewall', extra: NEW },
  { table: 'filter', to: KUBE_PROXY_FIREWALL, from: 'OUTPUT', comment: 'kubernetes load balancer firewall', extra: NEW },
  { table: 'filter', to: KUBE_PROXY_FIREWALL, from: 'FORWARD', comment: 'kubernetes load balancer firewall', extra: NEW },
  { table: 'nat', to: KUBE_SERVICES, from: 'OUTPUT', comment: 'kubernetes service portals', extra: [] },
  { table: 'nat', to: KUBE_SERVICES, from: 'PREROUTING', comment: 'kubernetes service portals', extra: [] },
  { table: 'nat', to: KUBE_POSTROUTING, from: 'POSTROUTING', comment: 'kubernetes postrouting rules', extra: [] },
];

/** CANARIES: empty chains kube-proxy (KUBE-PROXY-CANARY) and the kubelet (KUBE-KUBELET-CANARY) watch for a flush. */
const CANARIES = ['KUBE-KUBELET-CANARY', 'KUBE-PROXY-CANARY'];

/**
 * hostTables is the node's mangle, filter and nat tables with `ruleset` (kube-proxy's last
 * restore, absent in IPVS mode) in them. With --iptables-localhost-nodeports kube-proxy also
 * appends the jumps to KUBE-FIREWALL (iptablesKubeletJumpChains) to INPUT and OUTPUT.
 */
export function hostTables(ruleset: IptablesRuleset | undefined): HostTable[] {
  return (['mangle', 'filter', 'nat'] as const).map((name) => {
    const chains: HostTable['chains'] = BUILTIN[name].map((c) => ({ name: c, policy: 'ACCEPT' as const }));
    const own = new Set<string>(CANARIES);
    const restored = name === 'mangle' ? undefined : ruleset?.[name];
    restored?.chains.forEach((c) => own.add(c));
    const jumps = ruleset ? JUMPS.filter((j) => j.table === name) : [];
    jumps.forEach((j) => own.add(j.to));
    chains.push(...[...own].sort().map((c) => ({ name: c })));
    const rules: string[][] = [];
    for (const builtin of BUILTIN[name]) {
      const mine = jumps.filter((j) => j.from === builtin).reverse();
      rules.push(...mine.map((j) => ['-A', builtin, ...new RuleBuilder(builtin).raw(j.extra).comment(j.comment).jump(j.to).args]));
      if (name === 'filter' && restored?.chains.has(KUBELET_FIREWALL) && (builtin === 'INPUT' || builtin === 'OUTPUT')) rules.push(['-A', builtin, '-j', KUBELET_FIREWALL]);
    }
    const byChain = new Map<string, string[][]>();
    for (const rule of restored?.rules ?? []) {
      const list = byChain.get(rule.chain) ?? [];
      list.push(['-A', rule.chain, ...rule.args]);
      byChain.set(rule.chain, list);
    }
    for (const chain of chains) rules.push(...(byChain.get(chain.name) ?? []));
    return { name, chains, rules };
  });
}

/** tableRules is a table's rules as the kernel holds them. */
export function tableRules(table: HostTable): NetfilterRule[] {
  return table.rules.map(parseRuleWords);
}
