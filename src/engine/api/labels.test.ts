import { describe, expect, it } from 'vitest';
import { fromLabelSelector, matches, parseSelector } from './labels';

// Cases in the spirit of apimachinery pkg/labels selector_test.go TestSelectorMatches.
describe('label selectors', () => {
  const sel = (text: string) => {
    const parsed = parseSelector(text);
    if (!parsed.ok) throw new Error(parsed.error);
    return parsed.selector;
  };
  it.each([
    ['', { x: 'y' }, true],
    ['x=y', { x: 'y' }, true],
    ['x==y', { x: 'y' }, true],
    ['x=y', { x: 'z' }, false],
    ['x!=y', {}, true],
    ['x!=y', { x: 'y' }, false],
    ['x in (a,b)', { x: 'b' }, true],
    ['x notin (a,b)', { x: 'c' }, true],
    ['x', { x: '' }, true],
    ['!x', { x: '' }, false],
    ['x=y,z=w', { x: 'y', z: 'w' }, true],
    ['x=y,z=w', { x: 'y' }, false],
  ] as const)('%s matches %j: %s', (text, labels, expected) => {
    expect(matches(sel(text), labels as Record<string, string>)).toBe(expected);
  });

  it('converts matchLabels and matchExpressions', () => {
    const selector = fromLabelSelector({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['db'] }] });
    expect(matches(selector, { app: 'web', tier: 'fe' })).toBe(true);
    expect(matches(selector, { app: 'web', tier: 'db' })).toBe(false);
  });
});
