// Label selector matching (apimachinery labels.Selector.Matches for a metav1.LabelSelector), used
// where kubectl lists with `?labelSelector=` (a controller's pods).
import type { LabelSelector } from 'kubernetes-types/meta/v1';

/** matchesSelector: every matchLabels pair and matchExpression holds; a missing selector matches nothing. */
export function matchesSelector(selector: LabelSelector | undefined | null, labels: Record<string, string> | undefined): boolean {
  if (!selector) return false;
  const have = labels ?? {};
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) if (have[key] !== value) return false;
  for (const expr of selector.matchExpressions ?? []) {
    const present = Object.prototype.hasOwnProperty.call(have, expr.key);
    const values = expr.values ?? [];
    const ok = {
      In: present && values.includes(have[expr.key]),
      NotIn: !present || !values.includes(have[expr.key]),
      Exists: present,
      DoesNotExist: !present,
    }[expr.operator];
    if (!ok) return false;
  }
  return true;
}
