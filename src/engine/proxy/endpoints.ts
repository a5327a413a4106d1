// Mirrors kubernetes pkg/proxy/endpoint.go (BaseEndpointInfo) and endpointslicecache.go: the
// endpoints of each Service port, merged from the Service's EndpointSlices.
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { servicePortName, type Protocol } from './servicePort';

/** EndpointInfo is one endpoint of one Service port. */
export interface EndpointInfo {
  ip: string;
  port: number;
  /** ready: conditions.ready (nil means ready). */
  ready: boolean;
  /** serving: conditions.serving (nil means ready). */
  serving: boolean;
  terminating: boolean;
  nodeName: string | undefined;
  zone: string | undefined;
  /** The pod behind the endpoint (targetRef), for `sim curl`. */
  targetRef: { namespace?: string; name?: string } | undefined;
}

/** endpointString is Endpoint.String(): `ip:port`. */
export function endpointString(ep: EndpointInfo): string {
  return `${ep.ip}:${ep.port}`;
}

/**
 * endpointsByServicePort groups a Service's slices into endpoints per `nameString/protocol`,
 * deduplicated by address (the first slice wins) and sorted by `ip:port` so the rules come out in
 * the same order on every node.
 */
export function endpointsByServicePort(namespace: string, name: string, slices: readonly EndpointSlice[]): Map<string, EndpointInfo[]> {
  const byPort = new Map<string, Map<string, EndpointInfo>>();
  for (const slice of slices) {
    if (slice.addressType !== 'IPv4') continue;
    for (const port of slice.ports ?? []) {
      if (port.port === undefined || port.port === null) continue;
      const key = endpointsKey(servicePortName(namespace, name, port.name ?? ''), (port.protocol ?? 'TCP') as Protocol);
      const endpoints = byPort.get(key) ?? new Map<string, EndpointInfo>();
      byPort.set(key, endpoints);
      for (const ep of slice.endpoints ?? []) {
        const ip = ep.addresses?.[0];
        if (!ip || endpoints.has(`${ip}:${port.port}`)) continue;
        const ready = ep.conditions?.ready ?? true;
        endpoints.set(`${ip}:${port.port}`, {
          ip, port: port.port, ready, serving: ep.conditions?.serving ?? ready, terminating: ep.conditions?.terminating ?? false,
          nodeName: ep.nodeName ?? undefined, zone: ep.zone ?? undefined,
          targetRef: ep.targetRef ? { namespace: ep.targetRef.namespace, name: ep.targetRef.name } : undefined,
        });
      }
    }
  }
  const out = new Map<string, EndpointInfo[]>();
  for (const [key, endpoints] of byPort) out.set(key, [...endpoints.values()].sort((a, b) => compareStrings(endpointString(a), endpointString(b))));
  return out;
}

export function endpointsKey(nameString: string, protocol: Protocol): string {
  return `${nameString}/${protocol}`;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
