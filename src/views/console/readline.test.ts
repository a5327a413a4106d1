import { describe, expect, it } from 'vitest';
import { readlineKey, reverseSearch, visibleFrom } from './readline';

describe('readlineKey (bash emacs mode)', () => {
  const state = { line: 'kubectl get pods', caret: 8 };
  it('moves to the start and end with Ctrl-A and Ctrl-E', () => {
    expect(readlineKey('a', true, state)).toEqual({ line: 'kubectl get pods', caret: 0 });
    expect(readlineKey('e', true, state)).toEqual({ line: 'kubectl get pods', caret: 16 });
  });
  it('cuts before the caret with Ctrl-U and after it with Ctrl-K', () => {
    expect(readlineKey('u', true, state)).toEqual({ line: 'get pods', caret: 0 });
    expect(readlineKey('k', true, state)).toEqual({ line: 'kubectl ', caret: 8 });
  });
  it('leaves other keys to the browser', () => {
    expect(readlineKey('a', false, state)).toBeUndefined();
    expect(readlineKey('c', true, state)).toBeUndefined();
  });
});

describe('reverseSearch (Ctrl-R)', () => {
  const history = ['kubectl get pods', 'kubectl get nodes', 'etcdctl endpoint status', 'kubectl get pods -o wide'];
  it('finds the newest line containing the text, then older ones', () => {
    expect(reverseSearch(history, 'get pods', history.length)).toBe(3);
    expect(reverseSearch(history, 'get pods', 3)).toBe(0);
    expect(reverseSearch(history, 'get pods', 0)).toBe(-1);
  });
  it('matches nothing for an empty query or an unknown text', () => {
    expect(reverseSearch(history, '', 4)).toBe(-1);
    expect(reverseSearch(history, 'helm', 4)).toBe(-1);
  });
});

describe('visibleFrom', () => {
  it('starts after the last clear command, or at the Ctrl-L mark if that is later', () => {
    expect(visibleFrom(['a', 'clear', 'b', 'c'], 0)).toBe(2);
    expect(visibleFrom(['a', 'clear', 'b', ' clear ', 'c'], 0)).toBe(4);
    expect(visibleFrom(['a', 'clear', 'b', 'c'], 3)).toBe(3);
    expect(visibleFrom(['a', 'b'], 0)).toBe(0);
  });
});
