import type { Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { describe, expect, it } from 'vitest';
import { formatRecord, resolve, searchList, type DnsData } from './dns';

const services: Record<string, Service> = {
  'default/web': { spec: { clusterIP: '10.96.12.7', ports: [{ port: 80 }] } },
  'default/db': { spec: { clusterIP: 'None', ports: [{ port: 5432 }] } },
  'shop/cart': { spec: { clusterIP: '10.96.44.2', ports: [{ port: 8080 }] } },
  'default/ext': { spec: { type: 'ExternalName', externalName: 'example.com' } },
};
const slices: Record<string, EndpointSlice[]> = {
  'default/db': [{
    addressType: 'IPv4', endpoints: [
      { addresses: ['10.244.2.9'], conditions: { ready: true } },
      { addresses: ['10.244.1.4'], conditions: { ready: true } },
      { addresses: ['10.244.3.3'], conditions: { ready: false } },
    ],
  }],
};
const data: DnsData = { service: (ns, name) => services[`${ns}/${name}`], slices: (ns, name) => slices[`${ns}/${name}`] ?? [] };

describe('CoreDNS answers for Services', () => {
  it('answers a ClusterIP Service with its cluster IP, TTL 30, through the pod search list', () => {
    const answer = resolve(data, 'web', 'default');
    expect(answer.tried).toEqual(['web.default.svc.cluster.local.']);
    expect(answer.records.map(formatRecord)).toEqual(['web.default.svc.cluster.local. 30 IN A 10.96.12.7']);
  });

  it('tries the search domains in order: `cart.shop` from default matches svc.cluster.local', () => {
    const answer = resolve(data, 'cart.shop', 'default');
    expect(answer.tried).toEqual(['cart.shop.default.svc.cluster.local.', 'cart.shop.svc.cluster.local.']);
    expect(answer.records[0].data).toBe('10.96.44.2');
  });

  it('answers a headless Service with the ready endpoints only', () => {
    expect(resolve(data, 'db.default.svc.cluster.local.', 'shop').records.map((r) => r.data)).toEqual(['10.244.1.4', '10.244.2.9']);
  });

  it('answers an ExternalName Service with a CNAME', () => {
    expect(resolve(data, 'ext', 'default').records).toEqual([{ name: 'ext.default.svc.cluster.local.', type: 'CNAME', data: 'example.com.' }]);
  });

  it('gives NXDOMAIN for an unknown name after the whole search list', () => {
    const answer = resolve(data, 'nope', 'default');
    expect(answer.rcode).toBe('NXDOMAIN');
    expect(answer.tried).toEqual([...searchList('default').map((d) => `nope.${d}.`), 'nope.']);
  });
});
