// Mirrors staging/src/k8s.io/kubectl/pkg/cmd/diff/diff.go (v1.32): flags and the "no files" error.
import { listFlag, stringFlag, type CommandSpec } from '../commandSpec';
import { cmdError, usageError } from '../errors';
import { applyFlags, filenameFlags, flag } from '../flagSpec';

export function diffCommand(): CommandSpec {
  return {
    name: 'diff',
    kind: 'run',
    flags: [
      ...filenameFlags(),
      ...applyFlags(),
      flag('show-managed-fields', 'bool', false),
      flag('concurrency', 'int', 1),
    ],
    validateArgs: (cmd, path) => {
      if (cmd.args.length > 0) return usageError(path, `Unexpected args: [${cmd.args.join(' ')}]`);
      return listFlag(cmd, 'filename').length > 0 || stringFlag(cmd, 'kustomize') !== '' ? undefined : cmdError('must specify one of -f and -k');
    },
  };
}
