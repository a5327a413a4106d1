// Mirrors kubernetes pkg/proxy/iptables/proxier.go (v1.32) syncProxyRules and
// writeServiceToEndpointRules: the filter and nat tables kube-proxy restores for its Services.
import { endpointString, type EndpointInfo } from '../endpoints';
import type { ServicePortInfo } from '../servicePort';
import { externallyAccessible, usesClusterEndpoints, usesLocalEndpoints } from '../servicePort';
import { categorizeEndpoints } from '../topology';
import {
  computeProbability, KUBE_EXTERNAL_SERVICES, KUBE_FORWARD, KUBE_MARK_MASQ, KUBE_NODEPORTS, KUBE_POSTROUTING, KUBE_PROXY_FIREWALL, KUBE_SERVICES, KUBELET_FIREWALL,
  MASQUERADE_MARK, serviceExternalChainName, serviceFirewallChainName, servicePortEndpointChainName, servicePortPolicyClusterChain, servicePortPolicyLocalChainName,
} from './chainNames';
import { RuleBuilder, Table } from './rule';

/** LARGE_CLUSTER_ENDPOINTS_THRESHOLD: above 1000 endpoints, per-endpoint comments are left out. */
export const LARGE_CLUSTER_ENDPOINTS_THRESHOLD = 1000;

export interface ServicePortState {
  info: ServicePortInfo;
  /** endpoints: all endpoints of the port, sorted by `ip:port`. */
  endpoints: readonly EndpointInfo[];
}

export interface ProxierConfig {
  nodeName: string;
  nodeIP: string;
  /** clusterCIDR: the pod network (kubeadm podSubnet); traffic from outside it is masqueraded. */
  clusterCIDR: string;
  /** --iptables-localhost-nodeports (true). */
  localhostNodePorts: boolean;
}

export interface IptablesRuleset {
  filter: Table;
  nat: Table;
}

/**
 * syncProxyRules builds both tables from scratch (a full sync) for `services`, which must be
 * sorted by nameString: every node gets the same rules in the same order, except for
 * Local-policy endpoints and the firewall's node-IP exception.
 */
export function syncProxyRules(services: readonly ServicePortState[], cfg: ProxierConfig): IptablesRuleset {
  const filter = new Table('filter');
  const nat = new Table('nat');
  for (const chain of [KUBE_SERVICES, KUBE_EXTERNAL_SERVICES, KUBE_FORWARD, KUBE_NODEPORTS, KUBE_PROXY_FIREWALL]) filter.chain(chain);
  for (const chain of [KUBE_SERVICES, KUBE_NODEPORTS, KUBE_POSTROUTING, KUBE_MARK_MASQ]) nat.chain(chain);
  nat.add(new RuleBuilder(KUBE_POSTROUTING).raw(['-m', 'mark', '!', '--mark', `${MASQUERADE_MARK}/${MASQUERADE_MARK}`]).jump('RETURN'));
  nat.add(new RuleBuilder(KUBE_POSTROUTING).jump('MARK', '--xor-mark', MASQUERADE_MARK));
  nat.add(new RuleBuilder(KUBE_POSTROUTING).comment('kubernetes service traffic requiring SNAT').jump('MASQUERADE'));
  nat.add(new RuleBuilder(KUBE_MARK_MASQ).jump('MARK', '--or-mark', MASQUERADE_MARK));
  if (cfg.localhostNodePorts) {
    filter.chain(KUBELET_FIREWALL);
    filter.add(new RuleBuilder(KUBELET_FIREWALL).comment('block incoming localnet connections').dst('127.0.0.0/8').src('127.0.0.0/8', true).raw(['-m', 'conntrack', '!', '--ctstate', 'RELATED,ESTABLISHED,DNAT']).jump('DROP'));
  }
  const totalEndpoints = services.reduce((n, s) => n + s.endpoints.length, 0);
  const largeClusterMode = totalEndpoints > LARGE_CLUSTER_ENDPOINTS_THRESHOLD;
  for (const svc of services) writeServicePort(filter, nat, svc, cfg, largeClusterMode);
  nat.add(new RuleBuilder(KUBE_SERVICES).comment('kubernetes service nodeports; NOTE: this must be the last rule in this chain').addrtype('dst').jump(KUBE_NODEPORTS));
  filter.add(new RuleBuilder(KUBE_FORWARD).raw(['-m', 'conntrack', '--ctstate', 'INVALID']).jump('DROP'));
  filter.add(new RuleBuilder(KUBE_FORWARD).comment('kubernetes forwarding rules').raw(['-m', 'mark', '--mark', `${MASQUERADE_MARK}/${MASQUERADE_MARK}`]).jump('ACCEPT'));
  filter.add(new RuleBuilder(KUBE_FORWARD).comment('kubernetes forwarding conntrack rule').raw(['-m', 'conntrack', '--ctstate', 'RELATED,ESTABLISHED']).jump('ACCEPT'));
  return { filter, nat };
}

/** ServiceChains are the per-port chain names and which of them this node uses. */
interface ServiceChains {
  cluster: string;
  local: string;
  external: string;
  firewall: string;
  internalTraffic: string;
  externalPolicy: string;
  loadBalancerTraffic: string;
  hasEndpoints: boolean;
  hasInternalEndpoints: boolean;
  hasExternalEndpoints: boolean;
  usesExternalTrafficChain: boolean;
  usesFWChain: boolean;
}

function chainsFor(info: ServicePortInfo, hasEndpoints: boolean, localCount: number): ServiceChains {
  const proto = info.protocol.toLowerCase();
  const cluster = servicePortPolicyClusterChain(info.nameString, proto);
  const local = servicePortPolicyLocalChainName(info.nameString, proto);
  const external = serviceExternalChainName(info.nameString, proto);
  const firewall = serviceFirewallChainName(info.nameString, proto);
  const hasInternalEndpoints = hasEndpoints && (!info.internalPolicyLocal || localCount > 0);
  const hasExternalEndpoints = hasEndpoints && (!info.externalPolicyLocal || localCount > 0);
  const usesFWChain = hasEndpoints && info.loadBalancerVIPs.length > 0 && info.loadBalancerSourceRanges.length > 0;
  return {
    cluster, local, external, firewall,
    internalTraffic: info.internalPolicyLocal ? local : cluster,
    externalPolicy: info.externalPolicyLocal ? local : cluster,
    loadBalancerTraffic: usesFWChain ? firewall : external,
    hasEndpoints, hasInternalEndpoints, hasExternalEndpoints,
    usesExternalTrafficChain: hasEndpoints && externallyAccessible(info),
    usesFWChain,
  };
}

/** writeServicePort writes one Service port's rules (the body of syncProxyRules' service loop). */
function writeServicePort(filter: Table, nat: Table, svc: ServicePortState, cfg: ProxierConfig, largeClusterMode: boolean): void {
  const { info } = svc;
  const proto = info.protocol.toLowerCase();
  const name = info.nameString;
  const { clusterEndpoints, localEndpoints, allReachableEndpoints, hasAnyEndpoints } = categorizeEndpoints(svc.endpoints, info, cfg.nodeName);
  const c = chainsFor(info, hasAnyEndpoints, localEndpoints.length);
  const [internalFilter, internalComment] = !c.hasEndpoints ? ['REJECT', `${name} has no endpoints`] : ['DROP', `${name} has no local endpoints`];
  const [externalFilter, externalComment] = [internalFilter, internalComment];
  const capture = (chain: string, comment: string, ip: string) => new RuleBuilder(chain).comment(comment).proto(proto).dst(ip).dport(info.port);

  if (c.hasInternalEndpoints) nat.add(capture(KUBE_SERVICES, `${name} cluster IP`, info.clusterIP).jump(c.internalTraffic));
  else filter.add(capture(KUBE_SERVICES, internalComment, info.clusterIP).jump(internalFilter));
  for (const ip of info.externalIPs) {
    if (c.hasEndpoints) nat.add(capture(KUBE_SERVICES, `${name} external IP`, ip).jump(c.external));
    if (!c.hasExternalEndpoints) filter.add(capture(KUBE_EXTERNAL_SERVICES, externalComment, ip).jump(externalFilter));
  }
  for (const ip of info.loadBalancerVIPs) {
    if (c.hasEndpoints) nat.add(capture(KUBE_SERVICES, `${name} loadbalancer IP`, ip).jump(c.loadBalancerTraffic));
    if (c.usesFWChain) filter.add(capture(KUBE_PROXY_FIREWALL, `${name} traffic not accepted by ${c.firewall}`, ip).jump('DROP'));
  }
  if (!c.hasExternalEndpoints) for (const ip of info.loadBalancerVIPs) filter.add(capture(KUBE_EXTERNAL_SERVICES, externalComment, ip).jump(externalFilter));
  if (info.nodePort !== 0) {
    if (c.hasEndpoints) nat.add(new RuleBuilder(KUBE_NODEPORTS).comment(name).proto(proto).dport(info.nodePort).jump(c.external));
    if (!c.hasExternalEndpoints) filter.add(new RuleBuilder(KUBE_EXTERNAL_SERVICES).comment(externalComment).addrtype('dst').proto(proto).dport(info.nodePort).jump(externalFilter));
  }
  if (info.healthCheckNodePort !== 0) filter.add(new RuleBuilder(KUBE_NODEPORTS).comment(`${name} health check node port`).proto('tcp').dport(info.healthCheckNodePort).jump('ACCEPT'));

  if (c.hasInternalEndpoints) nat.add(capture(c.internalTraffic, `${name} cluster IP`, info.clusterIP).src(cfg.clusterCIDR, true).jump(KUBE_MARK_MASQ));
  if (c.usesExternalTrafficChain) writeExternalChain(nat, info, c, cfg);
  if (c.usesFWChain) writeFirewallChain(nat, info, c, cfg);
  if (clusterEndpoints.length > 0 && usesClusterEndpoints(info)) {
    nat.chain(c.cluster);
    writeServiceToEndpointRules(nat, info, c.cluster, clusterEndpoints, largeClusterMode);
  }
  if (localEndpoints.length > 0 && usesLocalEndpoints(info)) {
    nat.chain(c.local);
    writeServiceToEndpointRules(nat, info, c.local, localEndpoints, largeClusterMode);
  }
  for (const ep of allReachableEndpoints) {
    const chain = servicePortEndpointChainName(name, proto, endpointString(ep));
    nat.chain(chain);
    const comment = largeClusterMode ? undefined : name;
    nat.add(new RuleBuilder(chain).comment(comment).src(ep.ip).jump(KUBE_MARK_MASQ));
    const dnat = new RuleBuilder(chain).comment(comment);
    if (info.sessionAffinityClientIP) dnat.raw(['-m', 'recent', '--name', chain, '--set']);
    nat.add(dnat.proto(proto).jump('DNAT', '--to-destination', endpointString(ep)));
  }
}

/** writeExternalChain: KUBE-EXT-<hash>, masquerading (Cluster policy) or short-circuiting local traffic (Local). */
function writeExternalChain(nat: Table, info: ServicePortInfo, c: ServiceChains, cfg: ProxierConfig): void {
  const name = info.nameString;
  nat.chain(c.external);
  if (!info.externalPolicyLocal) {
    nat.add(new RuleBuilder(c.external).comment(`masquerade traffic for ${name} external destinations`).jump(KUBE_MARK_MASQ));
  } else {
    nat.add(new RuleBuilder(c.external).comment(`pod traffic for ${name} external destinations`).src(cfg.clusterCIDR).jump(c.cluster));
    nat.add(new RuleBuilder(c.external).comment(`masquerade LOCAL traffic for ${name} external destinations`).addrtype('src').jump(KUBE_MARK_MASQ));
    nat.add(new RuleBuilder(c.external).comment(`route LOCAL traffic for ${name} external destinations`).addrtype('src').jump(c.cluster));
  }
  if (c.hasExternalEndpoints) nat.add(new RuleBuilder(c.external).jump(c.externalPolicy));
}

/** writeFirewallChain: KUBE-FW-<hash> lets loadBalancerSourceRanges through to KUBE-EXT. */
function writeFirewallChain(nat: Table, info: ServicePortInfo, c: ServiceChains, cfg: ProxierConfig): void {
  nat.chain(c.firewall);
  let allowFromNode = false;
  for (const cidr of info.loadBalancerSourceRanges) {
    nat.add(new RuleBuilder(c.firewall).comment(`${info.nameString} loadbalancer IP`).src(cidr).jump(c.external));
    if (cidrContains(cidr, cfg.nodeIP)) allowFromNode = true;
  }
  if (allowFromNode) for (const ip of info.loadBalancerVIPs) nat.add(new RuleBuilder(c.firewall).comment(`${info.nameString} loadbalancer IP`).src(ip).jump(c.external));
  nat.add(new RuleBuilder(c.firewall).comment(`other traffic to ${info.nameString} will be dropped by KUBE-PROXY-FIREWALL`).build());
}

/**
 * writeServiceToEndpointRules: one rule per endpoint; rule i of n matches with probability
 * 1/(n-i) and the last always, so each endpoint gets 1/n of new connections.
 */
function writeServiceToEndpointRules(nat: Table, info: ServicePortInfo, chain: string, endpoints: readonly EndpointInfo[], largeClusterMode: boolean): void {
  const proto = info.protocol.toLowerCase();
  const comment = (ep: EndpointInfo) => (largeClusterMode ? undefined : `${info.nameString} -> ${endpointString(ep)}`);
  if (info.sessionAffinityClientIP) {
    for (const ep of endpoints) {
      const sep = servicePortEndpointChainName(info.nameString, proto, endpointString(ep));
      nat.add(new RuleBuilder(chain).comment(comment(ep)).raw(['-m', 'recent', '--name', sep, '--rcheck', '--seconds', String(info.stickyMaxAgeSeconds), '--reap'], { kind: 'recent' }).jump(sep));
    }
  }
  endpoints.forEach((ep, i) => {
    const rule = new RuleBuilder(chain).comment(comment(ep));
    if (i < endpoints.length - 1) rule.statistic(computeProbability(endpoints.length - i));
    nat.add(rule.jump(servicePortEndpointChainName(info.nameString, proto, endpointString(ep))));
  });
}

/** cidrContains: whether the IPv4 `ip` lies in `cidr` (a bare address is a /32). */
export function cidrContains(cidr: string, ip: string): boolean {
  const [base, bitsText] = cidr.split('/');
  const bits = bitsText === undefined ? 32 : Number(bitsText);
  const a = ipv4ToInt(base);
  const b = ipv4ToInt(ip);
  if (a === undefined || b === undefined || !(bits >= 0 && bits <= 32)) return false;
  const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
  return ((a & mask) >>> 0) === ((b & mask) >>> 0);
}

function ipv4ToInt(ip: string): number | undefined {
  const parts = ip.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) return undefined;
  return ((parts[0] << 24) | (parts[1] << 16) | (parts[2] << 8) | parts[3]) >>> 0;
}
