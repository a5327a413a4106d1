// The steps every `kubectl create <kind>` generator shares, from
// staging/src/k8s.io/kubectl/pkg/cmd/create/create.go NameFromCommandArgs and the
// Complete() functions of create_*.go: NAME, namespace, --dry-run, -o, --validate.
import { type ParsedCommand, boolFlag } from '../args/commandSpec';
import { type KubectlUsageError, usageError } from '../args/errors';
import type { JsonObject } from '../printers/json';
import {
  checkValidateFlag,
  type DryRunAndPrinter,
  dryRunAndPrinter,
  type GenerateContext,
  type Generated,
  generated,
  type Namespace,
  resolveNamespace,
} from './context';
import { applySaveConfig } from './saveConfig';

/** nameFromCommandArgs mirrors create.NameFromCommandArgs (counts args before `--`). */
export function nameFromCommandArgs(cmd: ParsedCommand, path: string): string | KubectlUsageError {
  const argsLen = cmd.argsLenAtDash === -1 ? cmd.args.length : cmd.argsLenAtDash;
  if (argsLen !== 1) return usageError(path, `exactly one NAME is required, got ${argsLen}`);
  return cmd.args[0];
}

/** CreatePreamble is what Complete() leaves for Validate()/Run(). */
export interface CreatePreamble extends DryRunAndPrinter {
  name: string;
  ns: Namespace;
}

/** createPreamble runs the shared Complete() steps in kubectl's order. */
export function createPreamble(cmd: ParsedCommand, ctx: GenerateContext): CreatePreamble | KubectlUsageError {
  const path = `kubectl ${cmd.path.join(' ')}`;
  const name = nameFromCommandArgs(cmd, path);
  if (typeof name !== 'string') return name;
  const prep = dryRunAndPrinter(cmd, ctx);
  if ('kind' in prep) return prep;
  const invalid = checkValidateFlag(cmd);
  if (invalid) return invalid;
  return { ...prep, name, ns: resolveNamespace(cmd, ctx) };
}

/** namespaceIfEnforced is `namespace := ""; if o.EnforceNamespace { namespace = o.Namespace }`. */
export function namespaceIfEnforced(pre: CreatePreamble): string | undefined {
  return pre.ns.enforce ? pre.ns.namespace : undefined;
}

/** finishCreate applies --save-config (when the kind honours it) and builds the result. */
export function finishCreate(cmd: ParsedCommand, pre: CreatePreamble, obj: JsonObject, honoursSaveConfig = true): Generated {
  return generated(cmd, [applySaveConfig(obj, honoursSaveConfig && boolFlag(cmd, 'save-config'))], pre);
}
