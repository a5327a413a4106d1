// Mirrors github.com/olekukonko/tablewriter at a0225b3f23b5 (the version etcd 3.4 vendors):
// NewWriter + SetHeader + Append + SetAlignment(ALIGN_RIGHT) + Render, as etcdctl's
// printer_table.go uses it. Cells wider than 30 columns wrap at spaces; headers are
// upper-cased and centred; the widths of East Asian wide runes are not modelled.

/** MAX_CELL_WIDTH is tablewriter's MAX_ROW_WIDTH: longer cells wrap at word boundaries. */
const MAX_CELL_WIDTH = 30;

/**
 * renderRightAlignedTable draws an ASCII table the way `etcdctl -w table` does.
 *
 * @example
 * renderRightAlignedTable(['endpoint', 'health'], [['127.0.0.1:2379', 'true']]);
 * // +----------------+--------+
 * // |    ENDPOINT    | HEALTH |
 * // +----------------+--------+
 * // | 127.0.0.1:2379 |   true |
 * // +----------------+--------+
 */
export function renderRightAlignedTable(header: string[], rows: string[][]): string {
  const widths = header.map((h) => Math.min(h.length, MAX_CELL_WIDTH));
  // Cells are measured and wrapped in append order: the wrap limit is the column width so far.
  const wrappedRows = rows.map((row) =>
    row.map((cell, col) => {
      widths[col] = Math.max(widths[col] ?? 0, Math.min(cell.length, MAX_CELL_WIDTH));
      const lines = wrapString(cell, widths[col]);
      widths[col] = Math.max(widths[col], ...lines.map((l) => l.length));
      return lines;
    }),
  );
  const border = `+${widths.map((w) => '-'.repeat(w + 2)).join('+')}+\n`;
  let out = border;
  out += `|${header.map((h, i) => ` ${padCenter(title(h), widths[i])} `).join('|')}|\n`;
  out += border;
  for (const row of wrappedRows) {
    const height = Math.max(...row.map((lines) => lines.length));
    for (let line = 0; line < height; line++) {
      out += `|${row.map((lines, i) => ` ${(lines[line] ?? '').padStart(widths[i])} `).join('|')}|\n`;
    }
  }
  return out + border;
}

/** title upper-cases a header and turns `_` and `.` into spaces, as tablewriter.Title does. */
function title(name: string): string {
  return name.replace(/[_.]/g, ' ').trim().toUpperCase();
}

/** padCenter centres text, putting the odd space on the right (tablewriter.Pad). */
function padCenter(text: string, width: number): string {
  const gap = width - text.length;
  if (gap <= 0) return text;
  const left = Math.floor(gap / 2);
  return ' '.repeat(left) + text + ' '.repeat(gap - left);
}

/**
 * wrapString splits text into lines of at most `limit` columns with minimal raggedness
 * (tablewriter.WrapString / WrapWords: dynamic programming over word breaks, squared slack
 * cost, 1e5 penalty for lines that still overflow). A single word longer than the limit
 * raises the limit.
 */
export function wrapString(text: string, limit: number): string[] {
  const words = text.replace(/\n/g, ' ').split(' ');
  const lim = Math.max(limit, ...words.map((w) => w.length));
  const n = words.length;
  const lineLength = (from: number, to: number) =>
    words.slice(from, to + 1).reduce((sum, w) => sum + w.length, 0) + (to - from);
  const cost = new Array<number>(n).fill(2 ** 31 - 1);
  const nextBreak = new Array<number>(n).fill(n);
  for (let i = n - 1; i >= 0; i--) {
    if (lineLength(i, n - 1) <= lim) {
      cost[i] = 0;
      nextBreak[i] = n;
      continue;
    }
    for (let j = i + 1; j < n; j++) {
      const length = lineLength(i, j - 1);
      const slack = lim - length;
      const c = slack * slack + cost[j] + (length > lim ? 1e5 : 0);
      if (c < cost[i]) {
        cost[i] = c;
        nextBreak[i] = j;
      }
    }
  }
  const lines: string[] = [];
  for (let i = 0; i < n; i = nextBreak[i]) lines.push(words.slice(i, nextBreak[i]).join(' '));
  return lines;
}
