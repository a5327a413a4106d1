// Mirrors kubernetes pkg/proxy/iptables/proxier.go (v1.32): chain names and the statistic
// probabilities of the service chains.
import { base32Encode } from '../../go/base32';
import { sha256, utf8 } from '../../go/sha256';

export const KUBE_SERVICES = 'KUBE-SERVICES';
export const KUBE_EXTERNAL_SERVICES = 'KUBE-EXTERNAL-SERVICES';
export const KUBE_NODEPORTS = 'KUBE-NODEPORTS';
export const KUBE_POSTROUTING = 'KUBE-POSTROUTING';
export const KUBE_MARK_MASQ = 'KUBE-MARK-MASQ';
export const KUBE_FORWARD = 'KUBE-FORWARD';
export const KUBE_PROXY_FIREWALL = 'KUBE-PROXY-FIREWALL';
export const KUBELET_FIREWALL = 'KUBE-FIREWALL';
/** MASQUERADE_MARK is --iptables-masquerade-bit 14 as a mark value. */
export const MASQUERADE_MARK = '0x4000';

/** Hashes repeat across syncs (same service, same endpoints); keep them instead of re-hashing. */
const hashCache = new Map<string, string>();
const HASH_CACHE_MAX = 200_000;

/**
 * portProtoHash is the first 16 characters of base32(sha256(servicePortName + protocol)): iptables
 * chain names are limited to 28 characters.
 *
 * @example
 * portProtoHash('kube-system/kube-dns:dns', 'udp'); // 'TCOU7JCQXEZGVUNU' (KUBE-SVC-TCOU7JCQXEZGVUNU on every cluster)
 */
export function portProtoHash(servicePortName: string, protocol: string): string {
  return hash16(servicePortName + protocol);
}

function hash16(input: string): string {
  let out = hashCache.get(input);
  if (out === undefined) {
    out = base32Encode(sha256(utf8(input))).slice(0, 16);
    if (hashCache.size >= HASH_CACHE_MAX) hashCache.clear();
    hashCache.set(input, out);
  }
  return out;
}

/** servicePortPolicyClusterChain: KUBE-SVC-<hash>, the endpoints for Cluster traffic policy. */
export function servicePortPolicyClusterChain(servicePortName: string, protocol: string): string {
  return `KUBE-SVC-${portProtoHash(servicePortName, protocol)}`;
}

/** servicePortPolicyLocalChainName: KUBE-SVL-<hash>, the endpoints for Local traffic policy. */
export function servicePortPolicyLocalChainName(servicePortName: string, protocol: string): string {
  return `KUBE-SVL-${portProtoHash(servicePortName, protocol)}`;
}

/** serviceFirewallChainName: KUBE-FW-<hash>, loadBalancerSourceRanges. */
export function serviceFirewallChainName(servicePortName: string, protocol: string): string {
  return `KUBE-FW-${portProtoHash(servicePortName, protocol)}`;
}

/** serviceExternalChainName: KUBE-EXT-<hash>, NodePort/LoadBalancer/external IP traffic. */
export function serviceExternalChainName(servicePortName: string, protocol: string): string {
  return `KUBE-EXT-${portProtoHash(servicePortName, protocol)}`;
}

/**
 * servicePortEndpointChainName: KUBE-SEP-<hash of servicePortName + protocol + "ip:port">, so
 * the chain name changes when the pod's IP does.
 */
export function servicePortEndpointChainName(servicePortName: string, protocol: string, endpoint: string): string {
  return `KUBE-SEP-${hash16(servicePortName + protocol + endpoint)}`;
}

/**
 * computeProbability is `%0.10f` of 1/n: rule i of n endpoints matches with probability
 * 1/(n-i), which makes every endpoint equally likely (1/n × … telescopes to 1/n each).
 *
 * Example, 3 endpoints: 0.3333333333, then 0.5000000000, then the last rule always matches.
 */
export function computeProbability(n: number): string {
  return (1 / n).toFixed(10);
}
