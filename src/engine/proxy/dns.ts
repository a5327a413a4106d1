// CoreDNS's answers for Services, as the kubernetes plugin gives them with kubeadm's Corefile
// (`kubernetes cluster.local in-addr.arpa ip6.arpa { ttl 30 }`): A records for ClusterIP Services,
// the ready endpoints' addresses for headless ones, CNAME for ExternalName, NXDOMAIN otherwise.
// Pods resolve short names through their resolv.conf search list (ndots:5).
import type { Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';

export const CLUSTER_DOMAIN = 'cluster.local';
/** KUBE_DNS_IP is the kube-dns Service address pods use as nameserver (10th address of 10.96.0.0/12). */
export const KUBE_DNS_IP = '10.96.0.10';
/** DNS_TTL_SECONDS is the Corefile's `ttl 30`. */
export const DNS_TTL_SECONDS = 30;
const NDOTS = 5;

/** DnsRecord is one answer line: `web.default.svc.cluster.local. 30 IN A 10.96.12.7`. */
export interface DnsRecord {
  name: string;
  type: 'A' | 'CNAME';
  data: string;
}

export interface DnsAnswer {
  /** qname: the fully qualified name that answered (or the last one tried). */
  qname: string;
  /** tried: the names queried in order (search list expansion). */
  tried: string[];
  rcode: 'NOERROR' | 'NXDOMAIN';
  records: DnsRecord[];
  /** service: the Service that answered. */
  service?: { namespace: string; name: string; headless: boolean };
}

/** DnsData is what the kubernetes plugin reads from its watch of Services and EndpointSlices. */
export interface DnsData {
  service(namespace: string, name: string): Service | undefined;
  slices(namespace: string, name: string): readonly EndpointSlice[];
}

/** searchList is a pod's resolv.conf search path in `namespace`. */
export function searchList(namespace: string): string[] {
  return [`${namespace}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN];
}

/**
 * resolve answers `name` for a pod in `namespace`: a name with fewer than 5 dots is tried with
 * each search domain first, then as is (glibc's ndots:5 order); the first NOERROR answer wins.
 *
 * @example
 * resolve(data, 'web', 'default').records; // [{ name: 'web.default.svc.cluster.local.', type: 'A', data: '10.96.12.7' }]
 */
export function resolve(data: DnsData, name: string, namespace: string): DnsAnswer {
  const bare = name.replace(/\.$/, '');
  const dots = bare.split('.').length - 1;
  const candidates = name.endsWith('.') ? [bare] : dots < NDOTS ? [...searchList(namespace).map((d) => `${bare}.${d}`), bare] : [bare, ...searchList(namespace).map((d) => `${bare}.${d}`)];
  const tried: string[] = [];
  for (const qname of candidates) {
    tried.push(`${qname}.`);
    const answer = answer1(data, qname);
    if (answer) return { ...answer, tried };
  }
  return { qname: `${candidates[candidates.length - 1]}.`, tried, rcode: 'NXDOMAIN', records: [] };
}

/** answer1 answers one fully qualified name, or undefined for NXDOMAIN. */
function answer1(data: DnsData, qname: string): Omit<DnsAnswer, 'tried'> | undefined {
  const suffix = `.svc.${CLUSTER_DOMAIN}`;
  if (!qname.endsWith(suffix)) return undefined;
  const parts = qname.slice(0, -suffix.length).split('.');
  if (parts.length !== 2) return undefined;
  const [svcName, namespace] = parts;
  const svc = data.service(namespace, svcName);
  if (!svc) return undefined;
  const fqdn = `${qname}.`;
  const spec = svc.spec ?? {};
  const service = { namespace, name: svcName, headless: spec.clusterIP === 'None' };
  if (spec.type === 'ExternalName') return { qname: fqdn, rcode: 'NOERROR', records: [{ name: fqdn, type: 'CNAME', data: `${spec.externalName ?? ''}.` }], service };
  if (spec.clusterIP && spec.clusterIP !== 'None') return { qname: fqdn, rcode: 'NOERROR', records: [{ name: fqdn, type: 'A', data: spec.clusterIP }], service };
  const addresses = new Set<string>();
  for (const slice of data.slices(namespace, svcName)) {
    if (slice.addressType !== 'IPv4') continue;
    for (const ep of slice.endpoints ?? []) {
      const ready = ep.conditions?.ready ?? true;
      if (ready || spec.publishNotReadyAddresses) for (const a of ep.addresses ?? []) addresses.add(a);
    }
  }
  const records = [...addresses].sort(compareIPs).map((ip) => ({ name: fqdn, type: 'A' as const, data: ip }));
  return { qname: fqdn, rcode: 'NOERROR', records, service };
}

/** formatRecord prints a record as dig does: `name. 30 IN A 10.96.12.7`. */
export function formatRecord(record: DnsRecord): string {
  return `${record.name} ${DNS_TTL_SECONDS} IN ${record.type} ${record.data}`;
}

function compareIPs(a: string, b: string): number {
  const key = (ip: string) => ip.split('.').map((p) => p.padStart(3, '0')).join('.');
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
}
