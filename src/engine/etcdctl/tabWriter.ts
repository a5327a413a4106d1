// Mirrors Go text/tabwriter with the settings etcdctl's help.go uses for usage text:
// minwidth 0, tabwidth 8, padding 1, padchar '\t'. Tab-terminated cells of consecutive lines
// form a column block; each column pads with tabs to a multiple of 8.

const TAB_WIDTH = 8;
const PADDING = 1;

/** alignWithTabs aligns tab-separated cells the way etcdctl's usage output does. */
export function alignWithTabs(text: string): string {
  const lines = text.split('\n').map((line) => line.split('\t'));
  const out: string[] = [];
  formatBlock(lines, [], 0, lines.length, out);
  return out.join('\n');
}

/** formatBlock is tabwriter.format: find blocks of lines with a cell in the next column. */
function formatBlock(lines: string[][], widths: number[], line0: number, line1: number, out: string[]): void {
  const column = widths.length;
  let start = line0;
  for (let row = line0; row < line1; row++) {
    if (column >= lines[row].length - 1) continue;
    writeLines(lines, widths, start, row, out);
    let width = 0;
    let end = row;
    for (; end < line1 && column < lines[end].length - 1; end++) {
      width = Math.max(width, lines[end][column].length + PADDING);
    }
    formatBlock(lines, [...widths, width], row, end, out);
    start = end;
    row = end - 1;
  }
  writeLines(lines, widths, start, line1, out);
}

/** writeLines emits finished lines, padding each aligned cell with tabs. */
function writeLines(lines: string[][], widths: number[], from: number, to: number, out: string[]): void {
  for (let row = from; row < to; row++) {
    const cells = lines[row];
    let text = '';
    cells.forEach((cell, j) => {
      text += cell;
      if (j >= cells.length - 1) return;
      if (j >= widths.length) {
        text += '\t';
        return;
      }
      const cellWidth = Math.ceil(widths[j] / TAB_WIDTH) * TAB_WIDTH;
      text += '\t'.repeat(Math.ceil((cellWidth - cell.length) / TAB_WIDTH));
    });
    out.push(text);
  }
}
