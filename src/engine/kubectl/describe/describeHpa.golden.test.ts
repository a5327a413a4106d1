// Byte-for-byte comparison with the real kubectl v1.32.4 for `kubectl describe hpa`:
// testdata/describe-hpa holds HPAs and events (cluster.json) and what kubectl printed for them,
// produced by src/tools/fixtures/describe/generate_hpa.py.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe as suite, expect, it } from 'vitest';
import { fromRFC3339 } from '../../sim/time';
import type { KubeObject } from '../printers/table/types';
import { describe, lookupFromObjects } from './index';

const DIR = join(__dirname, '..', 'testdata', 'describe-hpa');
const cluster = JSON.parse(readFileSync(join(DIR, 'cluster.json'), 'utf8')) as { metadata: { k8simNow: string }; items: KubeObject[] };
const cases = (JSON.parse(readFileSync(join(DIR, 'cases.json'), 'utf8')) as { cases: Array<{ name: string; args: string[] }> }).cases;

suite('kubectl describe hpa golden fixtures (real kubectl v1.32.4)', () => {
  const lookup = lookupFromObjects(cluster.items);
  const nowMs = fromRFC3339(cluster.metadata.k8simNow);
  it.each(cases.map((c) => [c.name, c.args] as const))('%s', (name, args) => {
    const result = describe('horizontalpodautoscalers', 'default', args[2], lookup, { nowMs });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(readFileSync(join(DIR, `${name}.txt`), 'utf8'));
  });
});
