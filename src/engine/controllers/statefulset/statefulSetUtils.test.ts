import { describe, expect, it } from 'vitest';
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { partitionPods } from './updateStatefulSet';
import {
  getParentNameAndOrdinal, getPersistentVolumeClaims, identityMatches, isMemberOf, newStatefulSetPod, newVersionedStatefulSetPod, podInOrdinalRange, storageMatches,
} from './statefulSetUtils';

const set = (spec: Partial<NonNullable<StatefulSet['spec']>> = {}): StatefulSet => ({
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: 'web', namespace: 'default', uid: 'set-uid' },
  spec: {
    serviceName: 'nginx',
    replicas: 3,
    selector: { matchLabels: { app: 'nginx' } },
    template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.26' }], volumes: [{ name: 'www', emptyDir: {} }, { name: 'cache', emptyDir: {} }] } },
    volumeClaimTemplates: [{ metadata: { name: 'www', labels: { tier: 'data' } }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }],
    updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
    ...spec,
  },
});
const pod = (name: string): Pod => ({ metadata: { name, namespace: 'default' } });

describe('stateful_set_utils', () => {
  it('getParentNameAndOrdinal splits at the last dash followed by digits only', () => {
    expect(getParentNameAndOrdinal(pod('web-0'))).toEqual({ parent: 'web', ordinal: 0 });
    expect(getParentNameAndOrdinal(pod('my-db-12'))).toEqual({ parent: 'my-db', ordinal: 12 });
    expect(getParentNameAndOrdinal(pod('web'))).toEqual({ parent: '', ordinal: -1 });
    expect(getParentNameAndOrdinal(pod('web-7854ff8877-x5k2p'))).toEqual({ parent: '', ordinal: -1 });
    expect(getParentNameAndOrdinal(pod('web-99999999999'))).toEqual({ parent: 'web', ordinal: -1 });
    expect(isMemberOf(set(), pod('web-3'))).toBe(true);
    expect(isMemberOf(set(), pod('webapp-3'))).toBe(false);
  });

  it('newStatefulSetPod names the pod, labels it with its name and index, sets hostname/subdomain and mounts its own claim', () => {
    const p = newStatefulSetPod(set(), 2);
    expect(p.metadata).toMatchObject({
      name: 'web-2', generateName: 'web-', namespace: 'default',
      labels: { app: 'nginx', 'statefulset.kubernetes.io/pod-name': 'web-2', 'apps.kubernetes.io/pod-index': '2' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: 'set-uid', controller: true, blockOwnerDeletion: true }],
    });
    expect(p.spec).toMatchObject({ hostname: 'web-2', subdomain: 'nginx' });
    // The claim replaces the template volume of the same name; other volumes stay.
    expect(p.spec?.volumes).toEqual([{ name: 'www', persistentVolumeClaim: { claimName: 'www-web-2' } }, { name: 'cache', emptyDir: {} }]);
    expect(identityMatches(set(), p)).toBe(true);
    expect(storageMatches(set(), p)).toBe(true);
    expect(storageMatches(set(), { ...p, spec: { ...p.spec!, volumes: [] } })).toBe(false);
    expect(identityMatches(set(), { ...p, metadata: { ...p.metadata, labels: {} } })).toBe(false);
  });

  it('getPersistentVolumeClaims names claims <template>-<set>-<ordinal> and adds the selector labels', () => {
    const claim = getPersistentVolumeClaims(set(), pod('web-4')).get('www')!;
    expect(claim.metadata).toEqual({ name: 'www-web-4', namespace: 'default', labels: { tier: 'data', app: 'nginx' } });
    expect(claim.spec).toEqual({ accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } });
  });

  it('newVersionedStatefulSetPod builds ordinals below the partition from the current revision', () => {
    const current = set({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } } });
    const updated = set({ template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } });
    const below = newVersionedStatefulSetPod(current, updated, 'web-old', 'web-new', 1);
    const above = newVersionedStatefulSetPod(current, updated, 'web-old', 'web-new', 2);
    expect([below.metadata?.labels?.['controller-revision-hash'], below.spec?.containers[0].image]).toEqual(['web-old', 'nginx:1.26']);
    expect([above.metadata?.labels?.['controller-revision-hash'], above.spec?.containers[0].image]).toEqual(['web-new', 'nginx:1.27']);
    // OnDelete: every missing pod is built from the update revision.
    const onDelete = set({ updateStrategy: { type: 'OnDelete' } });
    expect(newVersionedStatefulSetPod(onDelete, updated, 'web-old', 'web-new', 0).metadata?.labels?.['controller-revision-hash']).toBe('web-new');
  });

  it('partitionPods slots pods of [start, start+replicas) by ordinal and condemns the rest, highest first', () => {
    const s = set({ replicas: 2, ordinals: { start: 3 } });
    const pods = ['web-1', 'web-4', 'web-9', 'web-3', 'web-5', 'other'].map(pod);
    expect(podInOrdinalRange(pod('web-4'), s)).toBe(true);
    expect(podInOrdinalRange(pod('web-5'), s)).toBe(false);
    const { replicas, condemned } = partitionPods(s, pods);
    expect(replicas.map((p) => p?.metadata?.name)).toEqual(['web-3', 'web-4']);
    expect(condemned.map((p) => p.metadata?.name)).toEqual(['web-9', 'web-5', 'web-1']);
  });
});
