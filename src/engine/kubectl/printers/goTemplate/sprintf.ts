// fmt.Sprintf's format walk (go/src/fmt/print.go doPrintf): flags, `[n]` argument indexes, `*`
// widths and precisions, then one verb per operand; leftover operands are reported as EXTRA.
import { clearFlags } from './fmtFormat';
import { Printer } from './print';
import { typeName, unbox, type Value } from './value';

const TOO_LARGE = 1e6;

/** parseNum reads decimal digits at i (Go's parsenum); undefined when none or too large. */
function parseNum(s: string, i: number, end: number): { num?: number; next: number } {
  let j = i;
  let num = 0;
  while (j < end && s[j] >= '0' && s[j] <= '9') {
    num = num * 10 + Number(s[j]);
    if (num > TOO_LARGE) return { next: j + 1 };
    j++;
  }
  return { num: j > i ? num : undefined, next: j };
}

interface ArgState {
  argNum: number;
  reordered: boolean;
  goodArgNum: boolean;
}

/** argNumber reads an optional `[n]` (1-based) and moves the argument cursor there. */
function argNumber(st: ArgState, format: string, i: number, numArgs: number): { next: number; found: boolean } {
  if (format[i] !== '[') return { next: i, found: false };
  st.reordered = true;
  const close = format.indexOf(']', i + 1);
  if (format.length - i < 3 || close < 0) {
    st.goodArgNum = false;
    return { next: i + 1, found: false };
  }
  const { num, next } = parseNum(format, i + 1, close);
  if (num === undefined || next !== close) {
    st.goodArgNum = false;
    return { next: close + 1, found: false };
  }
  if (num - 1 >= 0 && num - 1 < numArgs) {
    st.argNum = num - 1;
    return { next: close + 1, found: true };
  }
  st.goodArgNum = false;
  return { next: close + 1, found: true };
}

/** intFromArg takes a `*` width or precision from an integer operand. */
function intFromArg(args: Value[], st: ArgState): number | undefined {
  if (st.argNum >= args.length) return undefined;
  const v = unbox(args[st.argNum++]);
  if (v.kind !== 'int' && v.kind !== 'int64' && v.kind !== 'uint8') return undefined;
  const n = Number(v.v);
  return Math.abs(n) > TOO_LARGE ? undefined : n;
}

/**
 * sprintf is fmt.Sprintf over template values.
 * @example sprintf('%s=%d', [str('a'), int(1)]) === 'a=1'
 */
export function sprintf(format: string, args: Value[]): string {
  const p = new Printer();
  const st: ArgState = { argNum: 0, reordered: false, goodArgNum: true };
  const end = format.length;
  let i = 0;
  while (i < end) {
    st.goodArgNum = true;
    const pct = format.indexOf('%', i);
    if (pct < 0) {
      p.buf += format.slice(i);
      break;
    }
    p.buf += format.slice(i, pct);
    i = verb(p, st, format, pct + 1, args);
  }
  if (!st.reordered && st.argNum < args.length) {
    p.f = clearFlags();
    p.buf += '%!(EXTRA ';
    args.slice(st.argNum).forEach((arg, k) => {
      if (k > 0) p.buf += ', ';
      const v = unbox(arg);
      if (v.kind === 'invalid' || v.kind === 'nil') p.buf += '<nil>';
      else {
        p.buf += `${typeName(v)}=`;
        p.printArg(v, 'v');
      }
    });
    p.buf += ')';
  }
  return p.buf;
}

/** verb handles one `%…` directive starting after the `%`; returns the index after it. */
function verb(p: Printer, st: ArgState, format: string, start: number, args: Value[]): number {
  const end = format.length;
  const f = (p.f = clearFlags());
  let i = start;
  for (; i < end; i++) {
    const c = format[i];
    if (c === '#') f.sharp = true;
    else if (c === '0') f.zero = !f.minus;
    else if (c === '+') f.plus = true;
    else if (c === '-') [f.minus, f.zero] = [true, false];
    else if (c === ' ') f.space = true;
    else break;
  }
  let idx = argNumber(st, format, i, args.length);
  let afterIndex = idx.found;
  i = idx.next;
  if (format[i] === '*') {
    i++;
    f.wid = intFromArg(args, st);
    if (f.wid === undefined) p.buf += '%!(BADWIDTH)';
    else if (f.wid < 0) [f.wid, f.minus, f.zero] = [-f.wid, true, false];
    afterIndex = false;
  } else {
    const w = parseNum(format, i, end);
    [f.wid, i] = [w.num, w.next];
    if (afterIndex && f.wid !== undefined) st.goodArgNum = false;
  }
  if (i + 1 < end && format[i] === '.') {
    i++;
    if (afterIndex) st.goodArgNum = false;
    idx = argNumber(st, format, i, args.length);
    [afterIndex, i] = [idx.found, idx.next];
    if (format[i] === '*') {
      i++;
      f.prec = intFromArg(args, st);
      if (f.prec !== undefined && f.prec < 0) f.prec = undefined;
      if (f.prec === undefined) p.buf += '%!(BADPREC)';
      afterIndex = false;
    } else {
      const pr = parseNum(format, i, end);
      [f.prec, i] = [pr.num ?? 0, pr.next];
    }
  }
  if (!afterIndex) i = argNumber(st, format, i, args.length).next;
  if (i >= end) {
    p.buf += '%!(NOVERB)';
    return end;
  }
  const v = String.fromCodePoint(format.codePointAt(i)!);
  i += v.length;
  if (v === '%') p.buf += '%';
  else if (!st.goodArgNum) p.buf += `%!${v}(BADINDEX)`;
  else if (st.argNum >= args.length) p.buf += `%!${v}(MISSING)`;
  else {
    if (v === 'v') [f.sharpV, f.sharp, f.plusV, f.plus] = [f.sharp, false, f.plus, false];
    p.printArg(args[st.argNum++], v);
  }
  return i;
}
