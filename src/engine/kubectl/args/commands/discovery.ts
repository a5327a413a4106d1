// Mirrors the flag registrations and pre-request checks of staging/src/k8s.io/kubectl/pkg/cmd/
// {version/version.go, clusterinfo/clusterinfo.go, apiresources/apiresources.go + apiversions.go,
// events/events.go, patch/patch.go} in v1.32.
import { type CommandSpec, stringFlag, stub } from '../commandSpec';
import { cmdError, usageError } from '../errors';
import { dryRunFlag, fieldManagerFlag, filenameFlags, flag, printFlags } from '../flagSpec';
import { hasFilenames } from './validators';

export function versionCommand(): CommandSpec {
  return {
    name: 'version',
    kind: 'run',
    flags: [flag('client', 'bool', false), flag('output', 'string', '', { shorthand: 'o' })],
    validateArgs: (cmd) => {
      if (cmd.args.length > 0) return cmdError(`extra arguments: [${cmd.args.join(' ')}]`);
      const output = stringFlag(cmd, 'output');
      return output !== '' && output !== 'yaml' && output !== 'json' ? cmdError(`--output must be 'yaml' or 'json'`) : undefined;
    },
  };
}

export function clusterInfoCommand(): CommandSpec {
  return { name: 'cluster-info', aliases: ['clusterinfo'], kind: 'run', subcommands: [stub('dump')] };
}

export function apiResourcesCommand(): CommandSpec {
  return {
    name: 'api-resources',
    kind: 'run',
    flags: [
      flag('no-headers', 'bool', false),
      flag('output', 'string', '', { shorthand: 'o' }),
      flag('api-group', 'string', ''),
      flag('namespaced', 'bool', true),
      flag('verbs', 'stringSlice', []),
      flag('sort-by', 'string', ''),
      flag('cached', 'bool', false),
      flag('categories', 'stringSlice', []),
    ],
    validateArgs: (cmd, path) => {
      const output = stringFlag(cmd, 'output');
      if (output !== '' && output !== 'wide' && output !== 'name') return cmdError(`--output ${output} is not available`);
      const sortBy = stringFlag(cmd, 'sort-by');
      if (sortBy !== '' && sortBy !== 'name' && sortBy !== 'kind') return cmdError('--sort-by accepts only name or kind');
      return cmd.args.length > 0 ? usageError(path, `unexpected arguments: [${cmd.args.join(' ')}]`) : undefined;
    },
  };
}

export function apiVersionsCommand(): CommandSpec {
  return { name: 'api-versions', kind: 'run' };
}

export function eventsCommand(): CommandSpec {
  return {
    name: 'events',
    aliases: ['ev'],
    kind: 'run',
    flags: [
      flag('watch', 'bool', false, { shorthand: 'w' }),
      flag('all-namespaces', 'bool', false, { shorthand: 'A' }),
      flag('for', 'string', ''),
      flag('types', 'stringSlice', []),
      flag('no-headers', 'bool', false),
      flag('chunk-size', 'int64', 500),
      ...printFlags(),
    ],
    validateArgs: (cmd) => {
      const forObject = stringFlag(cmd, 'for');
      if (forObject !== '' && !forObject.includes('/')) return cmdError('--for must be in resource/name form');
      if (forObject.split('/').length > 2) return cmdError('arguments in resource/name form may not have more than one slash');
      const types = cmd.flags['types'] as string[];
      return types.some((t) => t.toLowerCase() !== 'normal' && t.toLowerCase() !== 'warning') ? cmdError('valid --types are Normal or Warning') : undefined;
    },
  };
}

export function patchCommand(): CommandSpec {
  return {
    name: 'patch',
    kind: 'run',
    flags: [
      ...printFlags(),
      ...filenameFlags(),
      flag('patch', 'string', '', { shorthand: 'p' }),
      flag('patch-file', 'string', ''),
      flag('type', 'string', 'strategic'),
      flag('local', 'bool', false),
      flag('subresource', 'string', ''),
      dryRunFlag(),
      fieldManagerFlag('kubectl-patch'),
    ],
    validateArgs: (cmd) => {
      if (stringFlag(cmd, 'patch') === '' && stringFlag(cmd, 'patch-file') === '') return cmdError('must specify --patch or --patch-file containing the contents of the patch');
      const type = stringFlag(cmd, 'type');
      if (!['json', 'merge', 'strategic'].includes(type.toLowerCase())) return cmdError(`--type must be one of [json merge strategic], not "${type}"`);
      if (cmd.args.length === 0 && !hasFilenames(cmd)) return cmdError("You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'");
      return undefined;
    },
  };
}
