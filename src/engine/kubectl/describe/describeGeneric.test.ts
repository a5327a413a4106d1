import { describe, expect, it } from 'vitest';
import { camelcaseSplit, describeGeneric, smartLabelFor } from './describeGeneric';
import { lookupFromObjects } from './lookup';

describe('generic describer (pkg/describe genericDescriber)', () => {
  it('splits like fatih/camelcase and labels like smartLabelFor', () => {
    expect(camelcaseSplit('PDFLoader')).toEqual(['PDF', 'Loader']);
    expect(camelcaseSplit('GL11Version')).toEqual(['GL', '11', 'Version']);
    expect(camelcaseSplit('BFG9000')).toEqual(['BFG', '9000']);
    expect(smartLabelFor('apiVersion')).toBe('API Version');
    expect(smartLabelFor('uid')).toBe('UID');
    expect(smartLabelFor('leaseDurationSeconds')).toBe('Lease Duration Seconds');
    expect(smartLabelFor('kubernetes.io/hostname')).toBe('kubernetes.io/hostname');
  });

  it('describes a Lease: fields sorted, maps nested, metadata name/namespace/labels/annotations skipped', () => {
    const lease = {
      apiVersion: 'coordination.k8s.io/v1', kind: 'Lease',
      metadata: { name: 'node-1', namespace: 'kube-node-lease', uid: 'u-1', resourceVersion: '42', creationTimestamp: '2025-01-01T00:00:00Z', ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: 'node-1', uid: 'n-1' }] },
      spec: { holderIdentity: 'node-1', leaseDurationSeconds: 40, renewTime: '2025-01-01T00:01:00.000000Z' },
    };
    expect(describeGeneric(lease, lookupFromObjects([]), { nowMs: 60_000 })).toBe(
      [
        'Name:         node-1',
        'Namespace:    kube-node-lease',
        'Labels:       <none>',
        'Annotations:  <none>',
        'API Version:  coordination.k8s.io/v1',
        'Kind:         Lease',
        'Metadata:',
        '  Creation Timestamp:  2025-01-01T00:00:00Z',
        '  Owner References:',
        '    API Version:     v1',
        '    Kind:            Node',
        '    Name:            node-1',
        '    UID:             n-1',
        '  Resource Version:  42',
        '  UID:               u-1',
        'Spec:',
        '  Holder Identity:         node-1',
        '  Lease Duration Seconds:  40',
        '  Renew Time:              2025-01-01T00:01:00.000000Z',
        'Events:                    <none>',
        '',
      ].join('\n'),
    );
  });
});
