// Cases from pkg/registry/core/service/ipallocator/bitmap_test.go (TestAllocate, TestAllocateTiny,
// TestAllocateReserved, TestSnapshot), portallocator/allocator_test.go (TestAllocate,
// TestAllocateReserved) and service/storage/storage_test.go (create with requested/duplicate
// nodePorts and clusterIPs), v1.32. Texts are the allocators' and alloc.go's.
import type { Service } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../sim/rng';
import { calculateRangeOffset, IPAllocator, KUBE_DNS_IP, KUBERNETES_SERVICE_IP } from './ipAllocator';
import { calculatePortRangeOffset, PortAllocator } from './portAllocator';
import { allocateServiceCreate, allocateServiceUpdate, newServiceAllocators, releaseServiceAllocations, restoreServiceAllocators, snapshotServiceAllocators } from './serviceAlloc';

describe('IPAllocator', () => {
  it('10.96.0.0/12: static reservations, errors, dynamic picks from the upper band', () => {
    const ips = new IPAllocator('10.96.0.0/12');
    expect(ips.free()).toBe(1048574);
    expect(ips.allocate(KUBERNETES_SERVICE_IP)).toBeUndefined();
    expect(ips.allocate(KUBE_DNS_IP)).toBeUndefined();
    expect(ips.allocate(KUBE_DNS_IP)?.message).toBe('provided IP is already allocated');
    expect(ips.allocate('10.95.0.1')?.message).toBe('the provided IP (10.95.0.1) is not in the valid range. The range of valid IPs is 10.96.0.0/12');
    expect(ips.allocate('10.96.0.0')?.kind).toBe('NotInRange');
    expect(ips.allocate('10.111.255.255')?.kind).toBe('NotInRange');
    const rng = new Rng(7);
    const num = (ip: string): number => ip.split('.').reduce((acc, p) => acc * 256 + Number(p), 0);
    for (let i = 0; i < 50; i++) {
      // Offset 256: dynamic IPs skip 10.96.0.1-10.96.1.0, kept for static ClusterIPs like kube-dns.
      const ip = ips.allocateNext(rng) as string;
      expect(num(ip)).toBeGreaterThanOrEqual(num('10.96.1.1'));
      expect(num(ip)).toBeLessThanOrEqual(num('10.111.255.254'));
    }
    expect(calculateRangeOffset(2 ** 20)).toBe(256);
    expect(calculateRangeOffset(256)).toBe(16);
    expect(calculateRangeOffset(16)).toBe(0);
  });

  it('TestAllocateTiny: a /30 holds two addresses, then range is full', () => {
    const ips = new IPAllocator('192.168.1.0/30');
    const rng = new Rng(1);
    const got = [ips.allocateNext(rng), ips.allocateNext(rng)].sort();
    expect(got).toEqual(['192.168.1.1', '192.168.1.2']);
    expect(ips.allocateNext(rng)).toEqual({ kind: 'Full', message: 'range is full' });
  });

  it('TestSnapshot: same seed, same picks; snapshot/restore keeps the set', () => {
    const run = (): string[] => {
      const ips = new IPAllocator();
      const rng = new Rng(42);
      return [0, 1, 2].map(() => ips.allocateNext(rng) as string);
    };
    expect(run()).toEqual(run());
    const ips = new IPAllocator();
    ips.allocate('10.96.0.10');
    const copy = IPAllocator.restore(JSON.parse(JSON.stringify(ips.snapshot())));
    expect(copy.has('10.96.0.10')).toBe(true);
    expect(copy.used()).toBe(1);
  });
});

describe('PortAllocator', () => {
  it('30000-32767: errors and upper-band random picks', () => {
    const ports = new PortAllocator();
    expect(calculatePortRangeOffset(2768)).toBe(86);
    expect(ports.allocate(30080)).toBeUndefined();
    expect(ports.allocate(30080)?.message).toBe('provided port is already allocated');
    expect(ports.allocate(99999)?.message).toBe('provided port is not in the valid range. The range of valid ports is 30000-32767');
    const rng = new Rng(3);
    for (let i = 0; i < 100; i++) {
      const p = ports.allocateNext(rng) as number;
      expect(p).toBeGreaterThanOrEqual(30086);
      expect(p).toBeLessThanOrEqual(32767);
    }
  });

  it('falls back to the static band when the upper band is full', () => {
    const ports = new PortAllocator('30000-30019');
    const rng = new Rng(5);
    const got = Array.from({ length: 20 }, () => ports.allocateNext(rng) as number);
    expect(new Set(got).size).toBe(20);
    expect(got.slice(0, 4).every((p) => p >= 30016)).toBe(true);
    expect(ports.allocateNext(rng)).toEqual({ kind: 'Full', message: 'range is full' });
  });
});

describe('allocateServiceCreate', () => {
  const svc = (spec: Service['spec']): Service => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec });

  it('fills ipFamilyPolicy, ipFamilies, clusterIP(s) and node ports', () => {
    const a = newServiceAllocators();
    const s = svc({ type: 'NodePort', ports: [{ port: 80, protocol: 'TCP' }, { port: 80, protocol: 'UDP', name: 'u' }] });
    expect(allocateServiceCreate(s, a, new Rng(9))).toBeUndefined();
    expect(s.spec).toMatchObject({ ipFamilyPolicy: 'SingleStack', ipFamilies: ['IPv4'] });
    expect(s.spec!.clusterIPs).toEqual([s.spec!.clusterIP]);
    expect(s.spec!.ports![0].nodePort).toBe(s.spec!.ports![1].nodePort);
  });

  it('headless selectorless services become RequireDualStack with both families', () => {
    const s = svc({ clusterIP: 'None', ports: [{ port: 80 }] });
    expect(allocateServiceCreate(s, newServiceAllocators(), new Rng(1))).toBeUndefined();
    expect(s.spec).toMatchObject({ clusterIPs: ['None'], ipFamilyPolicy: 'RequireDualStack', ipFamilies: ['IPv4', 'IPv6'] });
  });

  it('reports the allocator errors as 422 Invalid, exactly as the apiserver', () => {
    const a = newServiceAllocators();
    const bad = allocateServiceCreate(svc({ type: 'NodePort', ports: [{ port: 80, nodePort: 99999 }] }), a, new Rng(1));
    expect(bad?.code).toBe(422);
    expect(bad?.message).toBe('Service "web" is invalid: spec.ports[0].nodePort: Invalid value: 99999: provided port is not in the valid range. The range of valid ports is 30000-32767');
    a.ips.allocate(KUBE_DNS_IP);
    const taken = allocateServiceCreate(svc({ clusterIP: KUBE_DNS_IP, ports: [{ port: 53 }] }), a, new Rng(1));
    expect(taken?.message).toBe('Service "web" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.10"}: failed to allocate IP 10.96.0.10: provided IP is already allocated');
    const outside = allocateServiceCreate(svc({ clusterIP: '1.1.1.1', ports: [{ port: 53 }] }), a, new Rng(1));
    expect(outside?.message).toBe('Service "web" is invalid: spec.clusterIPs: Invalid value: []string{"1.1.1.1"}: failed to allocate IP 1.1.1.1: the provided IP (1.1.1.1) is not in the valid range. The range of valid IPs is 10.96.0.0/12');
  });

  it('rolls back the ClusterIP when a node port fails, and releases on delete', () => {
    const a = newServiceAllocators();
    a.ports.allocate(30080);
    const s = svc({ type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] });
    expect(allocateServiceCreate(s, a, new Rng(2))?.message).toContain('provided port is already allocated');
    expect(a.ips.used()).toBe(0);
    const ok = svc({ type: 'LoadBalancer', externalTrafficPolicy: 'Local', ports: [{ port: 80 }] });
    allocateServiceCreate(ok, a, new Rng(2));
    expect(ok.spec!.healthCheckNodePort).toBeGreaterThanOrEqual(30000);
    const snap = JSON.parse(JSON.stringify(snapshotServiceAllocators(a)));
    releaseServiceAllocations(ok, a);
    expect(a.ips.used()).toBe(0);
    expect(restoreServiceAllocators(snap).ips.used()).toBe(1);
  });

  it('NodePort → ClusterIP on update releases the node port', () => {
    const a = newServiceAllocators();
    const prev = svc({ type: 'NodePort', ports: [{ port: 80 }] });
    allocateServiceCreate(prev, a, new Rng(4));
    const port = prev.spec!.ports![0].nodePort!;
    const next = svc({ ...structuredClone(prev.spec!), type: 'ClusterIP', ports: [{ port: 80 }] });
    expect(allocateServiceUpdate(next, prev, a, new Rng(4))).toBeUndefined();
    expect(a.ports.has(port)).toBe(false);
  });
});
