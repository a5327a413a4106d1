// Mirrors staging/src/k8s.io/kubectl/pkg/cmd/edit/edit.go (v1.32): its flags and the
// resource builder's "nothing to edit" error.
import { cmdError } from '../errors';
import type { CommandSpec } from '../commandSpec';
import { fieldManagerFlag, filenameFlags, flag, printFlags, saveConfigFlag, validateFlag } from '../flagSpec';
import { hasFilenames } from './validators';

export function editCommand(): CommandSpec {
  return {
    name: 'edit',
    kind: 'run',
    flags: [
      ...printFlags(),
      ...filenameFlags(),
      validateFlag(),
      flag('output-patch', 'bool', false),
      flag('windows-line-endings', 'bool', false),
      saveConfigFlag(),
      flag('record', 'bool', false),
      fieldManagerFlag('kubectl-edit'),
      flag('subresource', 'string', ''),
    ],
    validateArgs: (cmd) =>
      cmd.args.length === 0 && !hasFilenames(cmd)
        ? cmdError("You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'")
        : undefined,
  };
}
