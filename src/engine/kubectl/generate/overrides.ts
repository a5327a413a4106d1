// Mirrors staging/src/k8s.io/kubectl/pkg/cmd/util/override_options.go (v1.32): `--overrides`
// applied to a generated object as a JSON merge patch (default), a JSON patch or a strategic
// merge patch (`--override-type`), as `kubectl run` and `kubectl expose` do before sending it.
import { applyJsonPatch, type JsonPatchOp } from '../../apiserver/patch/jsonPatch';
import { applyMergePatch } from '../../apiserver/patch/mergePatch';
import { applyStrategicMergePatch } from '../../apiserver/patch/strategicMerge';
import { stringFlag, type ParsedCommand } from '../args/commandSpec';
import type { JsonObject } from '../printers/json';

/** applyOverrides returns the object with --overrides applied, or the error kubectl prints. */
export function applyOverrides(cmd: ParsedCommand, obj: JsonObject, kind: string): JsonObject | Error {
  const overrides = stringFlag(cmd, 'overrides');
  const type = stringFlag(cmd, 'override-type') || 'merge';
  if (overrides === '') return obj;
  if (!['json', 'merge', 'strategic'].includes(type)) return new Error(`invalid override type: ${type}`);
  let patch: unknown;
  try {
    patch = JSON.parse(overrides);
  } catch {
    return new Error('Invalid JSON Patch');
  }
  if (type === 'json') {
    if (!Array.isArray(patch)) return new Error('Invalid JSON Patch');
    const result = applyJsonPatch(obj, patch as JsonPatchOp[]);
    return result.ok ? (result.value as JsonObject) : new Error(result.error);
  }
  if (type === 'strategic') return applyStrategicMergePatch(obj, patch, kind) as JsonObject;
  return applyMergePatch(obj, patch) as JsonObject;
}
