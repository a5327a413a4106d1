// `sim curl SERVICE[:PORT] [--from NODE]`: one new TCP connection from a node to a Service, shown
// hop by hop: CoreDNS's answer, the node's kube-proxy rules (iptables chains with their random
// draws, or the IPVS round robin), the DNAT, and the pod that answers.
import type { Service } from 'kubernetes-types/core/v1';
import type { Simulator } from '../sim/simulator';
import { formatRecord, KUBE_DNS_IP, resolve, type DnsData } from './dns';
import { endpointString, type EndpointInfo } from './endpoints';
import { CLUSTER_CIDR, type KubeProxy } from './kubeProxy';
import { walkPacket, type Hop, type Verdict } from './iptables/walk';
import { cidrContains } from './iptables/syncProxyRules';
import { virtualServerKey } from './ipvs/virtualServers';

export interface CurlResult {
  exit: number;
  stdout: string;
  stderr: string;
}

/** CurlTarget is `host[:port]` as typed (an `http://` prefix and a path are ignored). */
export interface CurlTarget {
  host: string;
  port: string | undefined;
}

export function parseCurlTarget(text: string): CurlTarget {
  const stripped = text.replace(/^https?:\/\//, '').replace(/\/.*$/, '');
  const colon = stripped.lastIndexOf(':');
  return colon > 0 ? { host: stripped.slice(0, colon), port: stripped.slice(colon + 1) } : { host: stripped, port: undefined };
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/**
 * curl runs one connection from `proxy`'s node (host network, as `kubectl debug node/NODE` would)
 * to `target`, resolving names as a pod in `namespace` would. Trace events `proxy.curl` mark each
 * hop.
 */
export function curl(sim: Simulator, dns: DnsData, proxy: KubeProxy, target: CurlTarget, namespace = 'default'): CurlResult {
  const out: string[] = [];
  const hop = (kind: string, text: string, detail: Record<string, unknown> = {}) => {
    out.push(`${kind.padEnd(5)} ${text}`);
    if (sim.trace.enabled) sim.emit({ component: proxy.name, kind: 'proxy.curl', hop: kind.toLowerCase(), text, ...detail });
  };
  let ip = target.host;
  let service: Service | undefined;
  if (!IPV4.test(target.host)) {
    const answer = resolve(dns, target.host, namespace);
    const a = answer.records.find((r) => r.type === 'A');
    if (!a) return { exit: 6, stdout: out.join('\n'), stderr: `curl: (6) Could not resolve host: ${target.host}\n` };
    hop('DNS', `${target.host} → ${formatRecord(a)} (CoreDNS at ${KUBE_DNS_IP})`, { qname: answer.qname, answer: a.data });
    ip = a.data;
    if (answer.service) service = dns.service(answer.service.namespace, answer.service.name);
  }
  const port = resolvePort(target.port, service);
  if (port === undefined) return { exit: 3, stdout: out.join('\n'), stderr: `curl: (3) URL rejected: Port number was not a decimal number between 0 and 65535\n` };
  hop('FROM', `${proxy.nodeName} (${proxy.nodeIP}, host network); kube-proxy in ${proxy.mode} mode, rules from sync ${proxy.hub.generation} at ${(proxy.hub.lastSyncMs / 1000).toFixed(1)}s`);
  const dnat = proxy.mode === 'ipvs' ? ipvsHop(proxy, ip, port, hop) : iptablesHops(proxy, ip, port, hop);
  if (dnat.kind !== 'dnat') return failure(dnat, target.host, port, out);
  const endpoint = findEndpoint(proxy, dnat.to);
  hop('DNAT', `${ip}:${port} → ${dnat.to}${dnat.masquerade ? ` (source NATed to ${proxy.nodeIP} by KUBE-POSTROUTING MASQUERADE)` : ''}`, { to: dnat.to });
  const pod = endpoint?.targetRef?.name ? `pod ${endpoint.targetRef.namespace}/${endpoint.targetRef.name}` : `endpoint ${dnat.to}`;
  hop('POD', `${pod} (${dnat.to.split(':')[0]}) on ${endpoint?.nodeName ?? 'an unknown node'} answered`, { pod: endpoint?.targetRef?.name, node: endpoint?.nodeName });
  return { exit: 0, stdout: `${out.join('\n')}\n`, stderr: '' };
}

/** iptablesHops walks the node's nat (then filter) chains and prints every rule the packet hit. */
function iptablesHops(proxy: KubeProxy, ip: string, port: number, hop: (kind: string, text: string, detail?: Record<string, unknown>) => void): Verdict {
  const packet = { src: proxy.nodeIP, dst: ip, dport: port, proto: 'tcp', srcLocal: true, dstLocal: ip === proxy.nodeIP || ip.startsWith('127.') };
  const { hops, verdict } = walkPacket(proxy.ruleset(), packet, proxy.hub.rng);
  for (const h of hops) hop('RULE', `${h.table} ${h.rule}${note(h)}`, { chain: h.chain, target: h.target, draw: h.draw, taken: h.taken });
  return verdict;
}

function note(h: Hop): string {
  if (h.draw !== undefined) {
    const p = /--probability (\S+)/.exec(h.rule)?.[1] ?? '';
    return h.taken ? `   [draw ${h.draw.toFixed(4)} < ${p}: taken]` : `   [draw ${h.draw.toFixed(4)} ≥ ${p}: next rule]`;
  }
  if (h.target === 'KUBE-MARK-MASQ') return `   [source outside ${CLUSTER_CIDR}: marked for masquerade]`;
  return '';
}

/**
 * connectVerdict is what `proxy`'s node does with a new TCP connection to ip:port from `src`
 * (its own address when the connection starts there): kube-proxy's DNAT, a REJECT or DROP, or
 * nothing (the packet is routed as it is).
 */
export function connectVerdict(proxy: KubeProxy, ip: string, port: number, src = proxy.nodeIP): Verdict {
  if (proxy.mode === 'ipvs') return ipvsHop(proxy, ip, port, () => {});
  const packet = { src, dst: ip, dport: port, proto: 'tcp', srcLocal: src === proxy.nodeIP, dstLocal: ip === proxy.nodeIP || ip.startsWith('127.') };
  return walkPacket(proxy.ruleset(), packet, proxy.hub.rng).verdict;
}

/** ipvsHop looks the virtual server up and lets the rr scheduler pick a real server. */
function ipvsHop(proxy: KubeProxy, ip: string, port: number, hop: (kind: string, text: string, detail?: Record<string, unknown>) => void): Verdict {
  const vs = proxy.virtualServers().find((v) => virtualServerKey(v.protocol, v.address, v.port) === virtualServerKey('TCP', ip, port));
  if (!vs) {
    hop('IPVS', `no virtual server for TCP ${ip}:${port}`);
    return { kind: 'none' };
  }
  const pick = proxy.pickRealServer(vs);
  if (!pick) {
    hop('IPVS', `virtual server TCP ${ip}:${port} ${vs.scheduler} (${vs.service}) has no real servers`);
    return { kind: 'reject', comment: `${vs.service} has no endpoints` };
  }
  const rs = vs.realServers[pick.index];
  hop('IPVS', `virtual server TCP ${ip}:${port} ${vs.scheduler} (${vs.service}) → real server ${pick.index + 1} of ${pick.of}: ${endpointString(rs)} (Masq)`, { realServer: endpointString(rs) });
  return { kind: 'dnat', to: endpointString(rs), masquerade: !cidrContains(CLUSTER_CIDR, proxy.nodeIP) };
}

function failure(verdict: Verdict, host: string, port: number, out: string[]): CurlResult {
  const stdout = out.length > 0 ? `${out.join('\n')}\n` : '';
  if (verdict.kind === 'reject') return { exit: 7, stdout, stderr: `curl: (7) Failed to connect to ${host} port ${port} after 0 ms: Couldn't connect to server\n` };
  return { exit: 28, stdout, stderr: `curl: (28) Failed to connect to ${host} port ${port} after 130000 ms: Timeout was reached\n` };
}

/** resolvePort: a number, a Service port name, or the Service's first port (80 for a bare IP). */
function resolvePort(text: string | undefined, service: Service | undefined): number | undefined {
  const ports = service?.spec?.ports ?? [];
  if (text === undefined) return ports[0]?.port ?? 80;
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    return n >= 0 && n <= 65535 ? n : undefined;
  }
  return ports.find((p) => p.name === text)?.port;
}

function findEndpoint(proxy: KubeProxy, to: string): EndpointInfo | undefined {
  for (const state of proxy.hub.states()) {
    const ep = state.endpoints.find((e) => endpointString(e) === to);
    if (ep) return ep;
  }
  return undefined;
}
