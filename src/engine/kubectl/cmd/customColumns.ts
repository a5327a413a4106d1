// Mirrors k8s.io/kubectl pkg/cmd/get/customcolumn.go (NewCustomColumnsPrinterFromSpec,
// RelaxedJSONPathExpression, CustomColumnsPrinter.PrintObj) for `kubectl get -o custom-columns=...`.
import type { JsonValue } from '../printers/json';
import { goText, JsonPathError, jsonPathValues, parseTemplate } from '../printers/jsonpath';
import { formatTabbed, TABLE_TABWRITER } from '../printers/table/tabwriter';

/** CustomColumn is one `HEADER:jsonpath` pair; fieldSpec is already in `{.a.b}` form. */
export interface CustomColumn {
  header: string;
  fieldSpec: string;
}

/**
 * relaxedJsonPathExpression accepts `a.b`, `.a.b`, `{a.b}` and `{.a.b}` and returns `{.a.b}`; an
 * empty path stays empty (every cell is then `<none>`). Anything with more braces is refused,
 * because kubectl wants exactly one path per column. undefined means refused.
 */
export function relaxedJsonPathExpression(path: string): string | undefined {
  if (path === '') return '';
  const match = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/s.exec(path);
  if (!match) return undefined;
  return `{.${match[1] ?? match[2]}}`;
}

/**
 * parseCustomColumns splits `NAME:.metadata.name,IMAGE:.spec.containers[*].image` on ',' and each
 * part on its first ':'. A string is kubectl's error text (without the `error: ` prefix).
 */
export function parseCustomColumns(spec: string): CustomColumn[] | string {
  if (spec === '') return 'custom-columns format specified but no custom columns given';
  const columns: CustomColumn[] = [];
  for (const part of spec.split(',')) {
    const colon = part.indexOf(':');
    if (colon < 0) return `unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`;
    const fieldSpec = relaxedJsonPathExpression(part.slice(colon + 1));
    if (fieldSpec === undefined) return "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'";
    columns.push({ header: part.slice(0, colon), fieldSpec });
  }
  return columns;
}

/**
 * printCustomColumns prints the header row (unless --no-headers) then one row per object: the
 * matches of each column's path joined by ',', or `<none>` when nothing matched. A path that does
 * not parse or indexes past an array fails with the rows printed so far (the header at least), as
 * the real printer parses the paths only after the header and stops at the first failing row.
 */
export function printCustomColumns(columns: readonly CustomColumn[], items: readonly JsonValue[], noHeaders: boolean): { stdout: string; stderr: string } {
  const lines = noHeaders ? [] : [columns.map((c) => c.header).join('\t')];
  let stderr = '';
  try {
    for (const c of columns) parseTemplate(c.fieldSpec);
    for (const item of items) lines.push(columns.map((c) => jsonPathValues(c.fieldSpec, item).map(goText).join(',') || '<none>').join('\t'));
  } catch (e) {
    if (!(e instanceof JsonPathError)) throw e;
    stderr = `error: ${e.message}\n`;
  }
  return { stdout: lines.length === 0 ? '' : formatTabbed(`${lines.join('\n')}\n`, TABLE_TABWRITER), stderr };
}
