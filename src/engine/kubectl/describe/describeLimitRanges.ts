// Mirrors k8s.io/kubectl pkg/describe/describe.go (v1.32) DescribeLimitRanges and
// describeLimitRangeSpec, as `describe namespace` prints them. kubectl walks each limit's resource
// names in Go map order (random); k8sim prints them sorted.
import type { LimitRange } from 'kubernetes-types/core/v1';
import { compareStrings } from '../printers/table/labels';
import { formatQuantity, parseQuantity } from '../printers/table/quantity';
import { LEVEL_0, type PrefixWriter } from './prefixWriter';

type Amounts = Record<string, string | number> | undefined;

const cell = (list: Amounts, name: string) => (list?.[name] !== undefined ? formatQuantity(parseQuantity(list[name])) : '-');

/** describeLimitRanges prints `No LimitRange resource.` or the Type/Resource/Min/Max/... table. */
export function describeLimitRanges(limitRanges: readonly LimitRange[], w: PrefixWriter): void {
  if (limitRanges.length === 0) {
    w.write(LEVEL_0, 'No LimitRange resource.\n');
    return;
  }
  w.write(LEVEL_0, 'Resource Limits\n Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n');
  w.write(LEVEL_0, ' ----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n');
  for (const lr of limitRanges) {
    for (const item of lr.spec?.limits ?? []) {
      const lists = [item.min, item.max, item.defaultRequest, item.default, item.maxLimitRequestRatio];
      const names = [...new Set(lists.flatMap((l) => Object.keys(l ?? {})))].sort(compareStrings);
      for (const name of names) {
        w.write(LEVEL_0, ` ${item.type}\t${name}\t${lists.map((l) => cell(l, name)).join('\t')}\n`);
      }
    }
  }
}
