// `kubectl rollout history` / `rollout status` against the real kubectl v1.32.4 output recorded by
// src/tools/fixtures/describe/generate.py for the fixture cluster (testdata/describe).
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Deployment } from 'kubernetes-types/apps/v1';
import { describe, expect, it } from 'vitest';
import { lookupFromObjects } from '../../describe/lookup';
import type { KubeObject } from '../table/types';
import { rolloutHistory } from './rolloutHistory';
import { deploymentRolloutStatus } from './rolloutStatus';

const DIR = join(__dirname, '..', '..', 'testdata', 'describe');
const cluster = JSON.parse(readFileSync(join(DIR, 'cluster.json'), 'utf8')) as { items: KubeObject[] };
const cases = (JSON.parse(readFileSync(join(DIR, 'cases.json'), 'utf8')) as { cases: Array<{ name: string; args: string[] }> }).cases;
const lookup = lookupFromObjects(cluster.items);
const deploymentNamed = (ref: string) => cluster.items.find((o) => o.kind === 'Deployment' && o.metadata?.name === ref.replace('deployment/', '')) as Deployment;
const expected = (name: string, suffix: string) => {
  const path = join(DIR, `${name}${suffix}`);
  return existsSync(path) ? readFileSync(path, 'utf8') : '';
};

describe('kubectl rollout golden fixtures (real kubectl v1.32.4)', () => {
  const history = cases.filter((c) => c.args[0] === 'rollout' && c.args[1] === 'history');
  it.each(history.map((c) => [c.name, c.args] as const))('%s', (name, args) => {
    const revisionArg = args.find((a) => a.startsWith('--revision='));
    const result = rolloutHistory(deploymentNamed(args[2]), lookup, revisionArg ? Number(revisionArg.split('=')[1]) : 0);
    expect(result).toEqual({ stdout: expected(name, '.txt'), stderr: expected(name, '.stderr.txt') });
  });
  const status = cases.filter((c) => c.args[0] === 'rollout' && c.args[1] === 'status');
  it.each(status.map((c) => [c.name, c.args] as const))('%s', (name, args) => {
    expect(deploymentRolloutStatus(deploymentNamed(args[2])).message).toBe(expected(name, '.txt'));
  });
});
