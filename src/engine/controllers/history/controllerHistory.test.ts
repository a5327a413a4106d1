import { describe, expect, it } from 'vitest';
import type { ControllerRevision } from 'kubernetes-types/apps/v1';
import { controllerRevisionName, equalRevision, fnv32, hashControllerRevision, newControllerRevision, sortControllerRevisions } from './controllerHistory';
import { goMarshalSorted } from './goMarshal';
import { utf8 } from '../deployment/util/hash';

const parent = { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'fluentd', namespace: 'kube-system', uid: 'u-1', resourceVersion: '5', creationTimestamp: '2024-01-01T00:00:00Z' } };

describe('pkg/controller/history', () => {
  it('fnv32 is FNV-1 (hash/fnv New32), not FNV-1a', () => {
    // Reference values of the 32-bit FNV-1 hash: "" → offset basis, "a" → 0x050c5d7e.
    expect(fnv32(utf8(''))).toBe(0x811c9dc5);
    expect(fnv32(utf8('a'))).toBe(0x050c5d7e);
    expect(fnv32(utf8('foobar'))).toBe(0x31f0b262);
  });

  it('goMarshalSorted sorts keys and escapes HTML characters as encoding/json does', () => {
    expect(goMarshalSorted({ spec: { b: 1, a: ['x<y', '&'] }, $patch: 'replace' })).toBe('{"$patch":"replace","spec":{"a":["x\\u003cy","\\u0026"],"b":1}}');
  });

  it('ControllerRevisionName truncates the prefix to 223 bytes', () => {
    expect(controllerRevisionName('web', 'abc')).toBe('web-abc');
    expect(controllerRevisionName('x'.repeat(300), 'h')).toHaveLength(225);
  });

  it('names a revision <parent>-<hash> with the hash label, and the probe changes the hash', () => {
    const data = { spec: { template: { $patch: 'replace', metadata: { labels: { app: 'fluentd' } } } } };
    const cr = newControllerRevision(parent, 'apps/v1', 'DaemonSet', { app: 'fluentd' }, data, 1, undefined);
    const hash = cr.metadata!.labels!['controller.kubernetes.io/hash'];
    expect(cr.metadata!.name).toBe(`fluentd-${hash}`);
    expect(hash).toMatch(/^[bcdf4-9]{6,10}$/);
    expect(cr.metadata!.ownerReferences![0]).toMatchObject({ kind: 'DaemonSet', name: 'fluentd', controller: true, blockOwnerDeletion: true });
    expect(hashControllerRevision(cr, 1)).not.toBe(hash);
    expect(hashControllerRevision(cr)).toBe(hash);
  });

  it('equalRevision compares the data bytes; sortControllerRevisions orders by revision then name', () => {
    const a = newControllerRevision(parent, 'apps/v1', 'DaemonSet', {}, { spec: { x: 1 } }, 2, undefined);
    const b = newControllerRevision(parent, 'apps/v1', 'DaemonSet', {}, { spec: { x: 1 } }, 1, undefined);
    const c = newControllerRevision(parent, 'apps/v1', 'DaemonSet', {}, { spec: { x: 2 } }, 1, undefined);
    expect(equalRevision(a, b)).toBe(true);
    expect(equalRevision(a, c)).toBe(false);
    const sorted = sortControllerRevisions([a, b, c] as ControllerRevision[]).map((r) => r.revision);
    expect(sorted).toEqual([1, 1, 2]);
  });
});
