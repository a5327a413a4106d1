// Behaviour of spf13/pflag v1.0.5 as kubectl v1.32 uses it; the error texts are the ones the
// real kubectl prints (see testdata/parse-errors.golden.jsonl for the decorated forms).
import { describe, expect, it } from 'vitest';
import { flag, type FlagSpec } from './flagSpec';
import { parseFlags } from './flagSet';

const specs: FlagSpec[] = [
  flag('replicas', 'int32', 1, { shorthand: 'r' }),
  flag('image', 'stringSlice', []),
  flag('env', 'stringArray', [], { shorthand: 'e' }),
  flag('quiet', 'bool', false, { shorthand: 'q' }),
  flag('stdin', 'bool', false, { shorthand: 'i' }),
  flag('dry-run', 'string', 'none', { noOptDefVal: 'unchanged' }),
  flag('timeout', 'duration', 0),
  flag('namespace', 'string', '', { shorthand: 'n' }),
];

const ok = (argv: string[]) => {
  const r = parseFlags(argv, specs);
  if ('error' in r) throw new Error(r.error);
  return r;
};
const err = (argv: string[]) => {
  const r = parseFlags(argv, specs);
  return 'error' in r ? r.error : undefined;
};

describe('parseFlags (pflag)', () => {
  it('accepts -r3, -r=3, -r 3, --replicas=3, --replicas 3 and base prefixes', () => {
    for (const argv of [['-r3'], ['-r=3'], ['-r', '3'], ['--replicas=3'], ['--replicas', '3']]) expect(ok(argv).values.replicas).toBe(3);
    expect(ok(['--replicas=0x10']).values.replicas).toBe(16);
    expect(ok(['--replicas=010']).values.replicas).toBe(8);
    expect(ok(['--replicas=1_0']).values.replicas).toBe(10);
  });

  it('combines bool shorthands and uses NoOptDefVal for valueless flags', () => {
    const r = ok(['-qi', '--dry-run']);
    expect([r.values.quiet, r.values.stdin, r.values['dry-run']]).toEqual([true, true, 'unchanged']);
    expect(ok(['--quiet=false']).values.quiet).toBe(false);
  });

  it('splits StringSlice values as CSV and appends on repeat; StringArray keeps values whole', () => {
    expect(ok(['--image=a,"b,c"', '--image', 'd']).values.image).toEqual(['a', 'b,c', 'd']);
    expect(ok(['-e', 'A=1,2', '--env=B=3']).values.env).toEqual(['A=1,2', 'B=3']);
  });

  it('keeps positional args interspersed with flags and stops at --', () => {
    const r = ok(['web', '-n', 'x', 'more', '--', '-r', '5']);
    expect(r.args).toEqual(['web', 'more', '-r', '5']);
    expect(r.argsLenAtDash).toBe(2);
    expect(r.values.replicas).toBe(1);
    expect(r.changed).toEqual(['namespace']);
  });

  it('normalises underscores in long flag names', () => {
    expect(ok(['--dry_run=client']).values['dry-run']).toBe('client');
  });

  it('parses Go durations into milliseconds', () => {
    expect(ok(['--timeout=1m30s']).values.timeout).toBe(90_000);
    expect(ok(['--timeout=1.5h']).values.timeout).toBe(5_400_000);
  });

  it('reports pflag errors with kubectl text', () => {
    expect(err(['--bogus'])).toBe('unknown flag: --bogus');
    expect(err(['-x'])).toBe("unknown shorthand flag: 'x' in -x");
    expect(err(['--replicas'])).toBe('flag needs an argument: --replicas');
    expect(err(['-r'])).toBe("flag needs an argument: 'r' in -r");
    expect(err(['-rfoo'])).toBe('invalid argument "foo" for "-r, --replicas" flag: strconv.ParseInt: parsing "foo": invalid syntax');
    expect(err(['--replicas=99999999999'])).toBe(
      'invalid argument "99999999999" for "-r, --replicas" flag: strconv.ParseInt: parsing "99999999999": value out of range',
    );
    expect(err(['--image=a"b'])).toBe('invalid argument "a\\"b" for "--image" flag: parse error on line 1, column 2: bare " in non-quoted-field');
    expect(err(['--timeout=5'])).toBe('invalid argument "5" for "--timeout" flag: time: missing unit in duration "5"');
    expect(err(['--timeout=5q'])).toBe('invalid argument "5q" for "--timeout" flag: time: unknown unit "q" in duration "5q"');
    expect(err(['--=x'])).toBe('bad flag syntax: --=x');
  });
});
