// diff against GNU diffutils 3.8: src/tools/fixtures/gnu_diff.py ran `diff a b` and
// `diff -u --label a --label b a b` on YAML manifests with changes, insertions, deletions,
// duplicated lines and missing final newlines (testdata/diff.golden.json).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffTexts, diffStamp, type DiffOptions } from './diff';
import { diff } from './diff';

interface Golden {
  case: string;
  a: string;
  b: string;
  exit: number;
  normal: string;
  unified: string;
}

const GOLDEN: Golden[] = JSON.parse(readFileSync(new URL('./testdata/diff.golden.json', import.meta.url), 'utf8'));

function run(g: Golden, unified: number | undefined): { exit: number; out: string } {
  let out = '';
  const options: DiffOptions = { unified, brief: false, newFile: false, stamp: () => '' };
  const exit = diffTexts(['a', 'b'], [g.a, g.b], options, (t) => (out += t));
  // With --label, GNU diff prints the label without a time.
  return { exit, out: out.replace(/^(---|\+\+\+) (\w)\t\n/gm, '$1 $2\n') };
}

describe('diff (GNU diffutils 3.8 analyze.c / normal.c / context.c)', () => {
  for (const g of GOLDEN) {
    it(`${g.case}: normal and unified output`, () => {
      expect(run(g, undefined)).toEqual({ exit: g.exit, out: g.normal });
      expect(run(g, 3)).toEqual({ exit: g.exit, out: g.unified });
    });
  }

  it('reads the terminal files, stamps unified headers with the clock and reports missing files', () => {
    const files: Record<string, string> = { 'a.yaml': 'x\n', 'b.yaml': 'y\n' };
    let out = '';
    let err = '';
    const io = { out: (t: string) => (out += t), err: (t: string) => (err += t), readFile: (p: string) => files[p], nowMs: () => Date.UTC(2026, 10, 24, 11, 20, 57, 123) };
    const made = diff(['-u', 'a.yaml', 'b.yaml'], io);
    if ('error' in made) throw new Error(made.error);
    expect(made.end()).toBe(1);
    expect(out).toBe('--- a.yaml\t2026-11-24 11:20:57.123000000 +0000\n+++ b.yaml\t2026-11-24 11:20:57.123000000 +0000\n@@ -1 +1 @@\n-x\n+y\n');
    const missing = diff(['a.yaml', 'c.yaml'], io);
    if ('error' in missing) throw new Error(missing.error);
    expect(missing.end()).toBe(2);
    expect(err).toBe('diff: c.yaml: No such file or directory\n');
    expect(diffStamp(0)).toBe('1970-01-01 00:00:00.000000000 +0000');
  });
});
