// Go `%+v` renderings the HPA puts in its messages (the generated String() of *metav1.LabelSelector).
import type { LabelSelector } from 'kubernetes-types/meta/v1';

/**
 * labelSelectorString renders a *metav1.LabelSelector as its generated String() does, e.g.
 * `&LabelSelector{MatchLabels:map[string]string{queue: worker,},MatchExpressions:[]LabelSelectorRequirement{},}`;
 * a nil selector prints `nil`.
 */
export function labelSelectorString(selector: LabelSelector | undefined | null): string {
  if (!selector) return 'nil';
  const labels = Object.keys(selector.matchLabels ?? {}).sort().map((k) => `${k}: ${selector.matchLabels![k]},`).join('');
  const expressions = (selector.matchExpressions ?? [])
    .map((e) => `LabelSelectorRequirement{Key:${e.key},Operator:${e.operator},Values:[${(e.values ?? []).join(' ')}],},`)
    .join('');
  return `&LabelSelector{MatchLabels:map[string]string{${labels}},MatchExpressions:[]LabelSelectorRequirement{${expressions}},}`;
}
