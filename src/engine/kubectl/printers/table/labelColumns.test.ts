// formatLabelHeaders / appendLabelCells rules from k8s.io/cli-runtime pkg/printers/tableprinter.go.
import { describe, expect, it } from 'vitest';
import { labelColumnCells, labelColumnHeaders } from './labelColumns';

describe('label columns (-L)', () => {
  it('heads each column with the key after its last slash, upper-cased, LABELS last', () => {
    expect(labelColumnHeaders(['app', 'app.kubernetes.io/name', 'a/b/c'], true)).toEqual(['APP', 'NAME', 'C', 'LABELS']);
    expect(labelColumnHeaders([], false)).toEqual([]);
  });

  it('fills the value, or an empty cell for a missing key (keys are case-sensitive)', () => {
    expect(labelColumnCells({ app: 'web', tier: '' }, ['app', 'App', 'tier', 'missing'], false)).toEqual(['web', '', '', '']);
    expect(labelColumnCells(undefined, ['app'], true)).toEqual(['', '<none>']);
    expect(labelColumnCells({ b: '2', a: '1' }, [], true)).toEqual(['a=1,b=2']);
  });
});
