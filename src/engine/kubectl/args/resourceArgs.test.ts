// Aliases are those a v1.32 apiserver advertises in discovery (`kubectl api-resources`); the
// builder error texts are the ones kubectl v1.32.4 printed (testdata/parse-errors.golden.jsonl).
import { describe, expect, it } from 'vitest';
import { resolveResourceArgs } from './resourceArgs';
import { lookupResourceType } from './resources';

describe('lookupResourceType', () => {
  it.each([
    ['po', 'pods'], ['pod', 'pods'], ['Pods', 'pods'], ['deploy', 'deployments'], ['deployments.apps', 'deployments'],
    ['deploy.v1.apps', 'deployments'], ['svc', 'services'], ['rs', 'replicasets'], ['ns', 'namespaces'], ['no', 'nodes'],
    ['ev', 'events'], ['cm', 'configmaps'], ['hpa', 'horizontalpodautoscalers'], ['sts', 'statefulsets'], ['ds', 'daemonsets'],
    ['cj', 'cronjobs'], ['pdb', 'poddisruptionbudgets'], ['pc', 'priorityclasses'], ['quota', 'resourcequotas'], ['ep', 'endpoints'],
  ])('%s → %s', (typed, plural) => {
    expect(lookupResourceType(typed)?.plural).toBe(plural);
  });

  it('knows kind, apiVersion and scope', () => {
    const t = lookupResourceType('deploy');
    expect([t?.kind, t?.apiVersion, t?.namespaced]).toEqual(['Deployment', 'apps/v1', true]);
    expect(lookupResourceType('no')?.namespaced).toBe(false);
    expect(lookupResourceType('deployments.batch')).toBeUndefined();
  });
});

describe('resolveResourceArgs', () => {
  const names = (args: string[]) => {
    const r = resolveResourceArgs(args, { selector: false });
    if (r instanceof Error || r.kind !== 'names') throw new Error(String(r instanceof Error ? r.message : r.kind));
    return r.items.map((i) => `${i.type.plural}/${i.name}`);
  };

  it('accepts TYPE NAME..., TYPE/NAME... and TYPE1,TYPE2 NAME', () => {
    expect(names(['deploy', 'a', 'b'])).toEqual(['deployments/a', 'deployments/b']);
    expect(names(['po/a', 'svc/b'])).toEqual(['pods/a', 'services/b']);
    expect(names(['po,svc', 'web'])).toEqual(['pods/web', 'services/web']);
  });

  it('selects whole types with a selector or when empty selectors are allowed', () => {
    const r = resolveResourceArgs(['pods'], { selector: false, allowEmptySelector: true });
    expect(r instanceof Error ? r.message : r.kind).toBe('selector');
  });

  it('fails like the resource builder', () => {
    const msg = (args: string[], selector = false) => (resolveResourceArgs(args, { selector }) as Error).message;
    expect(msg(['pods'])).toBe('resource(s) were provided, but no name was specified');
    expect(msg(['pods', 'a'], true)).toBe('name cannot be provided when a selector is specified');
    expect(msg(['pod/a'], true)).toBe('selectors and the all flag cannot be used when passing resource/name arguments');
    expect(msg([], true)).toBe('at least one resource must be specified to use a selector');
    expect(msg(['foo', 'a'])).toBe('the server doesn\'t have a resource type "foo"');
  });
});
