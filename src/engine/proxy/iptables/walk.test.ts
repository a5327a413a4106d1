import type { Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../sim/rng';
import { endpointsByServicePort, endpointsKey } from '../endpoints';
import { servicePortInfos } from '../servicePort';
import { servicePortEndpointChainName } from './chainNames';
import { syncProxyRules, type ServicePortState } from './syncProxyRules';
import { walkPacket } from './walk';

const NODE = { nodeName: 'node-1', nodeIP: '10.0.1.1', clusterCIDR: '10.244.0.0/16', localhostNodePorts: true };

function state(spec: Service['spec'], ips: Array<[string, string?]>, name = 'web'): ServicePortState[] {
  const svc: Service = { metadata: { namespace: 'default', name }, spec: { ports: [{ name: 'http', port: 80, protocol: 'TCP' }], ...spec } };
  const slice: EndpointSlice = { addressType: 'IPv4', endpoints: ips.map(([ip, node]) => ({ addresses: [ip], nodeName: node })), ports: [{ name: 'http', port: 8080, protocol: 'TCP' }] };
  const endpoints = endpointsByServicePort('default', name, [slice]);
  return servicePortInfos(svc).map((info) => ({ info, endpoints: endpoints.get(endpointsKey(info.nameString, info.protocol)) ?? [] }));
}

describe('walkPacket', () => {
  it('spreads new connections evenly: rule i of n matches with 1/(n-i)', () => {
    const rules = syncProxyRules(state({ clusterIP: '10.96.0.50' }, [['10.244.1.2'], ['10.244.2.2'], ['10.244.3.2']]), NODE);
    const rng = new Rng(42);
    const counts = new Map<string, number>();
    for (let i = 0; i < 30_000; i++) {
      const { verdict } = walkPacket(rules, { src: '10.244.1.9', dst: '10.96.0.50', dport: 80, proto: 'tcp', srcLocal: false, dstLocal: false }, rng);
      if (verdict.kind === 'dnat') counts.set(verdict.to, (counts.get(verdict.to) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual(['10.244.1.2:8080', '10.244.2.2:8080', '10.244.3.2:8080']);
    for (const n of counts.values()) expect(Math.abs(n - 10_000)).toBeLessThan(300);
  });

  it('marks traffic from outside the pod network for masquerade, not pod traffic', () => {
    const rules = syncProxyRules(state({ clusterIP: '10.96.0.50' }, [['10.244.1.2']]), NODE);
    const fromNode = walkPacket(rules, { src: '10.0.1.1', dst: '10.96.0.50', dport: 80, proto: 'tcp', srcLocal: true, dstLocal: false }, new Rng(1));
    const fromPod = walkPacket(rules, { src: '10.244.2.7', dst: '10.96.0.50', dport: 80, proto: 'tcp', srcLocal: false, dstLocal: false }, new Rng(1));
    expect(fromNode.verdict).toEqual({ kind: 'dnat', to: '10.244.1.2:8080', masquerade: true });
    expect(fromPod.verdict).toEqual({ kind: 'dnat', to: '10.244.1.2:8080', masquerade: false });
  });

  it('rejects connections to a Service without endpoints (filter KUBE-SERVICES)', () => {
    const rules = syncProxyRules(state({ clusterIP: '10.96.0.51' }, []), NODE);
    const { verdict, hops } = walkPacket(rules, { src: '10.0.1.1', dst: '10.96.0.51', dport: 80, proto: 'tcp', srcLocal: true, dstLocal: false }, new Rng(1));
    expect(verdict).toEqual({ kind: 'reject', comment: 'default/web:http has no endpoints' });
    expect(hops.map((h) => `${h.table} ${h.chain}`)).toEqual(['filter KUBE-SERVICES']);
  });

  it('takes a NodePort through KUBE-NODEPORTS and KUBE-EXT to the service chain', () => {
    const rules = syncProxyRules(state({ type: 'NodePort', clusterIP: '10.96.0.52', ports: [{ name: 'http', port: 80, nodePort: 30080, protocol: 'TCP' }] }, [['10.244.2.2']]), NODE);
    const { verdict, hops } = walkPacket(rules, { src: '192.168.1.50', dst: '10.0.1.1', dport: 30080, proto: 'tcp', srcLocal: false, dstLocal: true }, new Rng(1));
    expect(verdict).toEqual({ kind: 'dnat', to: '10.244.2.2:8080', masquerade: true });
    // default/web:http + tcp hashes to CDGGSHYLG3RE2FKL, the example kube-proxy write-ups quote.
    const sep = servicePortEndpointChainName('default/web:http', 'tcp', '10.244.2.2:8080');
    expect(hops.map((h) => `${h.chain} -j ${h.target}`)).toEqual([
      'KUBE-SERVICES -j KUBE-NODEPORTS', 'KUBE-NODEPORTS -j KUBE-EXT-CDGGSHYLG3RE2FKL', 'KUBE-EXT-CDGGSHYLG3RE2FKL -j KUBE-MARK-MASQ',
      'KUBE-EXT-CDGGSHYLG3RE2FKL -j KUBE-SVC-CDGGSHYLG3RE2FKL', `KUBE-SVC-CDGGSHYLG3RE2FKL -j ${sep}`, `${sep} -j DNAT`,
    ]);
  });

  it('drops external traffic to a Local-policy NodePort on a node without local endpoints', () => {
    const spec = { type: 'NodePort' as const, externalTrafficPolicy: 'Local', clusterIP: '10.96.0.53', ports: [{ name: 'http', port: 80, nodePort: 30081, protocol: 'TCP' }] };
    const remote = syncProxyRules(state(spec, [['10.244.2.2', 'node-2']]), NODE);
    expect(walkPacket(remote, { src: '192.168.1.50', dst: '10.0.1.1', dport: 30081, proto: 'tcp', srcLocal: false, dstLocal: true }, new Rng(1)).verdict).toEqual({ kind: 'drop', comment: 'default/web:http has no local endpoints' });
    const local = syncProxyRules(state(spec, [['10.244.1.2', 'node-1'], ['10.244.2.2', 'node-2']]), NODE);
    expect(walkPacket(local, { src: '192.168.1.50', dst: '10.0.1.1', dport: 30081, proto: 'tcp', srcLocal: false, dstLocal: true }, new Rng(1)).verdict).toEqual({ kind: 'dnat', to: '10.244.1.2:8080', masquerade: false });
  });
});
