import { setOwn } from '../../api/object';
/**
 * JSON merge patch (RFC 7386), what `kubectl patch --type=merge` sends: objects merge
 * recursively, `null` deletes a field, anything else (arrays included) replaces.
 */
export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const base: Record<string, unknown> =
    target !== null && typeof target === 'object' && !Array.isArray(target) ? { ...(target as Record<string, unknown>) } : {};
  for (const [key, value] of Object.entries(patch as Record<string, unknown>)) {
    if (value === null) delete base[key];
    else setOwn(base, key, applyMergePatch(base[key], value));
  }
  return base;
}
