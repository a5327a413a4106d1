import type { Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { describe, expect, it } from 'vitest';
import { endpointsByServicePort, endpointsKey } from '../endpoints';
import { servicePortInfos } from '../servicePort';
import { buildVirtualServers, ipvsadmList } from './virtualServers';

describe('IPVS virtual servers', () => {
  it('lists cluster IP and node port virtual servers with rr and Masq real servers, as ipvsadm -Ln prints them', () => {
    const svc: Service = { metadata: { namespace: 'default', name: 'web' }, spec: { type: 'NodePort', clusterIP: '10.96.0.20', ports: [{ port: 80, nodePort: 30080, protocol: 'TCP' }] } };
    const slice: EndpointSlice = { addressType: 'IPv4', endpoints: [{ addresses: ['10.244.2.5'] }, { addresses: ['10.244.1.5'] }], ports: [{ port: 8080, protocol: 'TCP' }] };
    const endpoints = endpointsByServicePort('default', 'web', [slice]);
    const states = servicePortInfos(svc).map((info) => ({ info, endpoints: endpoints.get(endpointsKey(info.nameString, info.protocol)) ?? [] }));
    expect(ipvsadmList(buildVirtualServers(states, 'node-1', '10.0.1.1'))).toBe(
      [
        'IP Virtual Server version 1.2.1 (size=4096)',
        'Prot LocalAddress:Port Scheduler Flags',
        '  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn',
        'TCP  10.0.1.1:30080 rr',
        '  -> 10.244.1.5:8080              Masq    1      0          0',
        '  -> 10.244.2.5:8080              Masq    1      0          0',
        'TCP  10.96.0.20:80 rr',
        '  -> 10.244.1.5:8080              Masq    1      0          0',
        '  -> 10.244.2.5:8080              Masq    1      0          0',
        '',
      ].join('\n'),
    );
  });
});
