import { describe, expect, it } from 'vitest';
import { testTerminal } from './testTerminal';

// alias/unalias as bash 5.2.15 answers them (outputs from this machine, in an interactive shell).
describe('alias', () => {
  const programs = () => ({
    *kubectl(_env: unknown, argv: string[], io: { out(text: string): void }) {
      io.out(`kubectl ${argv.join(' ')}\n`);
      return 0;
    },
  });

  it('replaces the first word of a command, with the words the alias brings', () => {
    const { run } = testTerminal(programs as never);
    run("alias k=kubectl kgp='kubectl get pods'");
    expect(run('k get nodes').stdout).toBe('kubectl get nodes\n');
    expect(run('kgp -o wide | cat').stdout).toBe('kubectl get pods -o wide\n');
    expect(run("'k' get nodes")).toMatchObject({ exit: 127, stderr: 'bash: k: command not found\n' });
    expect(run('echo k').stdout).toBe('k\n');
  });

  it('lists, prints and removes aliases with bash’s messages', () => {
    const { run } = testTerminal(programs as never);
    run("alias k=kubectl kgp='kubectl get pods'");
    expect(run('alias').stdout).toBe("alias k='kubectl'\nalias kgp='kubectl get pods'\n");
    expect(run('alias k').stdout).toBe("alias k='kubectl'\n");
    expect(run('alias nope')).toMatchObject({ exit: 1, stderr: 'bash: alias: nope: not found\n' });
    expect(run('unalias k; k get pods').stderr).toBe('bash: k: command not found\n');
    expect(run('unalias nope')).toMatchObject({ exit: 1, stderr: 'bash: unalias: nope: not found\n' });
  });

  it('does not expand an alias inside its own expansion', () => {
    const { run } = testTerminal(programs as never);
    run("alias kubectl='kubectl -n kube-system'");
    expect(run('kubectl get pods').stdout).toBe('kubectl -n kube-system get pods\n');
  });
});

describe('which', () => {
  it('prints where programs are and nothing for the rest', () => {
    const { run } = testTerminal(() => ({}));
    expect(run('which which ls echo nosuch')).toMatchObject({ exit: 1, stdout: '/usr/bin/which\n/usr/bin/ls\n/usr/bin/echo\n' });
  });
});

describe('type', () => {
  it('tells aliases, keywords, builtins and programs apart, hashed once run (bash 5.2.15 on this machine)', () => {
    const { run } = testTerminal(() => ({}));
    run('alias k=kubectl');
    run('ls > /dev/null');
    expect(run('type echo for ls cat k cd [').stdout).toBe("echo is a shell builtin\nfor is a shell keyword\nls is hashed (/usr/bin/ls)\ncat is /usr/bin/cat\nk is aliased to `kubectl'\ncd is a shell builtin\n[ is a shell builtin\n");
    expect(run('type nosuch')).toMatchObject({ exit: 1, stderr: 'bash: type: nosuch: not found\n' });
  });
});

describe('history', () => {
  it('numbers the typed lines as an interactive bash 5.2.15 prints them, this one included', () => {
    const { run } = testTerminal(() => ({}));
    run('echo one');
    run('true');
    expect(run('history').stdout).toBe('    1  echo one\n    2  true\n    3  history\n');
    expect(run('history 2').stdout).toBe('    3  history\n    4  history 2\n');
    expect(run('history x')).toMatchObject({ exit: 1, stderr: 'bash: history: x: numeric argument required\n' });
  });
});

describe('less and more', () => {
  it('copy their input through when the output is not a terminal, and word a missing file or a directory as they do', () => {
    const { run } = testTerminal(() => ({}));
    expect(run('echo hi | less').stdout).toBe('hi\n');
    expect(run('echo hi | more').stdout).toBe('hi\n');
    expect(run('less /nope')).toMatchObject({ exit: 0, stderr: '/nope: No such file or directory\n' });
    expect(run('more /nope')).toMatchObject({ exit: 0, stderr: 'more: cannot open /nope: No such file or directory\n' });
    expect(run('less /tmp').stdout).toBe('/tmp is a directory\n');
    expect(run('more /tmp').stdout).toBe('\n*** /tmp: directory ***\n\n');
  });
});
