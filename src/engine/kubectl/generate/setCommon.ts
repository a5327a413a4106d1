// Shared tail of `kubectl set image|resources|env`: staging/src/k8s.io/kubectl/pkg/cmd/set/
// helper.go CalculatePatches (print only when the re-encoded object changed) and the
// per-object error wrapping `error: <resource>/<name> <err>` of each Run().
import { type ParsedCommand } from '../args/commandSpec';
import { checkErrAggregate, type KubectlUsageError, usageFailure } from '../args/errors';
import { resourceTypeForKind } from '../args/resources';
import { type JsonObject, marshalJsonCompact } from '../printers/json';
import { type DryRunAndPrinter, type Generated, generated } from './context';
import { marshalTyped } from './goMarshal';
import { notAPodError, objectName } from './podSpec';

/** pluralFor names the resource of an object for `resource/name` messages. */
export function pluralFor(obj: JsonObject): string {
  return resourceTypeForKind(String(obj.apiVersion ?? ''), String(obj.kind ?? ''))?.plural ?? String(obj.kind ?? '').toLowerCase();
}

/**
 * infoObjectName mirrors resource.Info.ObjectName(): `<resource>/<name>` when the object came
 * through the REST mapper, but with --local there is no mapping and kubectl falls back to the
 * lower-cased kind (`deployment.apps/web` plus a stray newline for non-core groups).
 */
export function infoObjectName(obj: JsonObject, local: boolean): string {
  if (!local) return objectName(pluralFor(obj), obj);
  const apiVersion = String(obj.apiVersion ?? '');
  const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
  const name = String((obj.metadata as JsonObject | undefined)?.name ?? '');
  const kind = String(obj.kind ?? '').toLowerCase();
  return group ? `${kind}.${group}/${name}\n` : `${kind}/${name}`;
}

/** notAPodFailure is the error for objects without a pod template. */
export function notAPodFailure(obj: JsonObject, local: boolean): KubectlUsageError {
  return usageFailure(checkErrAggregate([`error: ${infoObjectName(obj, local)} ${notAPodError(String(obj.kind))}\n`]));
}

/**
 * finishSet prints `after` only if it differs from `before` once both are re-encoded (the
 * "{}" patch check), and attaches the collected errors.
 */
export function finishSet(
  cmd: ParsedCommand,
  prep: DryRunAndPrinter,
  before: JsonObject,
  after: JsonObject,
  errors: string[],
  operation: string,
): Generated {
  const encodedBefore = marshalTyped(before);
  const encodedAfter = marshalTyped(after);
  const changed = marshalJsonCompact(encodedBefore) !== marshalJsonCompact(encodedAfter);
  const result = generated(cmd, changed ? [encodedAfter] : [], prep, operation);
  return errors.length > 0 ? { ...result, error: usageFailure(checkErrAggregate(errors)) } : result;
}
