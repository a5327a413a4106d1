// Mirrors kubernetes pkg/printers/internalversion/printers.go (v1.32) printService (with
// getServiceExternalIP, makePortString, loadBalancerStatusStringer), printEndpoints
// (formatEndpoints) and printEndpointSlice (formatDiscoveryPorts/Endpoints).
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { Endpoints, LoadBalancerStatus, Service, ServicePort } from 'kubernetes-types/core/v1';
import { translateTimestampSince } from '../humanDuration';
import { compareStrings, formatLabels } from './labels';
import { AGE_COLUMN, col, NAME_COLUMN, type ResourcePrinter } from './types';

/** LOAD_BALANCER_WIDTH clips EXTERNAL-IP in the narrow view (`1.2.3.4,5.6.7...`). */
const LOAD_BALANCER_WIDTH = 16;

/** loadBalancerStatusStringer joins the distinct ingress IPs/hostnames, sorted, clipped unless wide. */
export function loadBalancerStatusStringer(status: LoadBalancerStatus | undefined, wide: boolean): string {
  const values = new Set<string>();
  for (const ingress of status?.ingress ?? []) {
    if (ingress.ip) values.add(ingress.ip);
    else if (ingress.hostname) values.add(ingress.hostname);
  }
  let text = [...values].sort(compareStrings).join(',');
  if (!wide && text.length > LOAD_BALANCER_WIDTH) text = `${text.slice(0, LOAD_BALANCER_WIDTH - 3)}...`;
  return text;
}

/** getServiceExternalIP is the EXTERNAL-IP cell: `<none>`, `<pending>` for an unassigned LoadBalancer, or the IPs. */
export function getServiceExternalIP(svc: Service, wide: boolean): string {
  const externalIPs = svc.spec?.externalIPs ?? [];
  switch (svc.spec?.type ?? 'ClusterIP') {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length > 0 ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const lbIPs = loadBalancerStatusStringer(svc.status?.loadBalancer, wide);
      if (externalIPs.length > 0) return [...(lbIPs ? lbIPs.split(',') : []), ...externalIPs].join(',');
      return lbIPs || '<pending>';
    }
    case 'ExternalName':
      return svc.spec?.externalName ?? '';
    default:
      return '<unknown>';
  }
}

/** makePortString renders `80/TCP` or, with a node port, `80:31234/TCP`, comma-joined. */
export function makePortString(ports: ServicePort[] | undefined): string {
  return (ports ?? [])
    .map((p) => ((p.nodePort ?? 0) > 0 ? `${p.port}:${p.nodePort}/${p.protocol ?? 'TCP'}` : `${p.port}/${p.protocol ?? 'TCP'}`))
    .join(',');
}

export const servicePrinter: ResourcePrinter<Service> = {
  columns: [NAME_COLUMN, col('Type'), col('Cluster-IP'), col('External-IP'), col('Port(s)'), AGE_COLUMN, col('Selector', 1)],
  printRow(svc, { nowMs, wide }) {
    const ports = makePortString(svc.spec?.ports);
    const cells = [
      svc.metadata?.name ?? '',
      svc.spec?.type ?? 'ClusterIP',
      svc.spec?.clusterIPs?.[0] ?? '<none>',
      getServiceExternalIP(svc, wide),
      ports || '<none>',
      translateTimestampSince(svc.metadata?.creationTimestamp, nowMs),
    ];
    return wide ? [...cells, formatLabels(svc.spec?.selector)] : cells;
  },
};

/** joinHostPort is net.JoinHostPort: IPv6 hosts get brackets. */
export function joinHostPort(host: string, port: number | string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** formatEndpoints lists up to three `ip:port` pairs, then `+ N more...`; `<none>` without subsets. */
export function formatEndpoints(endpoints: Endpoints): string {
  const subsets = endpoints.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const max = 3;
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const subset of subsets) {
    const addresses = subset.addresses ?? [];
    const ports = subset.ports ?? [];
    const targets = ports.length === 0 ? [undefined] : ports.map((p) => p.port);
    for (const port of targets) {
      count += addresses.length;
      for (const address of addresses) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(port === undefined ? address.ip : joinHostPort(address.ip, port));
      }
    }
  }
  const text = list.join(',');
  return more ? `${text} + ${count - max} more...` : text;
}

export const endpointsPrinter: ResourcePrinter<Endpoints> = {
  columns: [NAME_COLUMN, col('Endpoints'), AGE_COLUMN],
  printRow: (ep, { nowMs }) => [ep.metadata?.name ?? '', formatEndpoints(ep), translateTimestampSince(ep.metadata?.creationTimestamp, nowMs)],
};

/** listWithMoreString joins a capped list; `<unset>` when empty. */
function listWithMoreString(list: string[], count: number, max: number): string {
  const text = list.join(',');
  if (count > max) return `${text} + ${count - max} more...`;
  return text === '' ? '<unset>' : text;
}

function formatDiscoveryPorts(slice: EndpointSlice): string {
  const ports = slice.ports ?? [];
  const list = ports.slice(0, 3).map((p) => (p.port !== undefined && p.port !== null ? String(p.port) : p.name ?? '*'));
  return listWithMoreString(list, ports.length, 3);
}

function formatDiscoveryEndpoints(slice: EndpointSlice): string {
  const addresses = (slice.endpoints ?? []).flatMap((e) => e.addresses ?? []);
  return listWithMoreString(addresses.slice(0, 3), addresses.length, 3);
}

export const endpointSlicePrinter: ResourcePrinter<EndpointSlice> = {
  columns: [NAME_COLUMN, col('AddressType'), col('Ports'), col('Endpoints'), AGE_COLUMN],
  printRow: (slice, { nowMs }) => [
    slice.metadata?.name ?? '',
    slice.addressType ?? '',
    formatDiscoveryPorts(slice),
    formatDiscoveryEndpoints(slice),
    translateTimestampSince(slice.metadata?.creationTimestamp, nowMs),
  ],
};
