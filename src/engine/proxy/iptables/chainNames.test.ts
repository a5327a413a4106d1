import { describe, expect, it } from 'vitest';
import { computeProbability, portProtoHash, serviceExternalChainName, servicePortEndpointChainName, servicePortPolicyClusterChain } from './chainNames';

// Chain names from pkg/proxy/iptables/proxier_test.go (TestOverallIPTablesRules) and the ones every
// kubeadm cluster has for the kubernetes and kube-dns Services.
describe('iptables chain names (base32 of sha256, 16 characters)', () => {
  it.each([
    ['default/kubernetes:https', 'tcp', 'NPX46M4PTMTKRN6Y'],
    ['kube-system/kube-dns:dns', 'udp', 'TCOU7JCQXEZGVUNU'],
    ['kube-system/kube-dns:dns-tcp', 'tcp', 'ERIFXISQEP7F7OF4'],
    ['kube-system/kube-dns:metrics', 'tcp', 'JD5MR3NA4I4DYORP'],
    ['ns1/svc1:p80', 'tcp', 'XPGD46QRK7WJZT7O'],
    ['ns2/svc2:p80', 'tcp', 'GNZBNJ2PO5MGZ6GT'],
    ['ns3/svc3:p80', 'tcp', 'X27LE4BHSL4DOUIK'],
    ['ns4/svc4:p80', 'tcp', '4SW47YFZTEDKD3PK'],
    ['ns5/svc5:p80', 'tcp', 'NUKIZ6OKUXPJNT4C'],
  ])('%s %s → %s', (name, protocol, hash) => {
    expect(portProtoHash(name, protocol)).toBe(hash);
  });

  it('prefixes service and external chains', () => {
    expect(servicePortPolicyClusterChain('ns1/svc1:p80', 'tcp')).toBe('KUBE-SVC-XPGD46QRK7WJZT7O');
    expect(serviceExternalChainName('ns2/svc2:p80', 'tcp')).toBe('KUBE-EXT-GNZBNJ2PO5MGZ6GT');
  });

  it.each([
    ['ns1/svc1:p80', '10.180.0.1:80', 'KUBE-SEP-SXIVWICOYRO3J4NJ'],
    ['ns2/svc2:p80', '10.180.0.2:80', 'KUBE-SEP-RS4RBKLTHTF2IUXJ'],
    ['ns3/svc3:p80', '10.180.0.3:80', 'KUBE-SEP-OYPFS5VJICHGATKP'],
    ['ns4/svc4:p80', '10.180.0.4:80', 'KUBE-SEP-UKSFD7AGPMPPLUHC'],
    ['ns4/svc4:p80', '10.180.0.5:80', 'KUBE-SEP-C6EBXVWJJZMIWKLZ'],
    ['ns5/svc5:p80', '10.180.0.3:80', 'KUBE-SEP-I77PXRDZVX7PMWMN'],
  ])('endpoint chain of %s → %s is %s', (name, endpoint, chain) => {
    expect(servicePortEndpointChainName(name, 'tcp', endpoint)).toBe(chain);
  });
});

describe('computeProbability (%0.10f of 1/n)', () => {
  it('gives 1/n, 1/(n-1), … for the rules of n endpoints', () => {
    expect([4, 3, 2].map(computeProbability)).toEqual(['0.2500000000', '0.3333333333', '0.5000000000']);
    expect(computeProbability(7)).toBe('0.1428571429');
  });
});
