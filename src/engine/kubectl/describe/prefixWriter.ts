// Mirrors k8s.io/kubectl pkg/describe/describe.go PrefixWriter and tabbedString (v1.32): describe
// text is written with tabs between label and value, indented two spaces per level, then aligned
// once by a tabwriter (minwidth 0, tabwidth 8, padding 2). Terminal escapes are neutralised as
// cli-runtime printers.WriteEscaped does.
import { DESCRIBE_TABWRITER, formatTabbed } from '../printers/table/tabwriter';

export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;

/** escapeTerminal replaces ESC with `^[` and CR with `\r` so object text cannot drive the terminal. */
export function escapeTerminal(text: string): string {
  return text.replace(/\x1b/g, '^[').replace(/\r/g, '\\r');
}

/** PrefixWriter accumulates describe text; `indent` nests it (NewNestedPrefixWriter). */
export class PrefixWriter {
  private readonly parts: string[];
  private readonly indent: number;

  constructor(parts: string[] = [], indent = 0) {
    this.parts = parts;
    this.indent = indent;
  }

  /** write appends `text` prefixed by two spaces per level. */
  write(level: number, text: string): void {
    this.parts.push(escapeTerminal('  '.repeat(level + this.indent) + text));
  }

  /** writeLine is fmt.Sprintln of one value: the text and a newline, no indentation. */
  writeLine(text: string): void {
    if (this.indent > 0) this.write(0, `${text}\n`);
    else this.parts.push(escapeTerminal(`${text}\n`));
  }

  /** nested returns a writer sharing this output with `indent` more levels. */
  nested(indent: number): PrefixWriter {
    return new PrefixWriter(this.parts, this.indent + indent);
  }

  /** raw is the unaligned text written so far. */
  raw(): string {
    return this.parts.join('');
  }
}

/** tabbedString runs `build` against a fresh writer and aligns the result like describe does. */
export function tabbedString(build: (w: PrefixWriter) => void): string {
  const w = new PrefixWriter();
  build(w);
  return formatTabbed(w.raw(), DESCRIBE_TABWRITER);
}
