// Mirrors staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go RecordFlags / ChangeCauseRecorder
// (v1.32): with the deprecated `--record`, the command line becomes the object's
// `kubernetes.io/change-cause` annotation, which the Deployment controller copies to the new
// ReplicaSet and `kubectl rollout history` prints as CHANGE-CAUSE.
import { boolFlag, type ParsedCommand } from '../args/commandSpec';
import type { FlagValue } from '../args/flagSpec';

export const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause';

/** flagTexts: pflag hands the callback each occurrence's own value (`-f a -f b`: two). */
function flagTexts(name: string, value: FlagValue): string {
  const values = Array.isArray(value) ? value : [String(value)];
  return values.map((v) => ` --${name}=${v}`).join('');
}

/**
 * changeCause is parseCommandArguments: `kubectl`, the command path and its arguments, then each
 * flag set on the command line as `--name=value` (a bare `--record` reads `--record=true`).
 */
export function changeCause(cmd: ParsedCommand): string {
  const flags = cmd.changed.map((name) => flagTexts(name, cmd.flags[name])).join('');
  return ['kubectl', ...cmd.path, ...cmd.args].join(' ') + flags;
}

/** recordChangeCause sets the annotation on `obj` when --record is on (ChangeCauseRecorder.Record). */
export function recordChangeCause<T extends { metadata?: { annotations?: Record<string, string> } }>(cmd: ParsedCommand, obj: T): T {
  if (!(cmd.flags['record'] !== undefined && boolFlag(cmd, 'record'))) return obj;
  return { ...obj, metadata: { ...obj.metadata, annotations: { ...obj.metadata?.annotations, [CHANGE_CAUSE_ANNOTATION]: changeCause(cmd) } } };
}
