import { describe, expect, it } from 'vitest';
import { applyStrategicMergePatch } from './strategicMerge';
import { applyMergePatch } from './mergePatch';

describe('strategic merge patch (kubectl set image, label, scale)', () => {
  const deployment = {
    spec: {
      replicas: 1,
      template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.25', ports: [{ containerPort: 80 }] }, { name: 'side', image: 'busybox' }] } },
    },
  };

  it('merges containers by name, keeping the others', () => {
    const out = applyStrategicMergePatch(deployment, { spec: { template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.26' }] } } } }) as typeof deployment;
    expect(out.spec.template.spec.containers).toEqual([
      { name: 'nginx', image: 'nginx:1.26', ports: [{ containerPort: 80 }] },
      { name: 'side', image: 'busybox' },
    ]);
  });

  it('deletes a list item with $patch: delete and a field with null', () => {
    const out = applyStrategicMergePatch(deployment, { spec: { replicas: null, template: { spec: { containers: [{ name: 'side', $patch: 'delete' }] } } } }) as Record<string, any>;
    expect(out.spec.replicas).toBeUndefined();
    expect(out.spec.template.spec.containers.map((c: { name: string }) => c.name)).toEqual(['nginx']);
  });

  it('merges Service ports by port', () => {
    const service = { spec: { ports: [{ port: 80, targetPort: 8080 }] } };
    const out = applyStrategicMergePatch(service, { spec: { ports: [{ port: 80, nodePort: 30080 }] } }, 'Service') as Record<string, any>;
    expect(out.spec.ports).toEqual([{ port: 80, targetPort: 8080, nodePort: 30080 }]);
  });

  it('removes values from a primitive list with $deleteFromPrimitiveList (the Job controller dropping its finalizer)', () => {
    const pod = { metadata: { finalizers: ['batch.kubernetes.io/job-tracking', 'example.com/keep'] } };
    const out = applyStrategicMergePatch(pod, { metadata: { '$deleteFromPrimitiveList/finalizers': ['batch.kubernetes.io/job-tracking'] } }) as typeof pod;
    expect(out.metadata.finalizers).toEqual(['example.com/keep']);
  });

  it('RFC 7386 merge patch replaces lists', () => {
    expect(applyMergePatch({ a: [1, 2], b: { c: 1 } }, { a: [3], b: { c: null, d: 2 } })).toEqual({ a: [3], b: { d: 2 } });
  });
});
