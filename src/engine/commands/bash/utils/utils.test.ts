import { describe, expect, it } from 'vitest';
import { UTILITIES } from '.';

const PODS = `NAME                     READY   STATUS    RESTARTS   AGE
web-7d4b9c8f5d-abcde     1/1     Running   0          5m
web-7d4b9c8f5d-fghij     0/1     Pending   0          5m
db-0                     1/1     Running   2          1h
`;

/** run feeds `input` to one utility as a pipe would and returns what it printed and its status. */
function run(name: string, args: string[], input = PODS, files: Record<string, string> = {}) {
  let out = '';
  let err = '';
  const made = UTILITIES[name](args, { out: (t) => (out += t), err: (t) => (err += t), readFile: (p) => files[p] });
  if ('error' in made) return { out, err: made.error, status: made.status };
  made.write(input);
  const status = made.end();
  return { out, err, status };
}

describe('grep (GNU grep 3)', () => {
  it('selects lines with basic regular expressions, where + ( ) | are literal', () => {
    expect(run('grep', ['Running']).out).toBe(`${PODS.split('\n')[1]}\n${PODS.split('\n')[3]}\n`);
    expect(run('grep', ['-c', 'web-.*']).out).toBe('2\n');
    expect(run('grep', ['a+b'], 'aab\na+b\n').out).toBe('a+b\n');
    expect(run('grep', ['-E', 'a+b'], 'aab\na+b\n').out).toBe('aab\n');
    expect(run('grep', ['-E', 'Pending|db'], PODS).out.split('\n').length).toBe(3);
  });

  it('supports -v -i -n -w -o -x -q and -e', () => {
    expect(run('grep', ['-v', 'NAME\\|web']).out).toMatch(/^db-0 /);
    expect(run('grep', ['-in', 'PENDING']).out).toMatch(/^3:web-7d4b9c8f5d-fghij/);
    expect(run('grep', ['-w', 'web'], 'web-1\nweb\nwebsite\n').out).toBe('web-1\nweb\n');
    expect(run('grep', ['-o', '[0-9]/[0-9]']).out).toBe('1/1\n0/1\n1/1\n');
    expect(run('grep', ['-x', 'web'], 'web-1\nweb\n').out).toBe('web\n');
    expect(run('grep', ['-q', 'db'])).toEqual({ out: '', err: '', status: 0 });
    expect(run('grep', ['-e', 'db', '-e', 'Pending']).out.split('\n').filter(Boolean)).toHaveLength(2);
  });

  it('exits 1 without a match and 2 on usage errors', () => {
    expect(run('grep', ['nothing']).status).toBe(1);
    expect(run('grep', [])).toEqual({ out: '', err: "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n", status: 2 });
    expect(run('grep', ['-Z', 'x']).err).toBe("grep: invalid option -- 'Z'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n");
    expect(run('grep', ['x', 'missing.yaml'])).toEqual({ out: '', err: 'grep: missing.yaml: No such file or directory\n', status: 2 });
  });

  it('prints context lines with -A and -B, separated by --', () => {
    expect(run('grep', ['-A1', 'b'], 'a\nb\nc\nd\ne\nb\n').out).toBe('b\nc\n--\nb\n');
    expect(run('grep', ['-B', '1', 'c'], 'a\nb\nc\n').out).toBe('b\nc\n');
  });
});

describe('awk (mawk)', () => {
  it('prints fields, skips the header with NR>1 and filters by pattern', () => {
    expect(run('awk', ['{print $1}']).out).toBe('NAME\nweb-7d4b9c8f5d-abcde\nweb-7d4b9c8f5d-fghij\ndb-0\n');
    expect(run('awk', ['NR>1 {print $1, $3}']).out).toBe('web-7d4b9c8f5d-abcde Running\nweb-7d4b9c8f5d-fghij Pending\ndb-0 Running\n');
    expect(run('awk', ['$3 == "Running" { print $1 }']).out).toBe('web-7d4b9c8f5d-abcde\ndb-0\n');
    expect(run('awk', ['/Pending/']).out).toBe(`${PODS.split('\n')[2]}\n`);
    expect(run('awk', ['NR>1 && $4 > 1 {print $1 ":" $4}']).out).toBe('db-0:2\n');
    expect(run('awk', ['{print $NF; print $(NF-1)}'], 'a b c\n').out).toBe('c\nb\n');
  });

  it('runs BEGIN and END and printf, with -F', () => {
    expect(run('awk', ['BEGIN {print "NAME"} {print $2}'], 'a 1\n').out).toBe('NAME\n1\n');
    expect(run('awk', ['-F:', '{print $2} END {printf "%d lines\\n", NR}'], 'a:1\nb:2\n').out).toBe('1\n2\n2 lines\n');
  });

  it('reports a syntax error as mawk does', () => {
    expect(run('awk', ['{print $1']).err).toBe('awk: line 1: syntax error at or near end of file\n');
  });
});

describe('line tools', () => {
  it('head and tail pick lines', () => {
    expect(run('head', ['-n', '2']).out).toBe(PODS.split('\n').slice(0, 2).join('\n') + '\n');
    expect(run('head', ['-1']).out).toBe(PODS.split('\n')[0] + '\n');
    expect(run('tail', ['-n', '+2']).out).toBe(PODS.split('\n').slice(1).join('\n'));
    expect(run('tail', ['-1']).out).toBe(PODS.split('\n')[3] + '\n');
    expect(run('head', ['-n', 'x']).err).toBe('head: invalid number of lines: ‘x’\n');
  });

  it('wc counts as GNU wc prints a pipe', () => {
    expect(run('wc', ['-l']).out).toBe('4\n');
    expect(run('wc', [], 'a b\nc\n').out).toBe('      2       3       6\n');
  });

  it('sort orders lines (-r -n -k -u) and uniq groups them (-c)', () => {
    expect(run('sort', [], 'b\na\nc\n').out).toBe('a\nb\nc\n');
    expect(run('sort', ['-rn'], '10\n9\n100\n').out).toBe('100\n10\n9\n');
    expect(run('sort', ['-k2', '-n'], 'x 3\ny 1\nz 2\n').out).toBe('y 1\nz 2\nx 3\n');
    expect(run('uniq', ['-c'], 'a\na\nb\n').out).toBe('      2 a\n      1 b\n');
    expect(run('sort', ['-u'], 'b\na\nb\n').out).toBe('a\nb\n');
  });

  it('cut selects fields and characters', () => {
    expect(run('cut', ['-d', '-', '-f1'], 'web-1\ndb\n').out).toBe('web\ndb\n');
    expect(run('cut', ['-c1-3'], 'abcdef\n').out).toBe('abc\n');
    expect(run('cut', ['-f', '2-'], 'a\tb\tc\n').out).toBe('b\tc\n');
    expect(run('cut', ['-d', ':']).status).toBe(1);
  });

  it('tr translates, deletes and squeezes', () => {
    expect(run('tr', ['a-z', 'A-Z'], 'web\n').out).toBe('WEB\n');
    expect(run('tr', ['-d', '\\n'], 'a\nb\n').out).toBe('ab');
    expect(run('tr', ['-s', ' '], 'a    b\n').out).toBe('a b\n');
  });

  it('base64 encodes and decodes what kubectl prints of a Secret', () => {
    expect(run('base64', [], 'admin').out).toBe('YWRtaW4=\n');
    expect(run('base64', ['-d'], 'YWRtaW4=').out).toBe('admin');
    expect(run('base64', ['--decode'], 'UyFCXCpkJHpEc2I9').out).toBe('S!B\\*d$zDsb=');
    expect(run('base64', ['-d'], 'not base64!')).toEqual({ out: '', err: 'base64: invalid input\n', status: 1 });
  });

  it('cat numbers lines and reads files', () => {
    expect(run('cat', ['-n'], 'a\nb\n').out).toBe('     1\ta\n     2\tb\n');
    expect(run('cat', ['web.yaml'], '', { 'web.yaml': 'kind: Pod\n' }).out).toBe('kind: Pod\n');
  });
});
