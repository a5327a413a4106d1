import { describe, expect, it } from 'vitest';
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import { isClaimOwnerUpToDate, updateClaimOwnerRefForSetAndPod } from './claimRetention';

const set = (whenScaled: string, whenDeleted: string): StatefulSet => ({
  metadata: { name: 'web', uid: 'set-uid' },
  spec: { replicas: 2, serviceName: 'nginx', selector: {}, template: {}, persistentVolumeClaimRetentionPolicy: { whenScaled, whenDeleted } },
});
const pod = (ordinal: number): Pod => ({ metadata: { name: `web-${ordinal}`, uid: `pod-${ordinal}` } });
const claim = (refs: PersistentVolumeClaim['metadata'] = {}): PersistentVolumeClaim => ({ metadata: { name: 'www-web-0', ...refs } });
const owners = (s: StatefulSet, p: Pod) => updateClaimOwnerRefForSetAndPod(claim(), s, p).map((r) => `${r.kind}/${r.name}`);

describe('persistentVolumeClaimRetentionPolicy owner references', () => {
  it('follows the policy table for pods in range (web-1) and scaled down (web-2)', () => {
    expect([owners(set('Retain', 'Retain'), pod(1)), owners(set('Retain', 'Retain'), pod(2))]).toEqual([[], []]);
    expect([owners(set('Retain', 'Delete'), pod(1)), owners(set('Retain', 'Delete'), pod(2))]).toEqual([['StatefulSet/web'], ['StatefulSet/web']]);
    expect([owners(set('Delete', 'Retain'), pod(1)), owners(set('Delete', 'Retain'), pod(2))]).toEqual([[], ['Pod/web-2']]);
    expect([owners(set('Delete', 'Delete'), pod(1)), owners(set('Delete', 'Delete'), pod(2))]).toEqual([['StatefulSet/web'], ['Pod/web-2']]);
  });

  it('isClaimOwnerUpToDate: true once updated; stale references and foreign controllers are left alone', () => {
    const s = set('Delete', 'Delete');
    expect(isClaimOwnerUpToDate(claim(), s, pod(2))).toBe(false);
    const updated = claim({ ownerReferences: updateClaimOwnerRefForSetAndPod(claim(), s, pod(2)) });
    expect(isClaimOwnerUpToDate(updated, s, pod(2))).toBe(true);
    const stale = claim({ ownerReferences: [{ apiVersion: 'v1', kind: 'Pod', name: 'web-2', uid: 'earlier-pod' }] });
    expect(isClaimOwnerUpToDate(stale, s, pod(2))).toBe(true);
    const foreign = claim({ ownerReferences: [{ apiVersion: 'example.com/v1', kind: 'Backup', name: 'b', uid: 'b-uid', controller: true }] });
    expect(isClaimOwnerUpToDate(foreign, s, pod(1))).toBe(true);
    expect(updateClaimOwnerRefForSetAndPod(foreign, s, pod(1)).map((r) => r.kind)).toEqual(['Backup']);
  });
});
