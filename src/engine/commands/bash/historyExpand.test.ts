// History expansion against bash 5.2.15, run interactively on this machine (`bash --norc -i`
// reading the same lines): what each line expands to, and the errors.
import { describe, expect, it } from 'vitest';
import { historyExpand } from './historyExpand';
import { testTerminal } from './testTerminal';

const history = ['echo hi', 'kubectl get pods -n kube-system', 'echo one two three'];

describe('historyExpand (bash 5.2.15)', () => {
  it.each([
    ['!!', 'echo one two three'],
    ['echo !$', 'echo three'],
    ['echo !^ !* :: !!:2 !:1', 'echo one one two three :: two one'],
    ['!kub', 'kubectl get pods -n kube-system'],
    ['!?get?', 'kubectl get pods -n kube-system'],
    ['!1', 'echo hi'],
    ['!-2', 'kubectl get pods -n kube-system'],
    ['!kubectl:1-2', 'get pods'],
  ])('%s → %s', (line, want) => {
    expect(historyExpand(line, history)).toEqual({ line: want, expanded: true });
  });

  it('counts each shell operator as a word, as bash does with `echo a|tr a b`', () => {
    expect(historyExpand('echo !$ !:2 !:1', ['echo a|tr a b'])).toEqual({ line: 'echo b | a', expanded: true });
    expect(historyExpand('echo !$', ['echo x;echo y'])).toEqual({ line: 'echo y', expanded: true });
  });

  it('substitutes in the previous line with ^old^new', () => {
    expect(historyExpand('^two^2', history)).toEqual({ line: 'echo one 2 three', expanded: true });
    expect(historyExpand('^zz^q', history)).toEqual({ error: 'bash: :s^zz^q: substitution failed' });
  });

  it('leaves quoted, escaped and spaced ! alone, but expands inside double quotes', () => {
    expect(historyExpand("echo '!!' \\!! ! x a!=b \"hi!\"", history)).toEqual({ line: "echo '!!' \\!! ! x a!=b \"hi!\"", expanded: false });
    expect(historyExpand('echo "q !$"', history)).toEqual({ line: 'echo "q three"', expanded: true });
  });

  it('reports an event it cannot find and a word the event does not have', () => {
    expect(historyExpand('!nope', history)).toEqual({ error: 'bash: !nope: event not found' });
    expect(historyExpand('!9', history)).toEqual({ error: 'bash: !9: event not found' });
    expect(historyExpand('!!:9', history)).toEqual({ error: 'bash: :9: bad word specifier' });
    expect(historyExpand('!!', [])).toEqual({ error: 'bash: !!: event not found' });
  });
});

describe('history expansion at the prompt', () => {
  it('echoes the expanded line, runs it, keeps it in the history; a failed one runs nothing and keeps $?', () => {
    const { run } = testTerminal();
    run('echo a b c');
    expect(run('echo !$')).toMatchObject({ stdout: 'c\n', stderr: 'echo c\n' });
    run('false');
    expect(run('!nope')).toMatchObject({ stdout: '', stderr: 'bash: !nope: event not found\n' });
    expect(run('echo st=$?').stdout).toBe('st=1\n');
    // The failed line is not in the history: 1 echo a b c, 2 echo c (as expanded), 3 false, ...
    expect(run('history 3').stdout).toBe('    3  false\n    4  echo st=$?\n    5  history 3\n');
  });
});
