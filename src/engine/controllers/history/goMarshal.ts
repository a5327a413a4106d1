// The bytes Go's encoding/json writes for a value decoded into map[string]interface{}: object keys
// sorted, `<`, `>`, `&` and U+2028/U+2029 escaped (HTMLEscape is on by default). The DaemonSet and
// StatefulSet controllers build a revision's Data.Raw that way (getPatch: Marshal → Unmarshal into
// a map → Marshal), so the hash of a revision depends on exactly these bytes.

const GO_ESCAPES: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029' };

/** goMarshalSorted is json.Marshal of `value` as a generic map: sorted keys, Go's string escaping. */
export function goMarshalSorted(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (typeof value === 'string') return goString(value);
  if (typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(goMarshalSorted).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).filter((key) => record[key] !== undefined).sort(byBytes);
  return `{${keys.map((key) => `${goString(key)}:${goMarshalSorted(record[key])}`).join(',')}}`;
}

function goString(text: string): string {
  return JSON.stringify(text).replace(/[<>&\u2028\u2029]/g, (c) => GO_ESCAPES[c]);
}

/** byBytes: Go sorts map keys by their bytes; UTF-16 order equals it outside the surrogate range. */
function byBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
