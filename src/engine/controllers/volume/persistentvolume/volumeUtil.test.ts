import type { Node, PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { findMatchingVolume, isDelayBindingMode } from './volumeUtil';

const pv = (name: string, storage: string, extra: Partial<PersistentVolume['spec']> = {}, phase = 'Available', labels?: Record<string, string>): PersistentVolume => ({
  metadata: { name, labels },
  spec: { capacity: { storage }, accessModes: ['ReadWriteOnce'], storageClassName: 'manual', ...extra },
  status: { phase },
});
const claim = (storage: string, extra: Partial<PersistentVolumeClaim['spec']> = {}): PersistentVolumeClaim => ({
  metadata: { name: 'c', namespace: 'default', uid: 'u1' },
  spec: { storageClassName: 'manual', accessModes: ['ReadWriteOnce'], resources: { requests: { storage } }, ...extra },
});
const node = (name: string): Node => ({ metadata: { name, labels: { 'kubernetes.io/hostname': name } } });

// pkg/controller/volume/persistentvolume/util FindMatchingVolume (index_test.go's cases, reduced).
describe('findMatchingVolume', () => {
  it('picks the smallest volume big enough, of the same class, offering every requested mode', () => {
    const volumes = [pv('big', '10Gi'), pv('small', '1Gi'), pv('right', '5Gi'), pv('other-class', '4Gi', { storageClassName: 'fast' }), pv('rox', '4Gi', { accessModes: ['ReadOnlyMany'] })];
    expect(findMatchingVolume(claim('3Gi'), volumes, undefined, false)?.metadata?.name).toBe('right');
    expect(findMatchingVolume(claim('20Gi'), volumes, undefined, false)).toBeUndefined();
    expect(findMatchingVolume(claim('1Gi', { accessModes: ['ReadWriteOnce', 'ReadWriteMany'] }), volumes, undefined, false)).toBeUndefined();
  });

  it('skips volumes that are not Available, claimed by another claim, of another mode or outside the selector', () => {
    const volumes = [
      pv('pending', '1Gi', {}, 'Pending'),
      pv('taken', '1Gi', { claimRef: { name: 'other', namespace: 'default' } }),
      pv('block', '1Gi', { volumeMode: 'Block' }),
      pv('labelled', '8Gi', {}, 'Available', { tier: 'gold' }),
      pv('plain', '2Gi'),
    ];
    expect(findMatchingVolume(claim('1Gi'), volumes, undefined, false)?.metadata?.name).toBe('plain');
    expect(findMatchingVolume(claim('1Gi', { selector: { matchLabels: { tier: 'gold' } } }), volumes, undefined, false)?.metadata?.name).toBe('labelled');
  });

  it('returns a volume pre-bound to the claim at once, unless it is too small or (with a node) out of reach', () => {
    const affinity = { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['node-2'] }] }] } };
    const prebound = pv('mine', '100Gi', { claimRef: { name: 'c', namespace: 'default' }, nodeAffinity: affinity }, 'Pending');
    expect(findMatchingVolume(claim('1Gi'), [pv('small', '1Gi'), prebound], undefined, true)?.metadata?.name).toBe('mine');
    expect(findMatchingVolume(claim('1Gi'), [prebound], node('node-1'), true)).toBeUndefined();
    expect(findMatchingVolume(claim('1Gi'), [prebound], node('node-2'), true)?.metadata?.name).toBe('mine');
    expect(findMatchingVolume(claim('200Gi'), [prebound], undefined, true)).toBeUndefined();
  });

  it('leaves delayed claims to the scheduler, which matches node affinity', () => {
    const local = pv('local', '5Gi', { nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['node-2'] }] }] } } });
    expect(findMatchingVolume(claim('1Gi'), [local], undefined, true)).toBeUndefined();
    expect(findMatchingVolume(claim('1Gi'), [local], node('node-1'), true)).toBeUndefined();
    expect(findMatchingVolume(claim('1Gi'), [local], node('node-2'), true)?.metadata?.name).toBe('local');
  });
});

describe('isDelayBindingMode', () => {
  it('is true only for an existing WaitForFirstConsumer class', () => {
    const classes = (name: string) => (name === 'local' ? { metadata: { name }, provisioner: 'kubernetes.io/no-provisioner', volumeBindingMode: 'WaitForFirstConsumer' } : undefined);
    expect(isDelayBindingMode(claim('1Gi', { storageClassName: 'local' }), classes)).toBe(true);
    expect(isDelayBindingMode(claim('1Gi', { storageClassName: 'missing' }), classes)).toBe(false);
    expect(isDelayBindingMode(claim('1Gi', { storageClassName: '' }), classes)).toBe(false);
  });
});
