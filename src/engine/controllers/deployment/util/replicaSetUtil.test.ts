import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { equalIgnoreHash, findNewReplicaSet, getReplicaSetFraction } from './replicaSetUtil';

const template = (image: string, hash?: string): PodTemplateSpec => {
  const labels: Record<string, string> = { app: 'web' };
  if (hash) labels['pod-template-hash'] = hash;
  return { metadata: { labels }, spec: { containers: [{ name: 'c', image }] } };
};

function rs(name: string, image: string, created: string): ReplicaSet {
  return { metadata: { name, creationTimestamp: created, uid: name }, spec: { replicas: 1, selector: {}, template: template(image, name.slice(4)) } };
}

describe('equalIgnoreHash / findNewReplicaSet (deployment_util_test.go TestEqualIgnoreHash, TestFindNewReplicaSet)', () => {
  it('ignores only the pod-template-hash label, and treats empty and missing maps alike', () => {
    expect(equalIgnoreHash(template('nginx', 'abc'), template('nginx'))).toBe(true);
    expect(equalIgnoreHash(template('nginx', 'abc'), template('nginx:2'))).toBe(false);
    expect(equalIgnoreHash({ metadata: { labels: {} }, spec: { containers: [] } }, { spec: { containers: [] } })).toBe(true);
  });

  it('picks the oldest ReplicaSet with the deployment template', () => {
    const d: Deployment = { metadata: { name: 'web' }, spec: { selector: {}, template: template('nginx') } };
    const older = rs('web-5d59d67564', 'nginx', '2025-01-01T00:00:00Z');
    const newer = rs('web-66b6c48dd5', 'nginx', '2025-01-01T00:05:00Z');
    const other = rs('web-7854ff8877', 'nginx:2', '2025-01-01T00:01:00Z');
    expect(findNewReplicaSet(d, [newer, other, older])?.metadata?.name).toBe('web-5d59d67564');
  });
});

describe('getReplicaSetFraction', () => {
  it('rounds half away from zero (integer.RoundToInt32)', () => {
    const d: Deployment = { spec: { replicas: 5, selector: {}, template: {}, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 1 } } } };
    const half: ReplicaSet = { metadata: { annotations: { 'deployment.kubernetes.io/max-replicas': '2' } }, spec: { replicas: 1, selector: {} } };
    expect(getReplicaSetFraction(half, d)).toBe(2);
  });
});
