import { describe, expect, it } from 'vitest';
import { testTerminal } from './testTerminal';

// Expected outputs are GNU bash 5.2.15's (`bash -c "echo WORD"` on this machine).
const CASES: Array<[string, string]> = [
  ['{1..3}', '1 2 3'],
  ['{01..10..3}', '01 04 07 10'],
  ['{5..1}', '5 4 3 2 1'],
  ['{a..e}', 'a b c d e'],
  ['{x,y,z}', 'x y z'],
  ['pre{a,b}post', 'preapost prebpost'],
  ['{a,b}{1,2}', 'a1 a2 b1 b2'],
  ['{a,b{1,2}}', 'a b1 b2'],
  ['{}', '{}'],
  ['{a}', '{a}'],
  ['web-{1..2}.yaml', 'web-1.yaml web-2.yaml'],
  ['"{1..3}"', '{1..3}'],
  ['{1..10..4}', '1 5 9'],
  ['{c..a}', 'c b a'],
  ['{-2..2}', '-2 -1 0 1 2'],
];

describe('brace expansion (bash(1) "Brace Expansion")', () => {
  for (const [word, expected] of CASES) {
    it(`echo ${word}`, () => {
      const { run } = testTerminal(() => ({}));
      expect(run(`echo ${word}`).stdout).toBe(`${expected}\n`);
    });
  }

  it('makes the words of a for loop', () => {
    const { run } = testTerminal(() => ({}));
    expect(run('for i in {1..3}; do echo "pod-$i"; done').stdout).toBe('pod-1\npod-2\npod-3\n');
  });
});

describe('seq (GNU coreutils 9.1, outputs from this machine)', () => {
  it('counts as seq does', () => {
    const { run } = testTerminal(() => ({}));
    expect(run('seq 3').stdout).toBe('1\n2\n3\n');
    expect(run("seq 1 2 7 | tr '\\n' ,").stdout).toBe('1,3,5,7,');
    expect(run("seq -s ' ' 3").stdout).toBe('1 2 3\n');
    expect(run('seq -w 8 10').stdout).toBe('08\n09\n10\n');
    expect(run('seq 5 -1 3').stdout).toBe('5\n4\n3\n');
    expect(run('seq 5 1').stdout).toBe('');
    expect(run('seq')).toMatchObject({ exit: 1, stderr: "seq: missing operand\nTry 'seq --help' for more information.\n" });
    expect(run('seq x').stderr).toBe("seq: invalid floating point argument: ‘x’\nTry 'seq --help' for more information.\n");
  });
});
