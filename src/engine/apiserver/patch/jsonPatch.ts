/**
 * JSON patch (RFC 6902) for `kubectl patch --type=json`: add, remove, replace, test, move, copy
 * on JSON pointers. Returns the patched copy or an error text like the apiserver's.
 */
export interface JsonPatchOp {
  op: 'add' | 'remove' | 'replace' | 'test' | 'move' | 'copy';
  path: string;
  value?: unknown;
  from?: string;
}

export function applyJsonPatch(target: unknown, ops: JsonPatchOp[]): { ok: true; value: unknown } | { ok: false; error: string } {
  let doc = structuredClone(target);
  for (const op of ops) {
    const result = applyOne(doc, op);
    if (!result.ok) return result;
    doc = result.value;
  }
  return { ok: true, value: doc };
}

function applyOne(doc: unknown, op: JsonPatchOp): { ok: true; value: unknown } | { ok: false; error: string } {
  const parts = op.path.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (op.op === 'move' || op.op === 'copy') {
    const value = get(doc, (op.from ?? '').split('/').slice(1));
    if (value === undefined) return { ok: false, error: `the "from" path does not exist: ${op.from}` };
    if (op.op === 'move') applyOne(doc, { op: 'remove', path: op.from! });
    return applyOne(doc, { op: 'add', path: op.path, value: structuredClone(value) });
  }
  if (parts.length === 0) return op.op === 'test' ? { ok: true, value: doc } : { ok: true, value: op.value };
  const parent = get(doc, parts.slice(0, -1));
  const last = parts[parts.length - 1];
  if (parent === null || typeof parent !== 'object') return { ok: false, error: `doc is missing path: "${op.path}": missing value` };
  if (op.op === 'test') {
    const actual = (parent as Record<string, unknown>)[last];
    return JSON.stringify(actual) === JSON.stringify(op.value) ? { ok: true, value: doc } : { ok: false, error: 'testing value failed' };
  }
  if (Array.isArray(parent)) {
    const container = parent as unknown[];
    const index = last === '-' ? container.length : Number(last);
    if (op.op === 'add') container.splice(index, 0, op.value);
    else if (index >= container.length) return { ok: false, error: `doc is missing path: "${op.path}": missing value` };
    else if (op.op === 'remove') container.splice(index, 1);
    else container[index] = op.value;
    return { ok: true, value: doc };
  }
  const container = parent as Record<string, unknown>;
  if (op.op !== 'add' && !(last in container)) return { ok: false, error: `doc is missing path: "${op.path}": missing value` };
  if (op.op === 'remove') delete container[last];
  else container[last] = op.value;
  return { ok: true, value: doc };
}

function get(doc: unknown, parts: string[]): unknown {
  let current = doc;
  for (const part of parts) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}
