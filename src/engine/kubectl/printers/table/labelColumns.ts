// Mirrors the label decoration of k8s.io/cli-runtime pkg/printers/tableprinter.go (decorateTable,
// formatLabelHeaders, appendLabelCells): `kubectl get -L key` adds one column per key after the
// server's columns, and --show-labels adds LABELS after those.
import { formatLabels } from './labels';

/**
 * labelColumnHeaders is formatLabelHeaders: the header is the part of the key after its last '/',
 * upper-cased, so `-L app.kubernetes.io/name` shows as NAME (it may repeat the NAME column; kubectl
 * does not dedupe). LABELS goes last when --show-labels is set.
 * @example labelColumnHeaders(['app', 'app.kubernetes.io/name'], true) // ['APP', 'NAME', 'LABELS']
 */
export function labelColumnHeaders(labelColumns: readonly string[], showLabels: boolean): string[] {
  const headers = labelColumns.map((key) => key.slice(key.lastIndexOf('/') + 1).toUpperCase());
  return showLabels ? [...headers, 'LABELS'] : headers;
}

/**
 * labelColumnCells is appendLabelCells: the value of each requested key (keys are case-sensitive;
 * a missing label is an empty cell, not `<none>`), then the formatted label set for --show-labels.
 */
export function labelColumnCells(labels: Record<string, string> | undefined | null, labelColumns: readonly string[], showLabels: boolean): string[] {
  const cells = labelColumns.map((key) => (labels && Object.hasOwn(labels, key) ? labels[key] : ''));
  return showLabels ? [...cells, formatLabels(labels)] : cells;
}
