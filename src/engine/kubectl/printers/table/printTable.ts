// Mirrors kubectl's side of `kubectl get` for human-readable output: k8s.io/kubectl pkg/cmd/get/get.go
// (Run: one printer per resource type, blank line between types, "No resources found" on stderr)
// and k8s.io/cli-runtime pkg/printers/tableprinter.go (decorateTable: NAMESPACE first with -A,
// one column per -L key then LABELS last with --show-labels, `kind/name` when several kinds are
// printed; printTable: headers upper-cased, wide-only columns dropped, cells cut at the first
// newline with `...`).
import type { ObjectMeta } from 'kubernetes-types/meta/v1';
import { labelColumnCells, labelColumnHeaders } from './labelColumns';
import { compareStrings } from './labels';
import { qualifiedKind, RESOURCES, type PrintableResource } from './resources';
import { formatTabbed, TABLE_TABWRITER } from './tabwriter';
import type { KubeObject, TableCell } from './types';

/** GetOptions are the flags of `kubectl get` that change the table text. */
export interface GetOptions {
  /** sim time in ms */
  nowMs: number;
  wide?: boolean;
  showLabels?: boolean;
  /** `-L key` / `--label-columns=a,b`: one column per label key, in flag order */
  labelColumns?: readonly string[];
  /** `-A`: adds NAMESPACE for namespaced resources */
  allNamespaces?: boolean;
  noHeaders?: boolean;
  /** the request namespace, for "No resources found in <ns> namespace." (default `default`) */
  namespace?: string;
  /** force `kind/name` names even for one kind (kubectl does it when several types were requested) */
  withKind?: boolean;
}

/** GetOutput separates the streams: kubectl writes the "No resources found" notice to stderr. */
export interface GetOutput {
  stdout: string;
  stderr: string;
}

/** ResourceObjects is one resource type and the objects the apiserver listed for it. */
export interface ResourceObjects {
  resource: PrintableResource;
  objects: KubeObject[];
  /** `kubectl get pod NAME`: print only this object, or a NotFound error when it is absent */
  name?: string;
}

/** notFoundError is how kubectl reports a named object the apiserver does not have. */
export function notFoundError(resource: PrintableResource, name: string): string {
  const group = RESOURCES[resource].group;
  return `Error from server (NotFound): ${group ? `${resource}.${group}` : resource} "${name}" not found\n`;
}

/** apiserverOrder sorts as an etcd-backed list returns items: by the key `namespace/name`. */
export function apiserverOrder<T extends KubeObject>(objects: readonly T[]): T[] {
  const key = (o: KubeObject) => `${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`;
  return [...objects].sort((a, b) => compareStrings(key(a), key(b)));
}

/** cellText prints one cell as tableprinter does: `fmt.Sprint`, cut at the first line break, terminal escapes neutralised. */
function cellText(cell: TableCell | undefined): string {
  if (cell === undefined) return '';
  let text = String(cell);
  const breakAt = text.search(/[\f\n\r]/);
  const truncated = breakAt >= 0;
  if (truncated) text = text.slice(0, breakAt);
  text = text.replace(/\x1b/g, '^[').replace(/\r/g, '\\r');
  return truncated ? `${text}...` : text;
}

/** tableLines renders one resource type's header and rows as tab-separated lines (not yet aligned). */
function tableLines(resource: PrintableResource, objects: KubeObject[], options: GetOptions, withKind: boolean): string[] {
  const info = RESOURCES[resource];
  const wide = Boolean(options.wide);
  const withNamespace = Boolean(options.allNamespaces) && info.namespaced;
  // The apiserver always builds rows with Wide: true (pkg/printers/storage TableConvertor);
  // kubectl then drops priority-1 columns unless `-o wide`.
  const shown = info.printer.columns.map((c, i) => ({ c, i })).filter(({ c }) => wide || c.priority === 0);
  const nameIndex = withKind ? shown.findIndex(({ c }) => c.format === 'name') : -1;
  const labelColumns = options.labelColumns ?? [];
  const showLabels = Boolean(options.showLabels);
  const lines: string[] = [];
  if (objects.length === 0) return lines;
  if (!options.noHeaders) {
    const headers = shown.map(({ c }) => c.name.toUpperCase());
    if (withNamespace) headers.unshift('NAMESPACE');
    headers.push(...labelColumnHeaders(labelColumns, showLabels));
    lines.push(headers.join('\t'));
  }
  for (const object of objects) {
    const all = info.printer.printRow(object, { nowMs: options.nowMs, wide: true });
    const cells = shown.map(({ i }) => cellText(all[i]));
    if (nameIndex >= 0) cells[nameIndex] = `${qualifiedKind(resource)}/${cells[nameIndex]}`;
    const meta: ObjectMeta = object.metadata ?? {};
    if (withNamespace) cells.unshift(meta.namespace ?? '');
    cells.push(...labelColumnCells(meta.labels, labelColumns, showLabels));
    lines.push(cells.join('\t'));
  }
  return lines;
}

/**
 * printTable is `kubectl get <resource>` for one type: the aligned table on stdout, or '' when
 * there is nothing to print (see printGet for the stderr notice). Objects are printed in apiserver
 * list order (namespace/name).
 * @example printTable('pods', pods, { nowMs }) // 'NAME    READY   STATUS    RESTARTS   AGE\nweb-1   1/1 ...'
 */
export function printTable(resource: PrintableResource, objects: readonly KubeObject[], options: GetOptions): string {
  return printGet([{ resource, objects: [...objects] }], options).stdout;
}

/**
 * printGet is `kubectl get a,b,c` (or `get all`): one table per type that has objects, names
 * prefixed with `kind.group/` when more than one type was requested, a blank line between tables
 * (unless --no-headers), and the "No resources found" notice on stderr when nothing was printed.
 */
export function printGet(groups: readonly ResourceObjects[], options: GetOptions): GetOutput {
  // Each requested type comes back as one Table (even an empty one), so `get all` prefixes names
  // with the kind whenever more than one type was asked for (get.go multipleGVKsRequested).
  const withKind = Boolean(options.withKind) || new Set(groups.map((g) => g.resource)).size > 1;
  let stdout = '';
  let errors = '';
  for (const group of groups) {
    let objects = group.objects;
    if (group.name !== undefined) {
      objects = objects.filter((o) => o.metadata?.name === group.name);
      if (objects.length === 0) errors += notFoundError(group.resource, group.name);
    }
    const lines = tableLines(group.resource, apiserverOrder(objects), options, withKind);
    if (lines.length === 0) continue;
    if (stdout !== '' && !options.noHeaders) stdout += '\n';
    stdout += formatTabbed(`${lines.join('\n')}\n`, TABLE_TABWRITER, []);
  }
  let stderr = errors;
  if (stdout === '' && errors === '') stderr = noResourcesFound(!options.allNamespaces && groups.every((g) => RESOURCES[g.resource].namespaced), options.namespace);
  return { stdout, stderr };
}

/**
 * noResourcesFound is get.go's notice when nothing was printed: it names the namespace only when
 * every requested type is namespaced and -A is off (kubernetes#89861: `kubectl get pv` says
 * "No resources found").
 */
export function noResourcesFound(allNamespaced: boolean, namespace = 'default'): string {
  return allNamespaced ? `No resources found in ${namespace} namespace.\n` : 'No resources found\n';
}
