// The line comparison of GNU diffutils 3.8: a shortest edit script (Myers' O(ND) algorithm) and
// its normal (`2c2`) and unified (`@@ -1,3 +1,3 @@`) renderings, with diff's hunk grouping (3
// lines of context, hunks closer than twice that merged) and its "\ No newline at end of file".

/** Change is one run of deleted lines of `a` and inserted lines of `b` at the same place. */
export interface Change {
  /** aStart, bStart: 0-based first line; aCount/bCount may be 0. */
  aStart: number;
  aCount: number;
  bStart: number;
  bCount: number;
}

/** Lines of a text: the lines without their newlines, and whether the last one had none. */
export interface Lines {
  lines: string[];
  missingNewline: boolean;
}

export function toLines(text: string): Lines {
  if (text === '') return { lines: [], missingNewline: false };
  const missingNewline = !text.endsWith('\n');
  const lines = (missingNewline ? text : text.slice(0, -1)).split('\n');
  return { lines, missingNewline };
}

/**
 * diffLines is a shortest edit script from `a` to `b` as changes in order. A last line that
 * differs only in its missing newline counts as changed, as in diff. `horizon` is the context
 * the output will show (unified: 3).
 */
export function diffLines(a: Lines, b: Lines, horizon = 0): Change[] {
  const key = (l: Lines, i: number) => (i === l.lines.length - 1 && l.missingNewline ? `${l.lines[i]}\u0000` : l.lines[i]);
  const A = a.lines.map((_, i) => key(a, i));
  const B = b.lines.map((_, i) => key(b, i));
  const n = A.length;
  const m = B.length;
  // diff reads past the identical head and tail of the files (io.c find_identical_ends) and
  // compares only the lines in between; runs of changes slide only within them too.
  let head = 0;
  while (head < n && head < m && A[head] === B[head]) head++;
  let tail = 0;
  while (tail < n - head && tail < m - head && A[n - 1 - tail] === B[m - 1 - tail]) tail++;
  // Output with context keeps that many of the identical lines in play (the horizon).
  head = Math.max(0, head - horizon);
  tail = Math.max(0, tail - horizon);
  const edits = shortestEdits(A.slice(head, n - tail), B.slice(head, m - tail));
  // Per-line change flags, with a zero sentinel on each side (index 0 and n + 1).
  const changedA = new Uint8Array(n + 2);
  const changedB = new Uint8Array(m + 2);
  let i = head;
  let j = head;
  for (const e of edits) {
    if (e !== '+') i++;
    if (e !== '-') j++;
    if (e === '-') changedA[i] = 1;
    if (e === '+') changedB[j] = 1;
  }
  shiftBoundaries(A, changedA, changedB, head, n - tail, head);
  shiftBoundaries(B, changedB, changedA, head, m - tail, head);
  return buildScript(changedA, n, changedB, m);
}

/** shortestEdits is Myers' O(ND) shortest edit script: `=` keep, `-` delete from A, `+` insert from B. */
function shortestEdits(A: readonly string[], B: readonly string[]): Array<'=' | '-' | '+'> {
  const n = A.length;
  const m = B.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && A[x] === B[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  // Walk back through the saved frontiers to recover the edit path.
  const edits: Array<'=' | '-' | '+'> = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d > 0; d--) {
    const vd = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && vd[offset + k - 1] < vd[offset + k + 1]) ? k + 1 : k - 1;
    const prevX = vd[offset + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      edits.push('=');
      x--;
      y--;
    }
    edits.push(x === prevX ? '+' : '-');
    x = prevX;
    y = prevY;
  }
  while (x > 0 && y > 0) {
    edits.push('=');
    x--;
    y--;
  }
  return edits.reverse();
}

/**
 * shiftBoundaries slides each run of changed lines of one file as diff's analyze.c does, so an
 * ambiguous edit (a duplicated line, an inserted block that repeats its neighbour) lands where
 * GNU diff puts it: back to merge with an earlier run, forward as far as the lines allow, then
 * back to the last place that lines up with a change in the other file. `changed` and `other`
 * are 1-based with zero sentinels.
 */
function shiftBoundaries(lines: readonly string[], changed: Uint8Array, other: Uint8Array, from: number, to: number, otherFrom: number): void {
  const end = to + 1;
  const first = from + 1;
  const same = (x: number, y: number) => lines[x - 1] === lines[y - 1];
  let i = first;
  let j = otherFrom + 1;
  for (;;) {
    while (i < end && !changed[i]) {
      while (other[j++]);
      i++;
    }
    if (i === end) break;
    let start = i;
    while (changed[++i]);
    while (other[j]) j++;
    let runLength: number;
    let corresponding: number;
    do {
      runLength = i - start;
      while (start > first && same(start - 1, i - 1)) {
        changed[--start] = 1;
        changed[--i] = 0;
        while (changed[start - 1]) start--;
        while (other[--j]);
      }
      corresponding = other[j - 1] ? i : end;
      while (i !== end && same(start, i)) {
        changed[start++] = 0;
        changed[i++] = 1;
        while (changed[i]) i++;
        while (other[++j]) corresponding = i;
      }
    } while (runLength !== i - start);
    while (corresponding < i) {
      changed[--start] = 1;
      changed[--i] = 0;
      while (other[--j]);
    }
  }
}

/** buildScript turns the change flags back into runs, in file order. */
function buildScript(changedA: Uint8Array, n: number, changedB: Uint8Array, m: number): Change[] {
  const changes: Change[] = [];
  let i = 1;
  let j = 1;
  while (i <= n || j <= m) {
    if ((i <= n && changedA[i]) || (j <= m && changedB[j])) {
      const change: Change = { aStart: i - 1, aCount: 0, bStart: j - 1, bCount: 0 };
      while (i <= n && changedA[i]) (i++, change.aCount++);
      while (j <= m && changedB[j]) (j++, change.bCount++);
      changes.push(change);
    } else {
      i++;
      j++;
    }
  }
  return changes;
}

const NO_NEWLINE = '\\ No newline at end of file\n';

/** normalDiff renders changes in diff's default format (`3c3`, `< old`, `---`, `> new`). */
export function normalDiff(a: Lines, b: Lines, changes: readonly Change[]): string {
  let out = '';
  const range = (start: number, count: number) => (count <= 1 ? `${start + 1}` : `${start + 1},${start + count}`);
  const line = (l: Lines, i: number, mark: string) => `${mark} ${l.lines[i]}\n${i === l.lines.length - 1 && l.missingNewline ? NO_NEWLINE : ''}`;
  for (const c of changes) {
    const op = c.aCount === 0 ? 'a' : c.bCount === 0 ? 'd' : 'c';
    const left = c.aCount === 0 ? `${c.aStart}` : range(c.aStart, c.aCount);
    const right = c.bCount === 0 ? `${c.bStart}` : range(c.bStart, c.bCount);
    out += `${left}${op}${right}\n`;
    for (let i = 0; i < c.aCount; i++) out += line(a, c.aStart + i, '<');
    if (op === 'c') out += '---\n';
    for (let i = 0; i < c.bCount; i++) out += line(b, c.bStart + i, '>');
  }
  return out;
}

/** unifiedHunks renders changes as unified hunks with `context` lines around them. */
export function unifiedHunks(a: Lines, b: Lines, changes: readonly Change[], context = 3): string {
  let out = '';
  const line = (l: Lines, i: number, mark: string) => `${mark}${l.lines[i]}\n${i === l.lines.length - 1 && l.missingNewline ? NO_NEWLINE : ''}`;
  const range = (start: number, count: number) => (count === 1 ? `${start + 1}` : count === 0 ? `${start},0` : `${start + 1},${count}`);
  for (let h = 0; h < changes.length; ) {
    // A hunk takes every change whose gap to the previous one fits in twice the context.
    let last = h;
    while (last + 1 < changes.length && changes[last + 1].aStart - (changes[last].aStart + changes[last].aCount) <= 2 * context) last++;
    const first = changes[h];
    const end = changes[last];
    const aFrom = Math.max(0, first.aStart - context);
    const bFrom = first.bStart - (first.aStart - aFrom);
    const aTo = Math.min(a.lines.length, end.aStart + end.aCount + context);
    const bTo = end.bStart + end.bCount + (aTo - (end.aStart + end.aCount));
    out += `@@ -${range(aFrom, aTo - aFrom)} +${range(bFrom, bTo - bFrom)} @@\n`;
    let i = aFrom;
    for (let c = h; c <= last; c++) {
      const change = changes[c];
      for (; i < change.aStart; i++) out += line(a, i, ' ');
      for (let k = 0; k < change.aCount; k++) out += line(a, change.aStart + k, '-');
      for (let k = 0; k < change.bCount; k++) out += line(b, change.bStart + k, '+');
      i = change.aStart + change.aCount;
    }
    for (; i < aTo; i++) out += line(a, i, ' ');
    h = last + 1;
  }
  return out;
}
