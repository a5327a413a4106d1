// Mirrors kubernetes staging/src/k8s.io/apimachinery/pkg/util/validation/field/path.go:
// `spec.containers[0].name`, `metadata.labels[app]` (keys are not quoted).

/** child appends `.name` (or starts the path). */
export function child(path: string, ...names: string[]): string {
  let out = path;
  for (const name of names) out = out === '' ? name : `${out}.${name}`;
  return out;
}

/** index appends `[i]`. */
export function index(path: string, i: number): string {
  return `${path}[${i}]`;
}

/** key appends `[key]`. */
export function key(path: string, k: string): string {
  return `${path}[${k}]`;
}
