// Byte-for-byte comparison with the real kubectl v1.32.4: testdata/describe holds a cluster
// (cluster.json) and the text `kubectl describe` printed for it (<case>.txt), produced by
// src/tools/fixtures/describe/generate.py. The sim clock is the fixture's `metadata.k8simNow`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe as suite, expect, it } from 'vitest';
import { fromRFC3339 } from '../../sim/time';
import type { KubeObject } from '../printers/table/types';
import { describe, lookupFromObjects, type DescribableResource } from './index';

const DIR = join(__dirname, '..', 'testdata', 'describe');
const cluster = JSON.parse(readFileSync(join(DIR, 'cluster.json'), 'utf8')) as { metadata: { k8simNow: string }; items: KubeObject[] };
const cases = (JSON.parse(readFileSync(join(DIR, 'cases.json'), 'utf8')) as { cases: Array<{ name: string; args: string[] }> }).cases;

/** RESOURCE_ARGS maps kubectl's resource argument (singular or plural) to the plural resource. */
const RESOURCE_ARGS: Record<string, DescribableResource> = {
  pod: 'pods', pods: 'pods', deployment: 'deployments', replicaset: 'replicasets', node: 'nodes',
  service: 'services', namespace: 'namespaces', configmap: 'configmaps',
};

suite('kubectl describe golden fixtures (real kubectl v1.32.4)', () => {
  const lookup = lookupFromObjects(cluster.items);
  const nowMs = fromRFC3339(cluster.metadata.k8simNow);
  const describeCases = cases.filter((c) => c.args[0] === 'describe').map((c) => [c.name, c.args.slice(1)] as const);
  it.each(describeCases)('%s', (name, args) => {
    const expected = readFileSync(join(DIR, `${name}.txt`), 'utf8');
    const result = describe(RESOURCE_ARGS[args[0]], 'default', args[1], lookup, { nowMs });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(expected);
  });
});
