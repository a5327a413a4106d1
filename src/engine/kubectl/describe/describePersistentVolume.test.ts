import { describe, expect, it } from 'vitest';
import { describe as describeText, lookupFromObjects } from './index';

// k8s.io/kubectl pkg/describe describePersistentVolume (v1.32), for the kubernetes.io task's volume.
describe('kubectl describe pv', () => {
  it('prints the volume, its node affinity and its source like kubectl', () => {
    const hostPathPV = {
      apiVersion: 'v1', kind: 'PersistentVolume',
      metadata: { name: 'task-pv-volume', labels: { type: 'local' }, finalizers: ['kubernetes.io/pv-protection'], creationTimestamp: '2025-01-01T00:00:00Z' },
      spec: { storageClassName: 'manual', capacity: { storage: '10Gi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: '/mnt/data', type: '' }, persistentVolumeReclaimPolicy: 'Retain', volumeMode: 'Filesystem', claimRef: { namespace: 'default', name: 'task-pv-claim' } },
      status: { phase: 'Bound' },
    };
    const localPV = {
      apiVersion: 'v1', kind: 'PersistentVolume',
      metadata: { name: 'local-pv', creationTimestamp: '2025-01-01T00:00:00Z' },
      spec: {
        capacity: { storage: '5Gi' }, accessModes: ['ReadWriteOnce'], local: { path: '/mnt/disks/ssd1' }, persistentVolumeReclaimPolicy: 'Delete',
        nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['node-2', 'node-3'] }, { key: 'disk', operator: 'Exists' }] }] } },
      },
      status: { phase: 'Failed', message: 'no deleter' },
    };
    const lookup = lookupFromObjects([hostPathPV, localPV]);
    const one = describeText('persistentvolumes', 'default', 'task-pv-volume', lookup, { nowMs: 0 });
    expect(one.stdout.split('\n').map((l) => l.trimEnd())).toEqual([
      'Name:            task-pv-volume',
      'Labels:          type=local',
      'Annotations:     <none>',
      'Finalizers:      [kubernetes.io/pv-protection]',
      'StorageClass:    manual',
      'Status:          Bound',
      'Claim:           default/task-pv-claim',
      'Reclaim Policy:  Retain',
      'Access Modes:    RWO',
      'VolumeMode:      Filesystem',
      'Capacity:        10Gi',
      'Node Affinity:   <none>',
      'Message:',
      'Source:',
      '    Type:          HostPath (bare host directory volume)',
      '    Path:          /mnt/data',
      '    HostPathType:',
      'Events:            <none>',
      '',
    ]);
    const local = describeText('persistentvolumes', 'default', 'local-pv', lookup, { nowMs: 0 }).stdout;
    expect(local).toContain('Node Affinity:     \n  Required Terms:  \n    Term 0:        kubernetes.io/hostname in [node-2, node-3]\n                   disk exists\nMessage:           no deleter\n');
    expect(local).toContain('Source:\n    Type:  LocalVolume (a persistent volume backed by local storage on a node)\n    Path:  /mnt/disks/ssd1\n');
  });
});
