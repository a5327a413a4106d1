import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import naming from '../testdata/naming_cases.json';
import { computeHash, fnv32a, safeEncodeString } from './hash';

// SafeEncodeString cases from naming_facts.json (apimachinery pkg/util/rand); the pod-template-hash
// shape rules from pkg/controller/controller_utils.go ComputeHash.
describe('safeEncodeString', () => {
  it.each(naming.cases)('$input → $expectedSafeEncode', (c) => {
    expect(safeEncodeString(c.input)).toBe(c.expectedSafeEncode);
  });

  it('hashes empty input to the FNV-32a offset basis 2166136261', () => {
    expect(fnv32a([])).toBe(2166136261);
  });
});

describe('computeHash', () => {
  const template: PodTemplateSpec = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } };

  it('yields 1-10 characters from 456789bcdf only', () => {
    for (const image of ['nginx:1.25', 'nginx:1.27', 'busybox', 'redis:7']) {
      const hash = computeHash({ ...template, spec: { containers: [{ name: 'c', image }] } });
      expect(hash).toMatch(/^[456789bcdf]{1,10}$/);
    }
  });

  it('is stable under key order and changes with the template or the collision count', () => {
    const reordered: PodTemplateSpec = { spec: { containers: [{ image: 'nginx:1.27', name: 'nginx' }] }, metadata: { labels: { app: 'web' } } };
    expect(computeHash(reordered)).toBe(computeHash(template));
    expect(computeHash({ ...template, metadata: { labels: { app: 'api' } } })).not.toBe(computeHash(template));
    expect(computeHash(template, 1)).not.toBe(computeHash(template));
    expect(computeHash(template, 0)).not.toBe(computeHash(template));
  });
});
