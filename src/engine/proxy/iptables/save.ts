// iptables-save text of kube-proxy's tables, in the canonical order upstream's proxier tests print
// them (pkg/proxy/iptables/proxier_test.go sortIPTablesRules): KUBE-NODEPORTS and KUBE-SERVICES
// first, then the other chains by name, each chain's rules in the order they were written.
import { KUBE_NODEPORTS, KUBE_SERVICES } from './chainNames';
import { ruleText, type Table } from './rule';
import type { IptablesRuleset } from './syncProxyRules';

function chainOrder(chains: Iterable<string>): string[] {
  const rest = [...chains].filter((c) => c !== KUBE_NODEPORTS && c !== KUBE_SERVICES).sort();
  return [KUBE_NODEPORTS, KUBE_SERVICES, ...rest];
}

/** saveTable renders `*table`, the chain lines, the rules and `COMMIT`. */
export function saveTable(table: Table): string {
  const order = chainOrder(table.chains).filter((c) => table.chains.has(c));
  const lines = [`*${table.name}`, ...order.map((c) => `:${c} - [0:0]`)];
  const byChain = new Map<string, string[]>();
  for (const rule of table.rules) {
    const list = byChain.get(rule.chain) ?? [];
    list.push(ruleText(rule));
    byChain.set(rule.chain, list);
  }
  for (const chain of order) lines.push(...(byChain.get(chain) ?? []));
  lines.push('COMMIT');
  return `${lines.join('\n')}\n`;
}

/** iptablesSave renders the filter table then the nat table (the restore input of one sync). */
export function iptablesSave(ruleset: IptablesRuleset): string {
  return saveTable(ruleset.filter) + saveTable(ruleset.nat);
}
