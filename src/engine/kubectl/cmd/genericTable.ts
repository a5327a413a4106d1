import type { KubeObject } from '../../api/object';
import { fromRFC3339 } from '../../sim/time';
import type { ResourceType } from '../args/resources';
import { humanDuration } from '../printers/humanDuration';
import { formatTabbed, labelColumnCells, labelColumnHeaders, TABLE_TABWRITER, type GetOptions } from '../printers/table';

/**
 * printGeneric is the apiserver's default table (NAME, AGE) for kinds without their own printer
 * (ServiceAccounts, Roles, LimitRanges ...), as the generic TableConvertor renders them.
 */
export function printGeneric(type: ResourceType, objects: readonly KubeObject[], options: GetOptions): string {
  if (objects.length === 0) return '';
  const withNamespace = Boolean(options.allNamespaces) && type.namespaced;
  const labelColumns = options.labelColumns ?? [];
  const showLabels = Boolean(options.showLabels);
  const lines: string[] = [];
  if (!options.noHeaders) lines.push([...(withNamespace ? ['NAMESPACE'] : []), 'NAME', 'AGE', ...labelColumnHeaders(labelColumns, showLabels)].join('\t'));
  for (const obj of objects) {
    const meta = obj.metadata ?? {};
    const age = meta.creationTimestamp ? humanDuration(options.nowMs - fromRFC3339(meta.creationTimestamp)) : '<unknown>';
    const name = options.withKind ? `${type.kind.toLowerCase()}${type.group ? `.${type.group}` : ''}/${meta.name ?? ''}` : (meta.name ?? '');
    lines.push([...(withNamespace ? [meta.namespace ?? ''] : []), name, age, ...labelColumnCells(meta.labels, labelColumns, showLabels)].join('\t'));
  }
  return formatTabbed(`${lines.join('\n')}\n`, TABLE_TABWRITER, []);
}
