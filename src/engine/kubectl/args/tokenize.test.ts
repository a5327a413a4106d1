// Expected argv values are what a POSIX shell (bash 5 / Python shlex.split in POSIX mode)
// hands to kubectl for the same line.
import { describe, expect, it } from 'vitest';
import { tokenize } from './tokenize';

describe('tokenize', () => {
  it('splits on blanks and drops empty words', () => {
    expect(tokenize('  kubectl   get\tpods\n').argv).toEqual(['kubectl', 'get', 'pods']);
    expect(tokenize('').argv).toEqual([]);
  });

  it('keeps single-quoted text literally', () => {
    expect(tokenize(`kubectl run a -- sh -c 'echo "$HOME" \\n'`).argv).toEqual([
      'kubectl', 'run', 'a', '--', 'sh', '-c', 'echo "$HOME" \\n',
    ]);
  });

  it('lets backslash escape only $ ` " \\ and newline inside double quotes', () => {
    expect(tokenize(String.raw`echo "a\"b" "c\d" "e\\f" "\$x"`).argv).toEqual(['echo', 'a"b', 'c\\d', 'e\\f', '$x']);
  });

  it('joins adjacent quoted and unquoted parts into one word', () => {
    expect(tokenize(`--schedule="*/1 * * * *"x'y'`).argv).toEqual(['--schedule=*/1 * * * *xy']);
    expect(tokenize(`--from-literal=k=''`).argv).toEqual(['--from-literal=k=']);
    expect(tokenize(`a '' b`).argv).toEqual(['a', '', 'b']);
  });

  it('handles backslashes outside quotes, including line continuations', () => {
    expect(tokenize(String.raw`a\ b c\*`).argv).toEqual(['a b', 'c*']);
    expect(tokenize('kubectl get \\\npods').argv).toEqual(['kubectl', 'get', 'pods']);
  });

  it('does not expand variables, globs or tildes', () => {
    expect(tokenize('echo $HOME ~ * $(date)').argv).toEqual(['echo', '$HOME', '~', '*', '$(date)']);
  });

  it('reports unterminated quotes and a trailing backslash', () => {
    expect(tokenize(`kubectl get 'pods`).error).toBe('unterminated single quote');
    expect(tokenize(`kubectl get "pods`).error).toBe('unterminated double quote');
    expect(tokenize('kubectl get \\').error).toBe('unexpected end of line after backslash');
  });
});
