// Mirrors the flag registrations of staging/src/k8s.io/kubectl/pkg/cmd/config (v1.32): the
// read-only subcommands k8sim answers from the admin kubeconfig kubeadm writes; the ones that
// edit a kubeconfig file are listed, not simulated.
import { type CommandSpec, stub } from '../commandSpec';
import { cmdError } from '../errors';
import { flag } from '../flagSpec';

const noArgs: CommandSpec['validateArgs'] = (cmd) => (cmd.args.length > 0 ? cmdError(`unexpected arguments: [${cmd.args.join(' ')}]`) : undefined);

export function configCommand(): CommandSpec {
  return {
    name: 'config',
    kind: 'group',
    subcommands: [
      { name: 'current-context', kind: 'run', validateArgs: noArgs },
      stub('delete-cluster'),
      stub('delete-context'),
      stub('delete-user'),
      { name: 'get-clusters', kind: 'run' },
      { name: 'get-contexts', kind: 'run', flags: [flag('no-headers', 'bool', false), flag('output', 'string', '', { shorthand: 'o' })] },
      { name: 'get-users', kind: 'run' },
      stub('rename-context'),
      stub('set'),
      stub('set-cluster'),
      stub('set-context'),
      stub('set-credentials'),
      stub('unset'),
      stub('use-context', ['use']),
      {
        name: 'view',
        kind: 'run',
        flags: [
          flag('flatten', 'bool', false),
          flag('merge', 'bool', true),
          flag('minify', 'bool', false),
          flag('raw', 'bool', false),
          flag('output', 'string', 'yaml', { shorthand: 'o' }),
        ],
      },
    ],
  };
}
