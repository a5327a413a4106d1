import { describe, expect, it } from 'vitest';
import { describe as describeText, lookupFromObjects } from './index';

// k8s.io/kubectl pkg/describe describeStorageClass (v1.32).
describe('kubectl describe storageclass', () => {
  it('prints the class with its defaults and topologies', () => {
    const sc = {
      apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass',
      metadata: { name: 'standard', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' }, creationTimestamp: '2025-01-01T00:00:00Z' },
      provisioner: 'rancher.io/local-path', reclaimPolicy: 'Delete', volumeBindingMode: 'WaitForFirstConsumer',
      allowedTopologies: [{ matchLabelExpressions: [{ key: 'topology.kubernetes.io/zone', values: ['a', 'b'] }] }],
    };
    const lookup = lookupFromObjects([sc]);
    const out = describeText('storageclasses', 'default', 'standard', lookup, { nowMs: 0 });
    expect(out.stdout.split('\n').map((l) => l.trimEnd())).toEqual([
      'Name:                  standard',
      'IsDefaultClass:        Yes',
      'Annotations:           storageclass.kubernetes.io/is-default-class=true',
      'Provisioner:           rancher.io/local-path',
      'Parameters:            <none>',
      'AllowVolumeExpansion:  <unset>',
      'MountOptions:          <none>',
      'ReclaimPolicy:         Delete',
      'VolumeBindingMode:     WaitForFirstConsumer',
      'AllowedTopologies:',
      '  Term 0:              topology.kubernetes.io/zone in [a, b]',
      'Events:                <none>',
      '',
    ]);
    expect(describeText('storageclasses', 'default', 'fast', lookup, { nowMs: 0 }).stderr).toBe('Error from server (NotFound): storageclasses.storage.k8s.io "fast" not found\n');
  });
});
