import { describe, expect, it } from 'vitest';
import type { ControllerRevision, StatefulSet } from 'kubernetes-types/apps/v1';
import type { Stored } from '../../api/object';
import { goMarshalSorted } from '../history/goMarshal';
import { applyRevision, getPatch, newRevision, nextRevision } from './revision';

const set = (image: string): Stored<StatefulSet> => ({
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: 'web', namespace: 'default', uid: 'set-uid', annotations: { team: 'storage' } },
  spec: {
    serviceName: 'nginx',
    replicas: 3,
    selector: { matchLabels: { app: 'nginx' } },
    template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image }] } },
  },
});

describe('statefulset revisions', () => {
  it('getPatch keeps only the template, marked $patch: replace', () => {
    expect(goMarshalSorted(getPatch(set('nginx:1.26')))).toBe('{"spec":{"template":{"$patch":"replace","metadata":{"labels":{"app":"nginx"}},"spec":{"containers":[{"image":"nginx:1.26","name":"nginx"}]}}}}');
  });

  it('newRevision is named <set>-<hash>, labelled like the template, and carries the set annotations', () => {
    const cr = newRevision(set('nginx:1.26'), 1, 0);
    const hash = cr.metadata?.labels?.['controller.kubernetes.io/hash'];
    expect(cr.metadata).toMatchObject({ name: `web-${hash}`, labels: { app: 'nginx' }, annotations: { team: 'storage' } });
    expect(cr.metadata?.ownerReferences?.[0]).toMatchObject({ kind: 'StatefulSet', name: 'web', controller: true });
    expect(cr.revision).toBe(1);
    // The collision count is part of the hash, and so is the template.
    expect(newRevision(set('nginx:1.26'), 1, 1).metadata?.name).not.toBe(cr.metadata?.name);
    expect(newRevision(set('nginx:1.27'), 1, 0).metadata?.name).not.toBe(cr.metadata?.name);
    expect(newRevision(set('nginx:1.26'), 7, 0).metadata?.name).toBe(cr.metadata?.name);
  });

  it('applyRevision puts the saved template back and leaves the rest of the set', () => {
    const old = newRevision(set('nginx:1.26'), 1, 0);
    const current = { ...set('nginx:1.27'), spec: { ...set('nginx:1.27').spec!, replicas: 5 } };
    const restored = applyRevision(current, old);
    expect(restored.spec?.template.spec?.containers[0].image).toBe('nginx:1.26');
    expect(restored.spec?.replicas).toBe(5);
    expect(JSON.stringify(restored)).not.toContain('$patch');
    expect(current.spec.template.spec?.containers[0].image).toBe('nginx:1.27');
  });

  it('nextRevision is one past the highest', () => {
    expect(nextRevision([])).toBe(1);
    expect(nextRevision([{ revision: 1 }, { revision: 4 }] as ControllerRevision[])).toBe(5);
  });
});
