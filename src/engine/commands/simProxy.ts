// `sim curl` and `sim proxy`: look at the Service data path. curl connects from a node to a
// Service and prints each hop; proxy prints a node's rules as `iptables-save` or `ipvsadm -Ln`
// would show them.
import { curl, parseCurlTarget } from '../proxy/curl';
import { kubeProxyOn, type KubeProxy } from '../proxy/kubeProxy';
import type { CommandIO } from './process';
import type { ShellEnv } from './shellEnv';

const CURL_USAGE = 'error: usage: sim curl SERVICE[.NAMESPACE][:PORT] [--from NODE] [-n NAMESPACE]\n';
const PROXY_USAGE = 'error: usage: sim proxy NODE\n';

function parseArgs(args: string[]): { words: string[]; flags: Map<string, string> } {
  const flags = new Map<string, string>();
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '-n' || arg === '--namespace') flags.set('namespace', args[++i] ?? '');
    else if (arg === '--from') flags.set('from', args[++i] ?? '');
    else if (arg.startsWith('--')) flags.set(arg.slice(2).split('=')[0], arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : '');
    else words.push(arg);
  }
  return { words, flags };
}

/** proxyOn finds a node's kube-proxy, or explains why there is none. */
function proxyOn(env: ShellEnv, node: string, io: CommandIO): KubeProxy | undefined {
  if (!env.nodeNames().includes(node)) {
    io.err(`error: node "${node}" not found (nodes: ${env.nodeNames().join(', ')})\n`);
    return undefined;
  }
  const proxy = kubeProxyOn(env.component, node);
  if (!proxy) {
    io.err(`error: node "${node}" runs no kube-proxy\n`);
    return undefined;
  }
  return proxy;
}

/** curlCommand runs `sim curl TARGET [--from NODE]` (default: the first node). */
export function curlCommand(env: ShellEnv, args: string[], io: CommandIO): number {
  const { words, flags } = parseArgs(args);
  if (words.length !== 1) {
    io.err(CURL_USAGE);
    return 2;
  }
  const proxy = proxyOn(env, flags.get('from') || env.nodeNames()[0] || '', io);
  if (!proxy) return 1;
  const result = curl(env.sim, proxy.hub.dnsData(), proxy, parseCurlTarget(words[0]), flags.get('namespace') || 'default');
  if (result.stdout) io.out(result.stdout);
  if (result.stderr) io.err(result.stderr);
  return result.exit;
}

/** proxyCommand runs `sim proxy NODE`: that node's kube-proxy rules. */
export function proxyCommand(env: ShellEnv, args: string[], io: CommandIO): number {
  const { words } = parseArgs(args);
  if (words.length !== 1) {
    io.err(PROXY_USAGE);
    return 2;
  }
  const proxy = proxyOn(env, words[0], io);
  if (!proxy) return 1;
  io.out(proxy.dump());
  return 0;
}
