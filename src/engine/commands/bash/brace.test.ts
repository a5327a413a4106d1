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

describe('arithmetic expansion $((…)) (bash 5.2.15 outputs from this machine)', () => {
  it('computes on integers with variables by name or $NAME', () => {
    const { run } = testTerminal(() => ({}));
    expect(run('echo $((2+3*4)) $((10%3)) $((2**10)) $((7/2)) $(( (1+2)*3 )) $((010)) $((0x10)) $((5>3)) $((-3+1))').stdout).toBe('14 1 1024 3 9 8 16 1 -2\n');
    expect(run('N=3; echo $((N*2)) $(($N+1)) $((M+1))').stdout).toBe('6 4 1\n');
    expect(run('for i in $(seq 3); do echo $((i*i)); done').stdout).toBe('1\n4\n9\n');
  });

  it('aborts the line on a bad expression with bash’s message', () => {
    const { run } = testTerminal(() => ({}));
    expect(run('echo $((1/0)); echo after')).toMatchObject({ exit: 1, stdout: '', stderr: 'bash: 1/0: division by 0 (error token is "0")\n' });
    expect(run('echo $((1+))').stderr).toBe('bash: 1+: syntax error: operand expected (error token is "+")\n');
  });
});
