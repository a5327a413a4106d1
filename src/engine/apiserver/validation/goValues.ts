// Go %#v renderings that upstream field errors print for non-scalar bad values, e.g.
// `map[string]string{"app":"web"}` for template labels or
// `v1.LabelSelector{MatchLabels:map[string]string{…}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}`.
import { goQuote, goSyntax, type GoSyntax } from '../../api/status';

/** goStringMapText prints map[string]string with sorted keys, as fmt does since Go 1.12. */
export function goStringMapText(map: Record<string, string> | undefined | null): string {
  if (map === undefined || map === null) return 'map[string]string(nil)';
  const keys = Object.keys(map).sort();
  return `map[string]string{${keys.map((k) => `${goQuote(k)}:${goQuote(map[k])}`).join(', ')}}`;
}

/** goStringMap wraps goStringMapText as a field-error value. */
export function goStringMap(map: Record<string, string> | undefined | null): GoSyntax {
  return goSyntax(goStringMapText(map));
}

/** goStringSliceText prints []string{"a", "b"} or []string(nil). */
export function goStringSliceText(items: readonly string[] | undefined | null, type = '[]string'): string {
  if (!items) return `${type}(nil)`;
  return `${type}{${items.map((s) => goQuote(s)).join(', ')}}`;
}

/** goStringSlice wraps goStringSliceText as a field-error value. */
export function goStringSlice(items: readonly string[] | undefined | null, type = '[]string'): GoSyntax {
  return goSyntax(goStringSliceText(items, type));
}

interface SelectorLike {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

/** goLabelSelector prints a *metav1.LabelSelector the way ErrorBody derefs and %#v's it. */
export function goLabelSelector(sel: SelectorLike | undefined | null): GoSyntax {
  if (!sel) return goSyntax('null');
  const exprs = sel.matchExpressions
    ? `[]v1.LabelSelectorRequirement{${sel.matchExpressions
        .map((e) => `v1.LabelSelectorRequirement{Key:${goQuote(e.key)}, Operator:${goQuote(e.operator)}, Values:${goStringSliceText(e.values)}}`)
        .join(', ')}}`
    : '[]v1.LabelSelectorRequirement(nil)';
  return goSyntax(`v1.LabelSelector{MatchLabels:${goStringMapText(sel.matchLabels)}, MatchExpressions:${exprs}}`);
}

/** IntOrString is the JSON form of intstr.IntOrString. */
export type IntOrString = number | string;

/** goIntOrStringText prints intstr.IntOrString{Type:0, IntVal:5, StrVal:""} (no Stringer on values). */
export function goIntOrStringText(v: IntOrString | undefined): string {
  if (typeof v === 'string') return `intstr.IntOrString{Type:1, IntVal:0, StrVal:${goQuote(v)}}`;
  return `intstr.IntOrString{Type:0, IntVal:${v ?? 0}, StrVal:""}`;
}

/** goIntOrString wraps goIntOrStringText as a field-error value. */
export function goIntOrString(v: IntOrString | undefined): GoSyntax {
  return goSyntax(goIntOrStringText(v));
}
