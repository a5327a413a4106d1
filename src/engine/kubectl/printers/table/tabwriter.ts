// Mirrors Go text/tabwriter and its fork github.com/liggitt/tabwriter (the RememberWidths flag),
// which kubectl uses for every aligned output: `get` tables (minwidth 6, padding 3), describe and
// rollout history (minwidth 0, padding 2). The "elastic tabstops" rules matter byte for byte:
// - a cell is text terminated by '\t'; the text after the last tab of a line is not in a column;
// - a column block is a run of consecutive lines that all have a cell in that column, and its
//   width is max(minwidth, widest cell + padding), computed per block (nested left to right);
// - every column cell is padded to the block width, even the last tab-terminated one (that is why
//   `kubectl top` lines end in spaces);
// - widths count code points, not bytes.

/** TabwriterOptions are Writer.Init's parameters (padchar is always ' ' in kubectl). */
export interface TabwriterOptions {
  /** minimal column width in characters, padding included */
  minWidth: number;
  /** characters added to the widest cell of a column */
  padding: number;
}

/** TABLE_TABWRITER is cli-runtime printers.GetNewTabWriter: minwidth 6, tabwidth 4, padding 3. */
export const TABLE_TABWRITER: TabwriterOptions = { minWidth: 6, padding: 3 };
/** DESCRIBE_TABWRITER is describe.tabbedString / rollout history: minwidth 0, tabwidth 8, padding 2. */
export const DESCRIBE_TABWRITER: TabwriterOptions = { minWidth: 0, padding: 2 };

interface Line {
  cells: string[];
  widths: number[];
}

/** textWidth counts Unicode code points, as utf8.RuneCount does. */
function textWidth(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

function splitLines(text: string): { lines: Line[]; trailing: boolean } {
  const raw = text.split('\n');
  const trailing = raw[raw.length - 1] === '';
  if (trailing) raw.pop();
  const lines = raw.map((row) => {
    const cells = row.split('\t');
    return { cells, widths: cells.map(textWidth) };
  });
  return { lines, trailing };
}

/**
 * formatTabbed aligns tab-separated text exactly as Go's tabwriter does when everything is written
 * and then flushed once. `rememberedWidths` (liggitt RememberWidths) carries column minimums across
 * flushes; it is updated in place, so one array can be threaded through several calls.
 * @example formatTabbed('NAME\tAGE\nweb\t5m\n', TABLE_TABWRITER) // 'NAME   AGE\nweb    5m\n'
 */
export function formatTabbed(text: string, options: TabwriterOptions, rememberedWidths?: number[]): string {
  const { lines, trailing } = splitLines(text);
  const out: string[] = [];
  const widths: number[] = [];
  const state = { options, lines, widths, out, remembered: rememberedWidths };
  formatBlock(state, 0, lines.length);
  let result = out.join('\n');
  if (trailing && lines.length > 0) result += '\n';
  return result;
}

interface FormatState {
  options: TabwriterOptions;
  lines: Line[];
  widths: number[];
  out: string[];
  remembered?: number[];
}

/** formatBlock lays out lines [line0, line1) for the column len(widths), recursing rightwards. */
function formatBlock(state: FormatState, line0: number, line1: number): void {
  const column = state.widths.length;
  let start = line0;
  let current = line0;
  while (current < line1) {
    if (column >= state.lines[current].cells.length - 1) {
      current++;
      continue;
    }
    writeLines(state, start, current);
    start = current;
    let width = state.options.minWidth;
    for (; current < line1; current++) {
      const line = state.lines[current];
      if (column >= line.cells.length - 1) break;
      width = Math.max(width, line.widths[column] + state.options.padding);
    }
    width = applyRememberedWidth(state, width);
    state.widths.push(width);
    formatBlock(state, start, current);
    state.widths.pop();
    start = current;
  }
  writeLines(state, start, line1);
}

/** applyRememberedWidth keeps column widths monotonic across flushes (liggitt RememberWidths). */
function applyRememberedWidth(state: FormatState, width: number): number {
  const remembered = state.remembered;
  if (!remembered) return width;
  const column = state.widths.length;
  while (remembered.length < column) remembered.push(state.widths[remembered.length]);
  if (remembered.length === column) {
    remembered.push(width);
    return width;
  }
  if (remembered[column] > width) return remembered[column];
  remembered[column] = width;
  return width;
}

function writeLines(state: FormatState, line0: number, line1: number): void {
  for (let i = line0; i < line1; i++) {
    const line = state.lines[i];
    let text = '';
    line.cells.forEach((cell, j) => {
      text += cell;
      if (j < state.widths.length) text += ' '.repeat(Math.max(0, state.widths[j] - line.widths[j]));
    });
    state.out.push(text);
  }
}
