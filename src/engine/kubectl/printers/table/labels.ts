// Mirrors apimachinery pkg/labels (FormatLabels, Selector.String) and
// pkg/apis/meta/v1/helpers.go (FormatLabelSelector) as used by printers.go and describe.go.
import type { LabelSelector } from 'kubernetes-types/meta/v1';

/** compareStrings orders like Go's `<` on strings (UTF-16 order equals byte order for ASCII keys). */
export function compareStrings(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

/** formatLabels is labels.FormatLabels: sorted `k=v,k2=v2`, `<none>` when empty. */
export function formatLabels(labels: Record<string, string> | undefined | null): string {
  const keys = Object.keys(labels ?? {}).sort(compareStrings);
  if (keys.length === 0) return '<none>';
  return keys.map((key) => `${key}=${labels![key]}`).join(',');
}

/**
 * selectorString is labels.Selector.String() for a LabelSelector converted by
 * LabelSelectorAsSelector: requirements sorted by key, `in`/`notin` values sorted. An empty or
 * missing selector selects everything and prints as ''.
 */
export function selectorString(selector: LabelSelector | undefined | null): string {
  if (!selector) return '';
  const requirements: Array<{ key: string; text: string }> = [];
  for (const key of Object.keys(selector.matchLabels ?? {})) {
    requirements.push({ key, text: `${key}=${selector.matchLabels![key]}` });
  }
  for (const expr of selector.matchExpressions ?? []) {
    const values = [...new Set(expr.values ?? [])].sort(compareStrings).join(',');
    const text = {
      In: `${expr.key} in (${values})`,
      NotIn: `${expr.key} notin (${values})`,
      Exists: expr.key,
      DoesNotExist: `!${expr.key}`,
    }[expr.operator];
    if (text !== undefined) requirements.push({ key: expr.key, text });
  }
  requirements.sort((a, b) => compareStrings(a.key, b.key));
  return requirements.map((r) => r.text).join(',');
}

/** formatLabelSelector is metav1.FormatLabelSelector: like selectorString but `<none>` when empty. */
export function formatLabelSelector(selector: LabelSelector | undefined | null): string {
  const text = selectorString(selector);
  return text === '' ? '<none>' : text;
}

/** layoutContainerCells joins container names and images with ',' for the wide CONTAINERS/IMAGES columns. */
export function layoutContainerCells(containers: Array<{ name: string; image?: string }> | undefined): [string, string] {
  const list = containers ?? [];
  return [list.map((c) => c.name).join(','), list.map((c) => c.image ?? '').join(',')];
}
