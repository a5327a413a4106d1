import { describe, expect, it } from 'vitest';
import { wait, type Task } from '../../sim/task';
import type { CommandIO } from '../process';
import { runCommandLine } from '../shell';
import { testTerminal } from './testTerminal';

/**
 * A terminal with stand-in programs: `args` prints its argv one per line in brackets, `fail`
 * exits with its argument, `upper` upper-cases stdin, `stream` prints a line every second until
 * Ctrl-C (a watch).
 */
function terminal() {
  return testTerminal((sim) => ({
    *args(_env, argv, io) {
      io.out(argv.map((a) => `[${a}]\n`).join(''));
      return 0;
    },
    *fail(_env, argv, io) {
      io.err(`failing with ${argv[0]}\n`);
      return Number(argv[0]);
    },
    *upper(_env, _argv, io) {
      io.out(io.stdin.toUpperCase());
      return 0;
    },
    *stream(_env, argv, io: CommandIO): Task<number> {
      for (let i = 1; !io.interrupted; i++) {
        io.out(`${argv[0] ?? 'line'} ${i}\n`);
        yield* wait(sim.sleep(1000));
      }
      return 130;
    },
  }));
}

describe('bash words', () => {
  it('keeps quoting as bash does: single quotes literal, double quotes expand, backslash escapes', () => {
    const { run } = terminal();
    run('NAME=web');
    expect(run(`args '$NAME' "$NAME" \\$NAME "a b" x"$NAME"y ''`).stdout).toBe('[$NAME]\n[web]\n[$NAME]\n[a b]\n[xweby]\n[]\n');
  });

  it('clears the screen as ncurses clear does with TERM=xterm-256color (home, erase, erase scrollback)', () => {
    const { run } = terminal();
    expect(run('clear')).toMatchObject({ exit: 0, stdout: '\x1b[H\x1b[2J\x1b[3J' });
  });

  it('puts prefix assignments in the command\'s environment only', () => {
    const { run } = terminal();
    run('X=outer');
    expect(run('X=inner Y=2 printenv X Y; printenv X; printenv Y').stdout).toBe('inner\n2\nouter\n');
    expect(run('echo $X').stdout).toBe('outer\n');
  });

  it('splits unquoted expansions into fields and drops empty ones', () => {
    const { run } = terminal();
    run('export PODS="a  b\nc"');
    expect(run('args $PODS "$PODS" $MISSING').stdout).toBe('[a]\n[b]\n[c]\n[a  b\nc]\n');
    expect(run('args ${MISSING:-fallback} ${PODS:-x}').stdout).toBe('[fallback]\n[a]\n[b]\n[c]\n');
  });

  it('substitutes a command’s output without its trailing newlines', () => {
    const { run } = terminal();
    run('export POD_NAME=$(args web-1)');
    expect(run('echo Name of the Pod: $POD_NAME').stdout).toBe('Name of the Pod: [web-1]\n');
    expect(run('args "$(echo a; echo b)" `echo c`').stdout).toBe('[a\nb]\n[c]\n');
  });

  it('reports syntax errors with bash’s texts and exit 2', () => {
    const { run } = terminal();
    expect(run("echo 'open")).toEqual({ exit: 2, stdout: '', stderr: "bash: unexpected EOF while looking for matching `''\n" });
    expect(run('echo a | | grep b').stderr).toBe("bash: syntax error near unexpected token `|'\n");
    expect(run('&& echo a').stderr).toBe("bash: syntax error near unexpected token `&&'\n");
  });

  it('answers an unknown command with 127', () => {
    expect(terminal().run('kubeclt get pods')).toEqual({ exit: 127, stdout: '', stderr: 'bash: kubeclt: command not found\n' });
  });
});

describe('bash lists and pipelines', () => {
  it('short-circuits && and || and keeps $?', () => {
    const { run } = terminal();
    expect(run('fail 3 && echo no || echo yes').stdout).toBe('yes\n');
    expect(run('fail 3; echo $?').stdout).toBe('3\n');
    expect(run('true && echo a; false || echo b; ! true; echo $?').stdout).toBe('a\nb\n1\n');
  });

  it('pipes a program’s output through utilities and into the next program’s stdin', () => {
    const { run } = terminal();
    expect(run('args web-1 db-1 web-2 | grep web | wc -l').stdout).toBe('2\n');
    expect(run('args b a c | sort -r | upper').stdout).toBe('[C]\n[B]\n[A]\n');
    expect(run('echo hello | upper | tr A-Z a-z').stdout).toBe('hello\n');
  });

  it('takes the pipeline’s status from its last command', () => {
    const { run } = terminal();
    expect(run('args a | grep zzz').exit).toBe(1);
    expect(run('fail 4 | cat').exit).toBe(0);
  });

  it('redirects: >/dev/null, 2>&1 in order, > and >> into files, < from them', () => {
    const { run, session } = terminal();
    expect(run('fail 1 2>/dev/null')).toEqual({ exit: 1, stdout: '', stderr: '' });
    expect(run('fail 1 2>&1 | grep -c failing').stdout).toBe('1\n');
    expect(run('fail 1 >/dev/null 2>&1')).toEqual({ exit: 1, stdout: '', stderr: '' });
    run('args one > out.txt');
    run('args two >> out.txt');
    expect(session.files.get('/root/out.txt')).toBe('[one]\n[two]\n');
    expect(run('cat out.txt; upper < out.txt').stdout).toBe('[one]\n[two]\n[ONE]\n[TWO]\n');
    expect(run('cat missing.txt')).toEqual({ exit: 1, stdout: '', stderr: 'cat: missing.txt: No such file or directory\n' });
  });

  it('streams a watch through grep while it runs, and Ctrl-C ends the line', () => {
    const { sim, env, programs } = terminal();
    const proc = runCommandLine(env, programs, 'stream web | grep -v 2');
    let shown = '';
    proc.onOutput((_stream, text) => (shown += text));
    sim.runUntil(3500);
    // Lines reach the terminal while the watch still runs (web 1 was printed before the listener).
    expect(shown).toBe('web 3\nweb 4\n');
    proc.interrupt();
    expect(proc.done.value).toEqual({ exit: 130, stdout: 'web 1\nweb 3\nweb 4\n', stderr: '' });
  });

  it('xargs runs a command with the input’s words', () => {
    const { run } = terminal();
    expect(run('echo a b | xargs args x').stdout).toBe('[x]\n[a]\n[b]\n');
    expect(run('printf "p1\\np2\\n" | xargs -I {} args pod/{}').stdout).toBe('[pod/p1]\n[pod/p2]\n');
  });
});

describe('bash jobs', () => {
  it('runs a job in the background, lists it, and reports it once killed', () => {
    const { sim, env, programs, run } = terminal();
    const started = runCommandLine(env, programs, 'stream tick &');
    sim.runUntil(sim.nowMs + 10);
    expect(started.done.value).toEqual({ exit: 0, stdout: 'tick 1\n', stderr: '[1] 2407\n' });
    sim.runUntil(sim.nowMs + 5000);
    // What the job printed while the prompt waited comes first, as the terminal showed it.
    expect(run('jobs').stdout).toBe('tick 2\ntick 3\ntick 4\ntick 5\ntick 6\n[1]+  Running                 stream tick &\n');
    expect(run('kill %1')).toEqual({ exit: 0, stdout: '', stderr: '[1]+  Terminated              stream tick\n' });
    expect(run('jobs').stdout).toBe('');
    expect(run('kill %1').stderr).toBe('bash: kill: %1: no such job\n');
  });

  it('sleep waits on the sim clock and Ctrl-C cuts it short', () => {
    const { sim, env, programs } = terminal();
    const proc = runCommandLine(env, programs, 'sleep 2; echo done');
    sim.runUntil(1999);
    expect(proc.done.isSettled).toBe(false);
    sim.runUntil(2000);
    expect(proc.done.value.stdout).toBe('done\n');
    const cut = runCommandLine(env, programs, 'sleep 1m && echo never');
    cut.interrupt();
    sim.runUntil(sim.nowMs + 100_000);
    expect(cut.done.value).toEqual({ exit: 130, stdout: '', stderr: '' });
  });
});

describe('bash session files', () => {
  it('resolves paths against /root, with . and .. segments', () => {
    const { session } = terminal();
    expect(session.resolvePath('web.yaml')).toBe('/root/web.yaml');
    expect(session.resolvePath('./a/../web.yaml')).toBe('/root/web.yaml');
    expect(session.resolvePath('~/web.yaml')).toBe('/root/web.yaml');
    expect(session.resolvePath('/tmp/x')).toBe('/tmp/x');
    expect(session.readFile('.')).toBeNull();
  });
});

describe('bash here-documents', () => {
  it('feeds the lines up to the delimiter to stdin, expanding $ unless the delimiter is quoted', () => {
    const { run } = terminal();
    run('NAME=web');
    expect(run('upper <<EOF\nkind: Pod\nname: $NAME \\$HOME\nEOF').stdout).toBe('KIND: POD\nNAME: WEB $HOME\n');
    expect(run("cat <<'EOF' | upper\nname: $NAME\nEOF\necho after").stdout).toBe('NAME: $NAME\nafter\n');
    expect(run('cat <<-END\n\tindented\n\tEND').stdout).toBe('indented\n');
  });

  it('warns as bash does when the delimiter never comes', () => {
    const { run } = terminal();
    expect(run('cat <<EOF\nline')).toEqual({ exit: 0, stdout: 'line\n', stderr: "bash: warning: here-document at line 1 delimited by end-of-file (wanted `EOF')\n" });
  });
});
