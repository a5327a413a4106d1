import { describe, expect, it } from 'vitest';
import { applyStrategicMergePatch } from '../../apiserver/patch/strategicMerge';
import { createThreeWayMergePatch, createTwoWayMergePatch } from './mergePatch';

const deployment = (image: string, replicas?: number) => ({
  metadata: { name: 'web', labels: { app: 'web' } },
  spec: { ...(replicas === undefined ? {} : { replicas }), template: { spec: { containers: [{ name: 'nginx', image }, { name: 'side', image: 'busybox' }] } } },
});

describe('client-side patches (kubectl set image, apply)', () => {
  it('sends only the changed container, keyed by name, like CreateTwoWayMergePatch', () => {
    expect(createTwoWayMergePatch(deployment('nginx:1.25'), deployment('nginx:1.26'), 'Deployment')).toEqual({
      spec: { template: { spec: { '$setElementOrder/containers': [{ name: 'nginx' }, { name: 'side' }], containers: [{ image: 'nginx:1.26', name: 'nginx' }] } } },
    });
    expect(createTwoWayMergePatch(deployment('nginx:1.25'), deployment('nginx:1.25'))).toBeUndefined();
  });

  it('round-trips: applying the two-way patch to the original gives the modified object', () => {
    const before = deployment('nginx:1.25', 3);
    const after = { ...deployment('nginx:1.27'), metadata: { name: 'web', labels: { tier: 'fe' } } };
    const patch = createTwoWayMergePatch(before, after, 'Deployment');
    expect(applyStrategicMergePatch(before, patch, 'Deployment')).toEqual(after);
  });

  it('three-way patch deletes what the last applied config had and the file dropped, keeps live-only fields', () => {
    const lastApplied = deployment('nginx:1.25', 3);
    const file = deployment('nginx:1.25');
    const live = { ...deployment('nginx:1.25', 3), status: { replicas: 3 } };
    const patch = createThreeWayMergePatch(lastApplied, file, live, 'Deployment');
    expect(patch).toEqual({ spec: { replicas: null } });
    expect(applyStrategicMergePatch(live, patch, 'Deployment')).toEqual({ ...file, status: { replicas: 3 } });
  });
});
