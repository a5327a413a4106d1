/**
 * The readline keys of bash's emacs mode that a terminal user reaches for, on the console's one
 * input line: Ctrl-A/Ctrl-E go to the start/end, Ctrl-U cuts to the start, Ctrl-K to the end.
 * (Ctrl-W would close the browser tab; Ctrl+Backspace deletes a word natively.)
 */
export interface LineState {
  line: string;
  caret: number;
}

export function readlineKey(key: string, ctrlKey: boolean, state: LineState): LineState | undefined {
  if (!ctrlKey) return undefined;
  const { line, caret } = state;
  switch (key) {
    case 'a':
      return { line, caret: 0 };
    case 'e':
      return { line, caret: line.length };
    case 'u':
      return { line: line.slice(caret), caret: 0 };
    case 'k':
      return { line: line.slice(0, caret), caret };
  }
  return undefined;
}

/**
 * reverseSearch is bash's Ctrl-R: the newest history line before index `before` that contains
 * `query`, or -1. An empty query matches nothing, as in bash.
 */
export function reverseSearch(history: readonly string[], query: string, before: number): number {
  if (query === '') return -1;
  for (let i = Math.min(before, history.length) - 1; i >= 0; i--) if (history[i].includes(query)) return i;
  return -1;
}

/** visibleFrom is where the visible console starts: after the last `clear` command, or the Ctrl-L mark. */
export function visibleFrom(runs: readonly string[], ctrlLMark: number): number {
  let from = ctrlLMark;
  for (let i = runs.length - 1; i >= from; i--) {
    if (runs[i].trim() === 'clear') {
      from = i + 1;
      break;
    }
  }
  return from;
}
