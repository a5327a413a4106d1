// Mirrors the flag registrations of staging/src/k8s.io/kubectl/pkg/cmd/config (v1.32): the
// subcommands k8sim answers over the terminal's kubeconfig (contexts can be edited; clusters,
// users and arbitrary properties are listed, not simulated).
import { type CommandSpec, stub } from '../commandSpec';
import { cmdError, usageError } from '../errors';
import { flag } from '../flagSpec';

/** exactArgs: the config subcommands that take names answer a wrong count with their usage error. */
const exactArgs = (n: number, name: string): CommandSpec['validateArgs'] => (cmd) => (cmd.args.length !== n ? usageError(`kubectl config ${name}`, `Unexpected args: [${cmd.args.join(' ')}]`) : undefined);

const noArgs: CommandSpec['validateArgs'] = (cmd) => (cmd.args.length > 0 ? cmdError(`unexpected arguments: [${cmd.args.join(' ')}]`) : undefined);

export function configCommand(): CommandSpec {
  return {
    name: 'config',
    kind: 'group',
    subcommands: [
      { name: 'current-context', kind: 'run', validateArgs: noArgs },
      stub('delete-cluster'),
      { name: 'delete-context', kind: 'run', validateArgs: exactArgs(1, 'delete-context') },
      stub('delete-user'),
      { name: 'get-clusters', kind: 'run' },
      { name: 'get-contexts', kind: 'run', flags: [flag('no-headers', 'bool', false), flag('output', 'string', '', { shorthand: 'o' })] },
      { name: 'get-users', kind: 'run' },
      { name: 'rename-context', kind: 'run', validateArgs: exactArgs(2, 'rename-context') },
      stub('set'),
      stub('set-cluster'),
      {
        name: 'set-context',
        kind: 'run',
        flags: [flag('current', 'bool', false), flag('cluster', 'string', ''), flag('user', 'string', ''), flag('namespace', 'string', ''), flag('auth-provider', 'string', ''), flag('auth-provider-arg', 'stringSlice', [])],
        validateArgs: (cmd) => (cmd.args.length > 1 ? usageError('kubectl config set-context', `Unexpected args: [${cmd.args.join(' ')}]`) : undefined),
      },
      stub('set-credentials'),
      stub('unset'),
      { name: 'use-context', aliases: ['use'], kind: 'run', validateArgs: exactArgs(1, 'use-context') },
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
