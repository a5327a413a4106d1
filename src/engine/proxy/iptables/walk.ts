// A packet's trip through kube-proxy's chains, for `sim curl`: nat KUBE-SERVICES (reached from
// PREROUTING or OUTPUT) until a DNAT, else the filter table's verdict. The statistic match draws
// from the simulator's seeded Rng, so the same seed picks the same pods.
import type { Rng } from '../../sim/rng';
import { KUBE_EXTERNAL_SERVICES, KUBE_MARK_MASQ, KUBE_PROXY_FIREWALL, KUBE_SERVICES } from './chainNames';
import { ruleText, type Match, type Rule, type Table } from './rule';
import { cidrContains, type IptablesRuleset } from './syncProxyRules';

/** Packet is a new connection's first packet. */
export interface Packet {
  src: string;
  dst: string;
  dport: number;
  proto: string;
  /** srcLocal: the source is one of the node's own addresses (addrtype --src-type LOCAL). */
  srcLocal: boolean;
  /** dstLocal: the destination is one of the node's own addresses. */
  dstLocal: boolean;
}

/** Hop is one rule that matched (or a statistic rule that was tried), in order. */
export interface Hop {
  table: 'nat' | 'filter';
  chain: string;
  rule: string;
  target: string;
  /** For statistic rules: the draw in [0, 1) and whether it was below the probability. */
  draw?: number;
  taken: boolean;
}

export type Verdict =
  | { kind: 'dnat'; to: string; masquerade: boolean }
  | { kind: 'reject'; comment: string | undefined }
  | { kind: 'drop'; comment: string | undefined }
  | { kind: 'none' };

const MAX_DEPTH = 16;

/**
 * walkPacket follows the packet through nat KUBE-SERVICES; without a DNAT, the filter chains
 * kube-proxy owns decide (REJECT for a Service without endpoints, DROP for no local endpoints).
 */
export function walkPacket(rules: IptablesRuleset, packet: Packet, rng: Rng): { hops: Hop[]; verdict: Verdict } {
  const hops: Hop[] = [];
  const state = { masquerade: false };
  const nat = walkChain(rules.nat, KUBE_SERVICES, packet, rng, hops, state, 0);
  if (nat.kind === 'dnat') return { hops, verdict: { ...nat, masquerade: state.masquerade } };
  for (const chain of [KUBE_SERVICES, KUBE_EXTERNAL_SERVICES, KUBE_PROXY_FIREWALL]) {
    const verdict = walkChain(rules.filter, chain, packet, rng, hops, state, 0);
    if (verdict.kind !== 'none') return { hops, verdict };
  }
  return { hops, verdict: { kind: 'none' } };
}

function walkChain(table: Table, chain: string, packet: Packet, rng: Rng, hops: Hop[], state: { masquerade: boolean }, depth: number): Verdict {
  if (depth > MAX_DEPTH) return { kind: 'none' };
  for (const rule of rulesOf(table, chain)) {
    const statistic = rule.matches.find((m): m is Extract<Match, { kind: 'statistic' }> => m.kind === 'statistic');
    if (!rule.matches.every((m) => m.kind === 'statistic' || matches(m, packet))) continue;
    let draw: number | undefined;
    if (statistic) {
      draw = rng.float();
      const taken = draw < Number(statistic.probability);
      hops.push({ table: table.name, chain, rule: ruleText(rule), target: rule.target, draw, taken });
      if (!taken) continue;
    } else {
      hops.push({ table: table.name, chain, rule: ruleText(rule), target: rule.target, taken: true });
    }
    const verdict = applyTarget(table, rule, packet, rng, hops, state, depth);
    if (verdict) return verdict;
  }
  return { kind: 'none' };
}

/** applyTarget: a terminal verdict, or undefined to go on with the next rule. */
function applyTarget(table: Table, rule: Rule, packet: Packet, rng: Rng, hops: Hop[], state: { masquerade: boolean }, depth: number): Verdict | undefined {
  switch (rule.target) {
    case '':
      return undefined;
    case KUBE_MARK_MASQ:
      state.masquerade = true;
      return undefined;
    case 'DNAT':
      return { kind: 'dnat', to: rule.args[rule.args.indexOf('--to-destination') + 1], masquerade: state.masquerade };
    case 'REJECT':
      return { kind: 'reject', comment: rule.comment };
    case 'DROP':
      return { kind: 'drop', comment: rule.comment };
    case 'ACCEPT':
    case 'RETURN':
      return { kind: 'none' };
    default: {
      const verdict = walkChain(table, rule.target, packet, rng, hops, state, depth + 1);
      return verdict.kind === 'none' ? undefined : verdict;
    }
  }
}

function matches(m: Match, p: Packet): boolean {
  switch (m.kind) {
    case 'proto':
      return m.proto === p.proto;
    case 'dst':
      return cidrContains(m.cidr, p.dst) !== m.negate;
    case 'src':
      return cidrContains(m.cidr, p.src) !== m.negate;
    case 'dport':
      return m.port === p.dport;
    case 'addrtype':
      return m.dir === 'src' ? p.srcLocal : p.dstLocal;
    case 'recent':
      return false;
    default:
      return true;
  }
}

const chainIndex = new WeakMap<Table, Map<string, Rule[]>>();

function rulesOf(table: Table, chain: string): Rule[] {
  let index = chainIndex.get(table);
  if (!index) {
    index = new Map();
    for (const rule of table.rules) {
      const list = index.get(rule.chain) ?? [];
      list.push(rule);
      index.set(rule.chain, list);
    }
    chainIndex.set(table, index);
  }
  return index.get(chain) ?? [];
}
