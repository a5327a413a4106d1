// iptables, iptables-save and ipvsadm on a node: what kube-proxy (iptables mode) left in the
// node's netfilter tables, or its IPVS virtual servers, printed as the real tools print them
// (iptables 1.8.9 nf_tables, Debian 12). The rules are kube-proxy's; changing them by hand is
// not simulated.
import { DAYS, MONTHS } from '../go/timeNames';
import { hostTables, tableRules, type HostTable } from '../netfilter/hostTables';
import { listChains } from '../netfilter/list';
import { iptablesSave, specLines } from '../netfilter/save';
import { kubeProxyOn } from '../proxy/kubeProxy';
import { ipvsadmList } from '../proxy/ipvs/virtualServers';
import type { Task } from '../sim/task';
import type { CommandIO } from './process';
import type { ShellEnv } from './shellEnv';

const VERSION = 'iptables v1.8.9 (nf_tables)';
const WRITES = new Set(['-A', '-I', '-D', '-R', '-F', '-X', '-N', '-P', '-Z', '-E', '--append', '--insert', '--delete', '--flush', '--new-chain', '--delete-chain', '--policy']);

/** kubeProxyOf: the kube-proxy of the machine the shell runs on, if it has one. */
function kubeProxyOf(env: ShellEnv) {
  return kubeProxyOn(env.component, env.shell?.hostname ?? '');
}

function tablesOf(env: ShellEnv): HostTable[] {
  const proxy = kubeProxyOf(env);
  return hostTables(proxy && proxy.mode !== 'ipvs' ? proxy.ruleset() : undefined);
}

/** ctime is the date iptables-save stamps its comments with (`Tue Nov 24 11:20:57 2026`). */
function ctime(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

/** iptablesSaveCommand is `iptables-save [-t TABLE]`. */
export function* iptablesSaveCommand(env: ShellEnv, argv: string[], io: CommandIO): Task<number> {
  return iptablesSaveOn(tablesOf(env), argv, io, ctime(env.epochMs + env.sim.nowMs));
}

/** iptablesSaveOn runs iptables-save over `tables`. */
export function iptablesSaveOn(all: readonly HostTable[], argv: string[], io: CommandIO, date: string): number {
  const t = argv.findIndex((a) => a === '-t' || a === '--table');
  const wanted = t >= 0 ? argv[t + 1] : undefined;
  const tables = all.filter((table) => wanted === undefined || table.name === wanted);
  if (wanted !== undefined && tables.length === 0) {
    io.err(`Table \`${wanted}' does not exist\n`);
    return 1;
  }
  io.out(iptablesSave(tables, tableRules, date));
  return 0;
}

/** iptablesCommand is `iptables [-t TABLE] -L|-S [CHAIN] [-n] [-v] [--line-numbers]`. */
export function* iptablesCommand(env: ShellEnv, argv: string[], io: CommandIO): Task<number> {
  return iptablesOn(tablesOf(env), argv, io);
}

/** iptablesOn runs iptables over `tables` (a node's, see hostTables). */
export function iptablesOn(tables: readonly HostTable[], argv: string[], io: CommandIO): number {
  let table = 'filter';
  let command: 'L' | 'S' | undefined;
  let chain: string | undefined;
  const format = { numeric: false, verbose: false, lineNumbers: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (WRITES.has(arg)) {
      io.err(`iptables: the node's rules are kube-proxy's; changing them (${arg}) is not simulated by k8sim\n`);
      return 1;
    }
    if (arg === '-t' || arg === '--table') table = argv[++i] ?? '';
    else if (arg === '--line-numbers') format.lineNumbers = true;
    else if (arg === '--numeric') format.numeric = true;
    else if (arg === '--verbose') format.verbose = true;
    else if (arg === '--list' || arg === '--list-rules') command = arg === '--list' ? 'L' : 'S';
    else if (/^-[nvxLS]+$/.test(arg)) {
      if (arg.includes('n')) format.numeric = true;
      if (arg.includes('v')) format.verbose = true;
      if (arg.includes('L')) command = 'L';
      if (arg.includes('S')) command = 'S';
    } else if (!arg.startsWith('-') && command && chain === undefined) chain = arg;
    else {
      io.err(`${VERSION}: unknown option "${arg}"\nTry \`iptables -h' or 'iptables --help' for more information.\n`);
      return 2;
    }
  }
  if (!command) {
    io.err(`${VERSION}: no command specified\nTry \`iptables -h' or 'iptables --help' for more information.\n`);
    return 2;
  }
  const found = tables.find((t) => t.name === table);
  if (!found) {
    io.err(`${VERSION}: table '${table}' does not exist\nPerhaps iptables or your kernel needs to be upgraded.\n`);
    return 3;
  }
  if (chain !== undefined && !found.chains.some((c) => c.name === chain)) {
    // iptables-nft 1.8.9's answer for a chain it cannot find.
    io.err(`${VERSION}: chain \`${chain}' in table \`${table}' is incompatible, use 'nft' tool.\n`);
    return 1;
  }
  const rules = tableRules(found);
  io.out(command === 'L' ? listChains(found, rules, format, chain) : specLines(found, rules, chain));
  return 0;
}

/** ipvsadmCommand is `ipvsadm [-L] [-n]`: the IPVS table, when kube-proxy runs in IPVS mode. */
export function* ipvsadmCommand(env: ShellEnv, _argv: string[], io: CommandIO): Task<number> {
  const proxy = kubeProxyOf(env);
  if (!proxy || proxy.mode !== 'ipvs') {
    io.err("Can't initialize ipvs: Protocol not available\nAre you sure that IP Virtual Server is built in the kernel or as module?\n");
    return 1;
  }
  io.out(ipvsadmList(proxy.virtualServers()));
  return 0;
}
