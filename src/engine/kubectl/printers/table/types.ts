// Shapes of metav1.Table as the apiserver returns it for `kubectl get` (server-side printing,
// pkg/printers/internalversion/printers.go builds the rows; kubectl only decorates and aligns).
import type { ObjectMeta } from 'kubernetes-types/meta/v1';

/** KubeObject is any API object: enough to read metadata for NAMESPACE/LABELS/name columns. */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
}

/** TableColumn is metav1.TableColumnDefinition; priority 1 columns only show with `-o wide`. */
export interface TableColumn {
  /** header as defined upstream (`Nominated Node`); kubectl upper-cases it */
  name: string;
  priority: 0 | 1;
  /** 'name' marks the column kubectl prefixes with `kind/` when several kinds are printed */
  format?: 'name';
}

/** TableCell is what a row cell holds: strings, integers (int64) or booleans. */
export type TableCell = string | number | boolean;

/** TableRow is metav1.TableRow with the object kept for metadata decoration. */
export interface TableRow {
  cells: TableCell[];
  object: KubeObject;
}

/** GenerateOptions mirrors printers.GenerateOptions plus the sim clock. */
export interface GenerateOptions {
  /** sim time in ms; ages are computed against it */
  nowMs: number;
  /** `-o wide`: rows carry the priority-1 cells too */
  wide: boolean;
}

/** ResourcePrinter builds the server-side table for one resource. */
export interface ResourcePrinter<T> {
  columns: TableColumn[];
  printRow: (object: T, options: GenerateOptions) => TableCell[];
}

/** col is shorthand for a column definition. */
export function col(name: string, priority: 0 | 1 = 0, format?: 'name'): TableColumn {
  return format ? { name, priority, format } : { name, priority };
}

/** nameCol is the first column of nearly every table. */
export const NAME_COLUMN = col('Name', 0, 'name');
/** AGE_COLUMN is the creationTimestamp column. */
export const AGE_COLUMN = col('Age');
