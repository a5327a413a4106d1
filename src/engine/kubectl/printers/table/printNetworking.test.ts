import { describe, expect, it } from 'vitest';
import type { Ingress } from 'kubernetes-types/networking/v1';
import { ingressClassPrinter, ingressPrinter, networkPolicyPrinter } from './printNetworking';

const opts = { nowMs: 60_000, wide: false };
const ingress = (spec: Ingress['spec'], status: Ingress['status'] = { loadBalancer: {} }): Ingress => ({ metadata: { name: 'web', creationTimestamp: '2025-01-01T00:00:00Z' }, spec, status });

// pkg/printers/internalversion/printers.go printIngress, printIngressClass, printNetworkPolicy (v1.32).
describe('networking printers', () => {
  it('prints an Ingress: class or <none>, hosts (* without any, + N more after three), no address until a controller writes one, 80 or 80, 443', () => {
    expect(ingressPrinter.printRow(ingress({ ingressClassName: 'nginx', rules: [{ host: 'hello-world.example' }] }), opts)).toEqual(['web', 'nginx', 'hello-world.example', '', '80', '60s']);
    expect(ingressPrinter.printRow(ingress({ rules: [{}], tls: [{ hosts: ['a'] }] }), opts).slice(1, 5)).toEqual(['<none>', '*', '', '80, 443']);
    const five = ingress({ rules: ['a', 'b', '', 'c', 'd'].map((host) => (host ? { host } : {})) });
    expect(ingressPrinter.printRow(five, opts)[2]).toBe('a,b,c + 2 more...');
    const published = ingress({}, { loadBalancer: { ingress: [{ ip: '192.168.49.2' }, { ip: '192.168.49.3' }] } });
    expect(ingressPrinter.printRow(published, opts)[3]).toBe('192.168.49.2,...');
    expect(ingressPrinter.printRow(published, { ...opts, wide: true })[3]).toBe('192.168.49.2,192.168.49.3');
  });

  it('prints an IngressClass with its controller and parameters, a NetworkPolicy with its pod selector', () => {
    expect(ingressClassPrinter.printRow({ metadata: { name: 'nginx' }, spec: { controller: 'k8s.io/ingress-nginx' } }, opts).slice(0, 3)).toEqual(['nginx', 'k8s.io/ingress-nginx', '<none>']);
    expect(ingressClassPrinter.printRow({ metadata: { name: 'x' }, spec: { controller: 'c', parameters: { apiGroup: 'k8s.example.com', kind: 'IngressParameters', name: 'p' } } }, opts)[2]).toBe('IngressParameters.k8s.example.com/p');
    expect(networkPolicyPrinter.printRow({ metadata: { name: 'deny-all' }, spec: { podSelector: {} } }, opts).slice(0, 2)).toEqual(['deny-all', '<none>']);
    expect(networkPolicyPrinter.printRow({ metadata: { name: 'db' }, spec: { podSelector: { matchLabels: { app: 'db' } } } }, opts)[1]).toBe('app=db');
  });
});
