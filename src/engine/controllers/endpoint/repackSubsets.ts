// Mirrors kubernetes pkg/api/v1/endpoints/util.go RepackSubsets.

import type { EndpointAddress, EndpointPort, EndpointSubset } from 'kubernetes-types/core/v1';

/**
 * repackSubsets merges one-address subsets into the N-to-M form the API stores: addresses that
 * offer the same set of ports share one subset. An address not ready on some port is not ready in
 * the result. Upstream orders subsets and ports by an md5 hash of their contents; we order
 * addresses by IP (then UID) as upstream does, and ports and subsets by a stable text key.
 */
export function repackSubsets(subsets: readonly EndpointSubset[]): EndpointSubset[] {
  const addresses = new Map<string, EndpointAddress>();
  const portToAddrReady = new Map<string, { port: EndpointPort | undefined; ready: Map<string, boolean> }>();
  const record = (addr: EndpointAddress, port: EndpointPort | undefined, ready: boolean) => {
    const addrKey = `${addr.ip}/${addr.targetRef?.uid ?? ''}`;
    if (!addresses.has(addrKey)) addresses.set(addrKey, addr);
    const portKey = port ? JSON.stringify([port.name ?? '', port.port, port.protocol ?? '', port.appProtocol ?? '']) : 'none';
    let entry = portToAddrReady.get(portKey);
    if (!entry) portToAddrReady.set(portKey, (entry = { port, ready: new Map() }));
    const wasReady = entry.ready.get(addrKey);
    if (wasReady === undefined || wasReady) entry.ready.set(addrKey, ready);
  };
  for (const subset of subsets) {
    const ports = subset.ports?.length ? subset.ports : [undefined];
    for (const port of ports) {
      for (const addr of subset.addresses ?? []) record(addr, port, true);
      for (const addr of subset.notReadyAddresses ?? []) record(addr, port, false);
    }
  }
  const byAddressSet = new Map<string, { ready: Map<string, boolean>; ports: EndpointPort[] }>();
  for (const entry of [...portToAddrReady.values()]) {
    const setKey = JSON.stringify([...entry.ready.entries()].sort());
    let group = byAddressSet.get(setKey);
    if (!group) byAddressSet.set(setKey, (group = { ready: entry.ready, ports: [] }));
    if (entry.port) group.ports.push(entry.port);
  }
  const final = [...byAddressSet.values()].map((group) => toSubset(group.ready, group.ports, addresses));
  return final.sort((a, b) => subsetKey(a).localeCompare(subsetKey(b)));
}

function toSubset(ready: Map<string, boolean>, ports: EndpointPort[], addresses: Map<string, EndpointAddress>): EndpointSubset {
  const readyAddrs: EndpointAddress[] = [];
  const notReadyAddrs: EndpointAddress[] = [];
  for (const [key, isReady] of ready) (isReady ? readyAddrs : notReadyAddrs).push(addresses.get(key)!);
  const subset: EndpointSubset = {};
  if (readyAddrs.length) subset.addresses = readyAddrs.sort(byIPAndUID);
  if (notReadyAddrs.length) subset.notReadyAddresses = notReadyAddrs.sort(byIPAndUID);
  if (ports.length) subset.ports = [...ports].sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '') || a.port - b.port);
  return subset;
}

function byIPAndUID(a: EndpointAddress, b: EndpointAddress): number {
  const ipA = ipSortKey(a.ip);
  const ipB = ipSortKey(b.ip);
  if (ipA !== ipB) return ipA < ipB ? -1 : 1;
  return (a.targetRef?.uid ?? '').localeCompare(b.targetRef?.uid ?? '');
}

/** ipSortKey orders dotted IPv4 numerically (10.244.1.9 before 10.244.1.10). */
function ipSortKey(ip: string): string {
  return ip.includes('.') ? ip.split('.').map((part) => part.padStart(3, '0')).join('.') : ip;
}

function subsetKey(subset: EndpointSubset): string {
  return JSON.stringify([subset.ports ?? [], subset.addresses?.[0]?.ip ?? subset.notReadyAddresses?.[0]?.ip ?? '']);
}
