// Mirrors k8s.io/kubectl pkg/describe/describe.go (v1.32) genericDescriber, printUnstructuredContent
// and smartLabelFor: kinds without a describer of their own (Lease, ...) print their JSON content
// with fields sorted and camelCase keys turned into words (fatih/camelcase), then the events.
import type { KubeObject } from '../printers/table/types';
import { describeEvents } from './describeEvents';
import { printAnnotationsMultiline, printLabelsMultiline } from './describeMeta';
import { searchEvents, type DescribeLookup, type DescribeOptions } from './lookup';
import { LEVEL_0, tabbedString, type PrefixWriter } from './prefixWriter';

const SKIPPED = new Set(['.metadata.managedFields', '.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations']);
const COMMON_ACRONYMS = new Set(['API', 'URL', 'UID', 'OSB', 'GUID']);

/** describeGeneric is `kubectl describe` of a kind kubectl has no describer for. */
export function describeGeneric(obj: KubeObject, lookup: DescribeLookup, options: DescribeOptions): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${obj.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${obj.metadata?.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', obj.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', obj.metadata?.annotations);
    printUnstructuredContent(w, LEVEL_0, obj as unknown as Record<string, unknown>, '');
    if (options.showEvents !== false) {
      const events = searchEvents(lookup, { name: obj.metadata?.name ?? '', namespace: obj.metadata?.namespace ?? '', kind: obj.kind, uid: obj.metadata?.uid });
      describeEvents(events, w, options.nowMs);
    }
  });
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** printUnstructuredContent writes fields in sorted order; maps and lists nest one level deeper. */
export function printUnstructuredContent(w: PrefixWriter, level: number, content: Record<string, unknown>, skipPrefix: string): void {
  for (const field of Object.keys(content).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    const value = content[field];
    const path = `${skipPrefix}.${field}`;
    if (SKIPPED.has(path) || value === undefined) continue;
    if (isMap(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      printUnstructuredContent(w, level + 1, value, path);
    } else if (Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      for (const child of value) {
        if (isMap(child)) printUnstructuredContent(w, level + 1, child, path);
        else w.write(level + 1, `${goValue(child)}\n`);
      }
    } else w.write(level, `${smartLabelFor(field)}:\t${goValue(value)}\n`);
  }
}

/** goValue is fmt's %v of a JSON scalar (null prints <nil>). */
function goValue(value: unknown): string {
  return value === null ? '<nil>' : String(value);
}

/** smartLabelFor turns `leaseDurationSeconds` into `Lease Duration Seconds`, `uid` into `UID`. */
export function smartLabelFor(field: string): string {
  if (/[^\p{L}\p{N}_-]/u.test(field)) return field;
  return camelcaseSplit(field)
    .filter((part) => part !== '_')
    .map((part) => (COMMON_ACRONYMS.has(part.toUpperCase()) ? part.toUpperCase() : part.charAt(0).toUpperCase() + part.slice(1)))
    .join(' ');
}

/** camelcaseSplit is fatih/camelcase Split: runs of one character class; `PDFLoader` → PDF, Loader. */
export function camelcaseSplit(text: string): string[] {
  const kind = (c: string) => (/\p{Ll}/u.test(c) ? 1 : /\p{Lu}/u.test(c) ? 2 : /\p{N}/u.test(c) ? 3 : 4);
  const runs: string[][] = [];
  let last = 0;
  for (const c of text) {
    const k = kind(c);
    if (k === last) runs[runs.length - 1].push(c);
    else runs.push([c]);
    last = k;
  }
  for (let i = 0; i < runs.length - 1; i++) {
    if (kind(runs[i][0]) === 2 && kind(runs[i + 1][0]) === 1) {
      runs[i + 1].unshift(runs[i].pop()!);
    }
  }
  return runs.filter((r) => r.length > 0).map((r) => r.join(''));
}
