// `iptables -L [CHAIN] [-n] [-v] [--line-numbers]` (iptables 1.8.9, nf_tables): the column
// layout of xshared.c print_header / print_rule_details and each extension's print function.
import type { HostTable } from './hostTables';
import { option, type MatchModule, type NetfilterRule, type Option } from './rule';
import { serviceName } from './services';

export interface ListFormat {
  numeric: boolean;
  verbose: boolean;
  lineNumbers: boolean;
}

const PROTO_NUMBERS: Record<string, number> = { tcp: 6, udp: 17, sctp: 132, icmp: 1 };

/** listChains prints `chains` of a table (all when `chain` is undefined), blank lines between them. */
export function listChains(table: HostTable, rules: NetfilterRule[], format: ListFormat, chain?: string): string {
  const chains = table.chains.filter((c) => chain === undefined || c.name === chain);
  return chains
    .map((c) => {
      const own = rules.filter((r) => r.chain === c.name);
      const refs = rules.filter((r) => r.target === c.name).length;
      let head = `Chain ${c.name} `;
      head += c.policy ? `(policy ${c.policy}${format.verbose ? ' 0 packets, 0 bytes' : ''})` : `(${refs} references)`;
      return [head, header(format), ...own.map((r, i) => row(r, i + 1, format))].map((l) => `${l}\n`).join('');
    })
    .join('\n');
}

function header(f: ListFormat): string {
  let out = f.lineNumbers ? 'num  ' : '';
  if (f.verbose) out += ' pkts bytes ';
  out += 'target    ';
  out += ' prot opt';
  if (f.verbose) out += ' in     out    ';
  return `${out} ${'source'.padEnd(19)}  ${'destination'.padEnd(19)} `;
}

function row(rule: NetfilterRule, index: number, f: ListFormat): string {
  let out = f.lineNumbers ? `${String(index).padEnd(4)} ` : '';
  if (f.verbose) out += `${'0'.padStart(5)} ${'0'.padStart(5)} `;
  out += `${(rule.target ?? '').padEnd(9)} `;
  out += rule.proto?.negated ? '!' : ' ';
  const proto = rule.proto?.name ?? 'all';
  out += `${(f.numeric ? String(PROTO_NUMBERS[proto] ?? 0) : proto).padEnd(4)} `;
  out += '-- ';
  if (f.verbose) out += ` ${'*'.padEnd(6)} ${'*'.padEnd(6)} `;
  out += address(rule.src, f.numeric) + address(rule.dst, f.numeric);
  for (const match of rule.matches) out += printMatch(match, f.numeric);
  out += printTarget(rule.target ?? '', rule.targetOptions);
  return out;
}

function address(addr: NetfilterRule['src'], numeric: boolean): string {
  const prefix = addr?.negated ? '!' : ' ';
  if (!addr || addr.cidr === '0.0.0.0/0') return `${prefix}${(numeric ? '0.0.0.0/0' : 'anywhere').padEnd(19)} `;
  const [ip, bits] = addr.cidr.split('/');
  // Without -n an address is looked up; only the loopback network has a name (/etc/networks).
  const name = !numeric && ip === '127.0.0.0' ? 'loopback' : ip;
  return `${prefix}${(bits === '32' ? name : `${name}/${bits}`).padEnd(19)} `;
}

function printMatch(match: MatchModule, numeric: boolean): string {
  const o = (name: string) => option(match.options, name);
  const not = (opt: Option | undefined) => (opt?.negated ? ' !' : '');
  switch (match.name) {
    case 'comment':
      return ` /* ${o('--comment')?.value ?? ''} */`;
    case 'tcp':
    case 'udp': {
      const dport = o('--dport');
      const port = (value: string) => (numeric ? value : (serviceName(Number(value), match.name) ?? value));
      return ` ${match.name}${dport ? ` dpt:${not(dport).trim() ? '!' : ''}${port(dport.value ?? '')}` : ''}`;
    }
    case 'conntrack': {
      const state = o('--ctstate');
      return `${not(state)} ctstate ${state?.value ?? ''}`;
    }
    case 'mark': {
      const mark = o('--mark');
      return ` mark match${not(mark)} ${mark?.value ?? ''}`;
    }
    case 'addrtype': {
      const src = o('--src-type');
      const dst = o('--dst-type');
      return ` ADDRTYPE match${src ? ` src-type ${src.value}` : ''}${dst ? ` dst-type ${dst.value}` : ''}`;
    }
    case 'statistic':
      return ` statistic mode ${o('--mode')?.value ?? 'random'} probability ${Number(o('--probability')?.value ?? 0).toFixed(11)}`;
    case 'recent': {
      const action = o('--set') ? 'SET' : o('--rcheck') ? 'CHECK' : o('--update') ? 'UPDATE' : o('--remove') ? 'REMOVE' : '';
      const seconds = o('--seconds');
      return ` recent: ${action}${seconds ? ` seconds: ${seconds.value}` : ''}${o('--reap') ? ' reap' : ''} name: ${o('--name')?.value ?? 'DEFAULT'} side: ${o('--rdest') ? 'dest' : 'source'} mask: ${o('--mask')?.value ?? '255.255.255.255'}`;
    }
    default:
      return ` ${match.name}`;
  }
}

function printTarget(target: string, options: readonly Option[]): string {
  switch (target) {
    case 'MARK': {
      const or = option(options, '--or-mark');
      const xor = option(options, '--xor-mark');
      return or ? ` MARK or ${or.value}` : xor ? ` MARK xor ${xor.value}` : '';
    }
    case 'DNAT':
      return ` to:${option(options, '--to-destination')?.value ?? ''}`;
    case 'REJECT':
      return ` reject-with ${option(options, '--reject-with')?.value ?? 'icmp-port-unreachable'}`;
    default:
      return '';
  }
}
