// yaml.v2's writer (emitterc.go): yaml_emitter_write_indent and the plain, single-quoted,
// double-quoted and literal scalar writers, folding at best_width 80 as the Go code does.
import { isBreak, isPrintable, type ScalarStyle } from './yamlScalar';

const BEST_WIDTH = 80;
const BEST_INDENT = 2;

const DOUBLE_ESCAPES: Record<number, string> = {
  0x00: '0', 0x07: 'a', 0x08: 'b', 0x09: 't', 0x0a: 'n', 0x0b: 'v', 0x0c: 'f', 0x0d: 'r',
  0x1b: 'e', 0x22: '"', 0x5c: '\\', 0x85: 'N', 0xa0: '_', 0x2028: 'L', 0x2029: 'P',
};

/** YamlEmitter accumulates output and tracks the emitter flags the Go writers consult. */
export class YamlEmitter {
  private readonly out: string[] = [];
  column = 0;
  whitespace = true;
  indention = true;

  text(): string {
    return this.out.join('');
  }

  put(ch: string): void {
    this.out.push(ch);
    this.column += 1;
  }

  putBreak(): void {
    this.out.push('\n');
    this.column = 0;
  }

  /** writeIndent mirrors yaml_emitter_write_indent. */
  writeIndent(indent: number): void {
    const target = Math.max(indent, 0);
    if (!this.indention || this.column > target || (this.column === target && !this.whitespace)) this.putBreak();
    while (this.column < target) this.put(' ');
    this.whitespace = true;
    this.indention = true;
  }

  /** writeIndicator mirrors yaml_emitter_write_indicator. */
  writeIndicator(indicator: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    for (const ch of indicator) this.put(ch);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  /** writeScalar writes a scalar in `style`; `indent` is where folded lines continue. */
  writeScalar(value: string, style: ScalarStyle, indent: number, allowBreaks: boolean): void {
    const cps = Array.from(value, (c) => c.codePointAt(0) ?? 0);
    if (style === 'plain') this.writePlain(cps, indent, allowBreaks);
    else if (style === 'single') this.writeSingle(cps, indent, allowBreaks);
    else if (style === 'double') this.writeDouble(cps, indent, allowBreaks);
    else this.writeLiteral(cps, indent);
  }

  private writePlain(cps: number[], indent: number, allowBreaks: boolean): void {
    if (!this.whitespace) this.put(' ');
    let spaces = false;
    for (let i = 0; i < cps.length; i++) {
      if (cps[i] === 0x20) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && cps[i + 1] !== 0x20) this.writeIndent(indent);
        else this.put(' ');
        spaces = true;
      } else {
        this.put(String.fromCodePoint(cps[i]));
        this.indention = false;
        spaces = false;
      }
    }
    this.whitespace = false;
    this.indention = false;
  }

  private writeSingle(cps: number[], indent: number, allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < cps.length; i++) {
      const cp = cps[i];
      if (cp === 0x20) {
        const fold = allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < cps.length - 1;
        if (fold && cps[i + 1] !== 0x20) this.writeIndent(indent);
        else this.put(' ');
        spaces = true;
      } else if (isBreak(cp)) {
        if (!breaks && cp === 0x0a) this.putBreak();
        this.putBreak();
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent(indent);
        if (cp === 0x27) this.put("'");
        this.put(String.fromCodePoint(cp));
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeDouble(cps: number[], indent: number, allowBreaks: boolean): void {
    this.writeIndicator('"', true, false, false);
    let spaces = false;
    for (let i = 0; i < cps.length; i++) {
      const cp = cps[i];
      if (!isPrintable(cp) || cp === 0xfeff || isBreak(cp) || cp === 0x22 || cp === 0x5c) {
        this.put('\\');
        const short = DOUBLE_ESCAPES[cp];
        if (short !== undefined) this.put(short);
        else {
          const [mark, width] = cp <= 0xff ? ['x', 2] : cp <= 0xffff ? ['u', 4] : ['U', 8];
          this.put(mark as string);
          for (const ch of cp.toString(16).toUpperCase().padStart(width as number, '0')) this.put(ch);
        }
        spaces = false;
      } else if (cp === 0x20) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < cps.length - 1) {
          this.writeIndent(indent);
          if (cps[i + 1] === 0x20) this.put('\\');
        } else this.put(' ');
        spaces = true;
      } else {
        this.put(String.fromCodePoint(cp));
        spaces = false;
      }
    }
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  /** writeLiteral mirrors yaml_emitter_write_literal_scalar and write_block_scalar_hints. */
  private writeLiteral(cps: number[], indent: number): void {
    this.writeIndicator('|', true, false, false);
    if (cps[0] === 0x20 || isBreak(cps[0])) this.writeIndicator(String(BEST_INDENT), false, false, false);
    const n = cps.length;
    let chomp = '';
    if (n === 0 || !isBreak(cps[n - 1])) chomp = '-';
    else if (n === 1 || isBreak(cps[n - 2])) chomp = '+';
    if (chomp) this.writeIndicator(chomp, false, false, false);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (const cp of cps) {
      if (isBreak(cp)) {
        this.putBreak();
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent(indent);
        this.put(String.fromCodePoint(cp));
        this.indention = false;
        breaks = false;
      }
    }
  }
}
