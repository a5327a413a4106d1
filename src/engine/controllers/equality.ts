/**
 * semanticDeepEqual mirrors apimachinery's equality.Semantic.DeepEqual on JSON-shaped objects:
 * like reflect.DeepEqual except that a nil and an empty slice or map are equal. In JSON terms an
 * absent field, `null`, `[]` and `{}` compare equal, so a template the apiserver stored with
 * `labels: {}` still equals one without labels.
 */
export function semanticDeepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (isEmpty(a) && isEmpty(b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, i) => semanticDeepEqual(item, other[i]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  for (const key of keys) if (!semanticDeepEqual(left[key], right[key])) return false;
  return true;
}

/**
 * jsonEqual is reflect.DeepEqual on what the apiserver would store: fields that are undefined are
 * absent, everything else (including empty lists) must match.
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  // Consecutive versions of a stored object share unchanged subtrees (shareUnchanged), so the
  // informers' old and new labels are usually one object: no need to serialize both.
  if (a === b) return true;
  return stableStringify(a) === stableStringify(b);
}

/** stableStringify is JSON with object keys sorted and undefined fields dropped (a canonical dump). */
export function stableStringify(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).filter((key) => record[key] !== undefined).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${stableStringify(record[key])}`).join(',')}}`;
}

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && Object.keys(value).length === 0;
}
