import { describe, expect, it } from 'vitest';
import { testTerminal } from './testTerminal';

function terminal() {
  return testTerminal(() => ({}));
}

// bash's compound commands (for, while, until, if) and the test builtin, as typed at a prompt.
describe('compound commands', () => {
  it('runs for loops over words and expansions, into pipes and redirects', () => {
    const { run } = terminal();
    expect(run('for i in 1 2 3; do echo "n=$i"; done | sort -r').stdout).toBe('n=3\nn=2\nn=1\n');
    expect(run('L="a b"; for x in $L c; do echo $x; done; echo "last=$x"').stdout).toBe('a\nb\nc\nlast=c\n');
    expect(run('for f in x y\ndo\n  echo line $f\ndone > out.txt; cat out.txt').stdout).toBe('line x\nline y\n');
    expect(run('for x in; do echo never; done; echo after').stdout).toBe('after\n');
  });

  it('chooses if/elif/else branches by exit status', () => {
    const { run } = terminal();
    expect(run('if false; then echo a; elif true; then echo b; else echo c; fi').stdout).toBe('b\n');
    expect(run('if false; then echo a; fi; echo $?').stdout).toBe('0\n');
    expect(run('if [ -z "$NOPE" ] && [ 3 -gt 2 ]; then echo yes; else echo no; fi').stdout).toBe('yes\n');
  });

  it('loops while and until a condition holds, each iteration taking a moment of sim time', () => {
    const { run } = terminal();
    expect(run('N=; while [ "$N" != xxx ]; do N=x$N; done; echo $N').stdout).toBe('xxx\n');
    expect(run('until [ -f done.txt ]; do touch done.txt; echo once; done').stdout).toBe('once\n');
  });

  it('reports an unfinished or misplaced compound command as bash does', () => {
    const { run } = terminal();
    expect(run('if true; then echo x')).toMatchObject({ exit: 2, stderr: 'bash: syntax error: unexpected end of file\n' });
    expect(run('for i in 1; echo $i; done')).toMatchObject({ exit: 2, stderr: "bash: syntax error near unexpected token `word'\n" });
  });

  it('tests strings, integers and files with test and [', () => {
    const { run } = terminal();
    run('touch f.txt');
    expect(run('[ -f f.txt ]; echo $?; [ -d f.txt ]; echo $?; [ -d /etc ]; echo $?; test a = a; echo $?; [ ! a = b ]; echo $?').stdout).toBe('0\n1\n0\n0\n0\n');
    expect(run('[ 1 -lt x ]')).toMatchObject({ exit: 2, stderr: 'bash: [: x: integer expression expected\n' });
    expect(run('[ a = a')).toMatchObject({ exit: 2, stderr: "bash: [: missing `]'\n" });
  });
});

describe('read', () => {
  it('reads a loop\'s input line by line into variables, the last one taking the rest', () => {
    const { run } = terminal();
    expect(run('printf "pod/a x\\npod/b y z\\n" | while read name rest; do echo "${name#pod/}=[$rest]"; done').stdout).toBe('a=[x]\nb=[y z]\n');
    expect(run('echo one | read; echo "$REPLY"').stdout).toBe('\n');
    // Every stage of a pipeline is a subshell: what `read` sets there is gone afterwards.
    expect(run('printf "1\\n2\\n" | while read n; do echo inner | read w; echo "$n$w"; done; echo "after=$n"').stdout).toBe('1\n2\nafter=\n');
    // A redirect is not a subshell: `read v < file` sets v.
    expect(run('echo "hello world" > in.txt; read v < in.txt; echo "v=$v"').stdout).toBe('v=hello world\n');
    expect(run('read 1x')).toMatchObject({ exit: 1, stderr: "bash: read: `1x': not a valid identifier\n" });
  });
});

describe('time', () => {
  it('reports the pipeline\'s sim-clock duration on stderr in bash\'s default format', () => {
    const { run } = terminal();
    expect(run('time sleep 0.005 | cat')).toMatchObject({ exit: 0, stderr: '\nreal\t0m0.005s\nuser\t0m0.000s\nsys\t0m0.000s\n' });
    expect(run('time false').exit).toBe(1);
  });
});

describe('parameter expansion operators', () => {
  it('strips prefixes and suffixes, replaces, measures and defaults as bash does', () => {
    const { run } = terminal();
    run('P=pod/web-5c94f75b5d-h4hmf; F=/etc/kubernetes/pki/apiserver.crt');
    expect(run('echo ${P#pod/} ${P#*-} ${P##*-} ${P%-*} ${P%%-*}').stdout).toBe('web-5c94f75b5d-h4hmf 5c94f75b5d-h4hmf h4hmf pod/web-5c94f75b5d pod/web\n');
    expect(run('echo ${F##*/} ${F%.crt}.key ${#P} ${P/web/api} ${F//\\//:}').stdout).toBe('apiserver.crt /etc/kubernetes/pki/apiserver.key 24 pod/api-5c94f75b5d-h4hmf :etc:kubernetes:pki:apiserver.crt\n');
    expect(run('echo ${NOPE-unset} ${P:+set} ${NOPE:+x}[ ${NEW:=made}; echo $NEW').stdout).toBe('unset set [ made\nmade\n');
  });
});

describe('pathname expansion', () => {
  it('expands unquoted patterns against the session files, sorted, and keeps unmatched ones', () => {
    const { run } = terminal();
    run('touch b.txt a.txt .hidden c.log');
    expect(run('echo *.txt; echo ?.log; echo [ab].txt; echo *').stdout).toBe('a.txt b.txt\nc.log\na.txt b.txt\na.txt b.txt c.log\n');
    expect(run('echo .h*; echo "*.txt" \\*.txt; echo /nowhere/*.x').stdout).toBe('.hidden\n*.txt *.txt\n/nowhere/*.x\n');
    expect(run('P="*.log"; echo $P "$P"').stdout).toBe('c.log *.log\n');
    // A reversed range matches nothing, so the word (often an argument like this) stays as typed.
    expect(run('echo [web-1] {.items[0].name}').stdout).toBe('[web-1] {.items[0].name}\n');
    expect(run('mkdir -p d/e; touch d/e/z.yaml; echo d/*/z.yaml /root/d/*/*.yaml').stdout).toBe('d/e/z.yaml /root/d/e/z.yaml\n');
  });
});
