// Mirrors kubernetes pkg/proxy/ipvs/proxier.go (v1.32) syncService/syncEndpoint: in IPVS mode each
// Service address becomes a virtual server (scheduler rr) whose real servers are the endpoints;
// `ipvsadm -Ln` prints them.
import { endpointString, type EndpointInfo } from '../endpoints';
import type { ServicePortState } from '../iptables/syncProxyRules';
import { categorizeEndpoints } from '../topology';

/** IPVS_SCHEDULER is --ipvs-scheduler's default (round robin). */
export const IPVS_SCHEDULER = 'rr';

export interface VirtualServer {
  protocol: string;
  address: string;
  port: number;
  scheduler: string;
  /** service: the Service port it implements (`ns/name:port`). */
  service: string;
  kind: 'cluster IP' | 'external IP' | 'loadbalancer IP' | 'node port';
  realServers: EndpointInfo[];
}

export function virtualServerKey(protocol: string, address: string, port: number): string {
  return `${protocol}/${address}:${port}`;
}

/**
 * buildVirtualServers: a virtual server per cluster IP, external IP, load-balancer IP and (on the
 * node's own address) node port; real servers are the endpoints the traffic policy allows.
 */
export function buildVirtualServers(services: readonly ServicePortState[], nodeName: string, nodeIP: string): VirtualServer[] {
  const out: VirtualServer[] = [];
  for (const { info, endpoints } of services) {
    const { clusterEndpoints, localEndpoints } = categorizeEndpoints(endpoints, info, nodeName);
    const internal = info.internalPolicyLocal ? localEndpoints : clusterEndpoints;
    const external = info.externalPolicyLocal ? localEndpoints : clusterEndpoints;
    const vs = (kind: VirtualServer['kind'], address: string, port: number, realServers: EndpointInfo[]): VirtualServer => ({ protocol: info.protocol, address, port, scheduler: IPVS_SCHEDULER, service: info.nameString, kind, realServers });
    out.push(vs('cluster IP', info.clusterIP, info.port, internal));
    for (const ip of info.externalIPs) out.push(vs('external IP', ip, info.port, external));
    for (const ip of info.loadBalancerVIPs) out.push(vs('loadbalancer IP', ip, info.port, external));
    if (info.nodePort !== 0) out.push(vs('node port', nodeIP, info.nodePort, external));
  }
  return out.sort((a, b) => compareVs(a, b));
}

function compareVs(a: VirtualServer, b: VirtualServer): number {
  const ka = `${a.protocol} ${ipSortKey(a.address)}:${String(a.port).padStart(5, '0')}`;
  const kb = `${b.protocol} ${ipSortKey(b.address)}:${String(b.port).padStart(5, '0')}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

function ipSortKey(ip: string): string {
  return ip.split('.').map((p) => p.padStart(3, '0')).join('.');
}

/**
 * ipvsadmList renders `ipvsadm -Ln` (connection counters are not simulated and stay 0).
 *
 * @example
 * // TCP  10.96.0.1:443 rr
 * //   -> 10.0.1.1:6443                Masq    1      0          0
 */
export function ipvsadmList(servers: readonly VirtualServer[]): string {
  const lines = ['IP Virtual Server version 1.2.1 (size=4096)', 'Prot LocalAddress:Port Scheduler Flags', '  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn'];
  for (const vs of servers) {
    lines.push(`${vs.protocol}  ${vs.address}:${vs.port} ${vs.scheduler}`);
    for (const rs of vs.realServers) lines.push(`  -> ${endpointString(rs).padEnd(28)} ${'Masq'.padEnd(7)} ${'1'.padEnd(6)} ${'0'.padEnd(10)} 0`);
  }
  return `${lines.join('\n')}\n`;
}
