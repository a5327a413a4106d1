// Go's fmt/print.go for the values a template holds: Sprint, Sprintln, Sprintf (verbs v s q d
// t f e g x X o O b c U T and %%, flags, width, precision, `*`, `[n]` argument indexes) and
// the %!verb(type=value) / MISSING / EXTRA / NOVERB complaints. Maps print with sorted keys.
import { goStringLess } from '../../generate/goMarshal';
import type { JsonValue } from '../json';
import { clearFlags, fmtBoolean, fmtC, fmtFloat, fmtInteger, fmtQ, fmtQc, fmtS, fmtSx, fmtUnicode, pad, type Flags } from './fmtFormat';
import { fromJson, typeName, unbox, type Value } from './value';

/** isNilArg: an interface{} argument holding nothing (a missing value or a JSON null). */
function isNilArg(v: Value): boolean {
  return v.kind === 'invalid' || v.kind === 'nil';
}

class Printer {
  buf = '';
  f: Flags = clearFlags();

  printArg(arg: Value, verb: string): void {
    const v = unbox(arg);
    if (isNilArg(v)) {
      if (verb === 'T' || verb === 'v') this.buf += pad(this.f, '<nil>');
      else this.badVerb(verb, v);
      return;
    }
    if (verb === 'T') {
      this.buf += fmtS(this.f, typeName(v));
      return;
    }
    this.printValue(v, verb, 0);
  }

  /** printValue formats one value; depth > 0 for map and slice elements. */
  printValue(v: Value, verb: string, depth: number): void {
    switch (v.kind) {
      case 'invalid': case 'nil':
        this.buf += this.f.sharpV ? 'interface {}(nil)' : '<nil>';
        return;
      case 'bool':
        if (verb === 't' || verb === 'v') this.buf += fmtBoolean(this.f, v.v);
        else this.badVerb(verb, v);
        return;
      case 'string': return this.fmtString(v, verb);
      case 'float64': return this.fmtFloat(v, verb);
      case 'map': return this.printMap(v.v, verb, depth);
      case 'slice': return this.printSlice(v.v, verb, depth);
      default: return this.fmtInteger(v, verb);
    }
  }

  private fmtString(v: Value & { kind: 'string' }, verb: string): void {
    if (verb === 'v') this.buf += this.f.sharpV ? fmtQ({ ...this.f, sharp: false }, v.v) : fmtS(this.f, v.v);
    else if (verb === 's') this.buf += fmtS(this.f, v.v);
    else if (verb === 'x' || verb === 'X') this.buf += fmtSx(this.f, v.v, verb === 'X');
    else if (verb === 'q') this.buf += fmtQ(this.f, v.v);
    else this.badVerb(verb, v);
  }

  private fmtFloat(v: Value & { kind: 'float64' }, verb: string): void {
    if (verb === 'v') this.buf += fmtFloat(this.f, v.v, 'g', -1);
    else if ('gGbxX'.includes(verb)) this.buf += fmtFloat(this.f, v.v, verb, -1);
    else if ('feEF'.includes(verb)) this.buf += fmtFloat(this.f, v.v, verb === 'F' ? 'f' : verb, 6);
    else this.badVerb(verb, v);
  }

  private fmtInteger(v: Value & { kind: 'int' | 'int64' | 'uint8' }, verb: string): void {
    const unsigned = v.kind === 'uint8';
    const f = this.f;
    switch (verb) {
      case 'v':
        this.buf += f.sharpV && unsigned ? fmtInteger({ ...f, sharp: true }, v.v, 16, verb, false) : fmtInteger(f, v.v, 10, verb, false);
        return;
      case 'd': this.buf += fmtInteger(f, v.v, 10, verb, false); return;
      case 'b': this.buf += fmtInteger(f, v.v, 2, verb, false); return;
      case 'o': case 'O': this.buf += fmtInteger(f, v.v, 8, verb, false); return;
      case 'x': case 'X': this.buf += fmtInteger(f, v.v, 16, verb, verb === 'X'); return;
      case 'c': this.buf += fmtC(f, v.v); return;
      case 'q': this.buf += fmtQc(f, v.v); return;
      case 'U': this.buf += fmtUnicode(f, v.v); return;
    }
    this.badVerb(verb, v);
  }

  private printMap(m: { [k: string]: JsonValue }, verb: string, depth: number): void {
    this.buf += this.f.sharpV ? 'map[string]interface {}{' : 'map[';
    Object.keys(m).sort(goStringLess).forEach((key, i) => {
      if (i > 0) this.buf += this.f.sharpV ? ', ' : ' ';
      this.printValue({ kind: 'string', v: key, boxed: false }, verb, depth + 1);
      this.buf += ':';
      this.printValue(fromJson(m[key], true), verb, depth + 1);
    });
    this.buf += this.f.sharpV ? '}' : ']';
  }

  private printSlice(items: JsonValue[], verb: string, depth: number): void {
    this.buf += this.f.sharpV ? '[]interface {}{' : '[';
    items.forEach((item, i) => {
      if (i > 0) this.buf += this.f.sharpV ? ', ' : ' ';
      this.printValue(fromJson(item, true), verb, depth + 1);
    });
    this.buf += this.f.sharpV ? '}' : ']';
  }

  /** badVerb: %!d(string=abc); the value is printed with %v under the same flags. */
  badVerb(verb: string, v: Value): void {
    this.buf += `%!${verb}(`;
    if (isNilArg(v)) this.buf += '<nil>';
    else {
      this.buf += `${typeName(v)}=`;
      this.printArg(v, 'v');
    }
    this.buf += ')';
  }
}

/** sprint is fmt.Sprint: a space between operands when neither side is a string. */
export function sprint(args: Value[]): string {
  const p = new Printer();
  let prevString = false;
  args.forEach((arg, i) => {
    const isString = unbox(arg).kind === 'string';
    if (i > 0 && !isString && !prevString) p.buf += ' ';
    p.printArg(arg, 'v');
    prevString = isString;
  });
  return p.buf;
}

/** sprintln is fmt.Sprintln: spaces between all operands, then a newline. */
export function sprintln(args: Value[]): string {
  const p = new Printer();
  args.forEach((arg, i) => {
    if (i > 0) p.buf += ' ';
    p.printArg(arg, 'v');
  });
  return `${p.buf}\n`;
}

/** formatValue is fmt.Sprint of one value, what {{.field}} prints. */
export function formatValue(v: Value, verb = 'v', flags: Partial<Flags> = {}): string {
  const p = new Printer();
  p.f = { ...clearFlags(), ...flags };
  p.printArg(v, verb);
  return p.buf;
}

export { Printer };
