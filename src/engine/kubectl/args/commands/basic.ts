// Mirrors the flag registrations and pre-request argument checks of
// staging/src/k8s.io/kubectl/pkg/cmd/{get/get.go, get/get_flags.go, describe/describe.go,
// delete/delete.go + delete_flags.go, apply/apply.go, logs/logs.go, top/top_{pod,node}.go,
// drain/drain.go (cordon, uncordon, drain)}.
import { type ArgsValidator, boolFlag, type CommandSpec, listFlag, stringFlag } from '../commandSpec';
import { cmdError, usageError, usageFailure, usageErrorText } from '../errors';
import {
  applyFlags,
  dryRunFlag,
  embeddedDeleteFlags,
  fieldManagerFlag,
  filenameFlags,
  flag,
  type FlagSpec,
  printFlags,
  recordFlag,
  saveConfigFlag,
  selectorFlag,
  validateFlag,
} from '../flagSpec';
import { resolveResourceArgs } from '../resourceArgs';
import { hasFilenames } from './validators';

const allNamespaces = () => flag('all-namespaces', 'bool', false, { shorthand: 'A' });
const chunkSize = () => flag('chunk-size', 'int64', 500);

function getCommand(): CommandSpec {
  return {
    name: 'get',
    kind: 'run',
    flags: [
      ...printFlags(),
      flag('raw', 'string', ''),
      flag('watch', 'bool', false, { shorthand: 'w' }),
      flag('watch-only', 'bool', false),
      flag('output-watch-events', 'bool', false),
      flag('ignore-not-found', 'bool', false),
      flag('field-selector', 'string', ''),
      allNamespaces(),
      ...filenameFlags(),
      chunkSize(),
      selectorFlag(),
      flag('subresource', 'string', ''),
      flag('no-headers', 'bool', false),
      flag('show-kind', 'bool', false),
      flag('show-labels', 'bool', false),
      flag('label-columns', 'stringSlice', [], { shorthand: 'L' }),
      flag('sort-by', 'string', ''),
      flag('server-print', 'bool', true),
    ],
    validateArgs: (cmd, path) => {
      const raw = stringFlag(cmd, 'raw');
      if (raw !== '') {
        // get.go Complete and Validate, in that order.
        if (cmd.args.length > 0) return cmdError('arguments may not be passed when --raw is specified');
        if (boolFlag(cmd, 'watch') || boolFlag(cmd, 'watch-only') || stringFlag(cmd, 'selector') !== '') return cmdError('--raw may not be specified with other flags that filter the server request or alter the output');
        if (stringFlag(cmd, 'output') !== '') return usageError(path, '--raw and --output are mutually exclusive');
        if (!raw.startsWith('/')) return usageError(path, `--raw must be a valid URL path: parse "${raw}": invalid URI for request`);
        return undefined;
      }
      if (cmd.args.length > 0 || hasFilenames(cmd)) return undefined;
      const hint =
        'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n';
      const usage = usageErrorText(
        path,
        'Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).',
      );
      return usageFailure(`${hint}error: ${usage}\n`);
    },
  };
}

/** replaceCommand is `kubectl replace -f FILE [--force]` (pkg/cmd/replace, v1.32 flags). */
export function replaceCommand(): CommandSpec {
  return {
    name: 'replace',
    kind: 'run',
    flags: [
      ...filenameFlags(),
      ...embeddedDeleteFlags(),
      validateFlag(),
      saveConfigFlag(),
      dryRunFlag(),
      flag('raw', 'string', ''),
      flag('subresource', 'string', ''),
      fieldManagerFlag('kubectl-replace'),
      ...printFlags(),
    ],
    validateArgs: (cmd, path) => {
      if (cmd.args.length > 0) return usageError(path, `Unexpected args: [${cmd.args.join(' ')}]`);
      if (!hasFilenames(cmd)) return usageError(path, 'must specify --filename to replace');
      return undefined;
    },
  };
}

function describeCommand(): CommandSpec {
  return {
    name: 'describe',
    kind: 'run',
    flags: [...filenameFlags(), selectorFlag(), allNamespaces(), flag('show-events', 'bool', true), chunkSize()],
    validateArgs: (cmd) =>
      cmd.args.length === 0 && !hasFilenames(cmd)
        ? cmdError(
            'You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.',
          )
        : undefined,
  };
}

function deleteCommand(): CommandSpec {
  return {
    name: 'delete',
    kind: 'run',
    flags: [
      ...filenameFlags(),
      selectorFlag(),
      flag('field-selector', 'string', ''),
      flag('all', 'bool', false),
      allNamespaces(),
      flag('cascade', 'string', 'background', { noOptDefVal: 'background' }),
      flag('force', 'bool', false),
      flag('grace-period', 'int', -1),
      flag('ignore-not-found', 'bool', false),
      flag('now', 'bool', false),
      flag('timeout', 'duration', 0),
      flag('wait', 'bool', true),
      flag('output', 'string', '', { shorthand: 'o' }),
      flag('raw', 'string', ''),
      flag('interactive', 'bool', false, { shorthand: 'i' }),
      dryRunFlag(),
    ],
    validateArgs: (cmd) => {
      if (hasFilenames(cmd)) return undefined;
      const selector = stringFlag(cmd, 'selector') !== '' || stringFlag(cmd, 'field-selector') !== '' || boolFlag(cmd, 'all');
      const resolved = resolveResourceArgs(cmd.args, { selector });
      return resolved instanceof Error ? cmdError(resolved.message) : undefined;
    },
  };
}

function applyCommand(): CommandSpec {
  return {
    name: 'apply',
    kind: 'run',
    flags: [
      flag('overwrite', 'bool', true),
      flag('openapi-patch', 'bool', true),
      ...filenameFlags(),
      ...embeddedDeleteFlags(),
      recordFlag(),
      ...printFlags(),
      validateFlag(),
      dryRunFlag(),
      ...applyFlags(),
      flag('all', 'bool', false),
      flag('subresource', 'string', ''),
    ],
    validateArgs: (cmd, path) => {
      if (cmd.args.length > 0) return usageError(path, `Unexpected args: [${cmd.args.join(' ')}]`);
      const files = listFlag(cmd, 'filename').length > 0;
      const kustomize = stringFlag(cmd, 'kustomize') !== '';
      if (files && kustomize) return cmdError('only one of -f or -k can be specified');
      return files || kustomize ? undefined : cmdError('must specify one of -f and -k');
    },
    subcommands: [
      {
        name: 'edit-last-applied',
        kind: 'run',
        flags: [...filenameFlags(), flag('output', 'string', '', { shorthand: 'o' }), flag('windows-line-endings', 'bool', false), validateFlag(), fieldManagerFlag('kubectl-client-side-apply')],
        validateArgs: (cmd) => (cmd.args.length === 0 && listFlag(cmd, 'filename').length === 0 ? cmdError("You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'") : undefined),
      },
      {
        name: 'set-last-applied',
        kind: 'run',
        flags: [...filenameFlags(), flag('create-annotation', 'bool', false), dryRunFlag(), ...printFlags()],
        validateArgs: (cmd) => (listFlag(cmd, 'filename').length === 0 ? cmdError('must specify one of -f and -k') : undefined),
      },
      {
        name: 'view-last-applied',
        kind: 'run',
        flags: [...filenameFlags(), flag('output', 'string', 'yaml', { shorthand: 'o' }), flag('all', 'bool', false), selectorFlag()],
        validateArgs: (cmd) => (cmd.args.length === 0 && listFlag(cmd, 'filename').length === 0 ? cmdError("You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'") : undefined),
      },
    ],
  };
}

const LOGS_USAGE = "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command";

function logsCommand(): CommandSpec {
  return {
    name: 'logs',
    kind: 'run',
    flags: [
      flag('all-containers', 'bool', false),
      flag('all-pods', 'bool', false),
      flag('follow', 'bool', false, { shorthand: 'f' }),
      flag('timestamps', 'bool', false),
      flag('since-time', 'string', ''),
      flag('since', 'duration', 0),
      flag('container', 'string', '', { shorthand: 'c' }),
      flag('insecure-skip-tls-verify-backend', 'bool', false),
      flag('limit-bytes', 'int64', 0),
      flag('max-log-requests', 'int', 5),
      flag('prefix', 'bool', false),
      flag('previous', 'bool', false, { shorthand: 'p' }),
      flag('tail', 'int64', -1),
      flag('ignore-errors', 'bool', false),
      flag('pod-running-timeout', 'duration', 20_000),
      selectorFlag(),
    ],
    validateArgs: (cmd, path) => {
      const n = cmd.args.length;
      if ((n === 0 && stringFlag(cmd, 'selector') === '') || n > 2) return usageError(path, LOGS_USAGE);
      return undefined;
    },
  };
}

function topSub(name: string, aliases: string[], use: string, own: FlagSpec[]): CommandSpec {
  return {
    name,
    aliases,
    kind: 'run',
    flags: [selectorFlag(), flag('sort-by', 'string', ''), flag('no-headers', 'bool', false), flag('use-protocol-buffers', 'bool', true), ...own],
    validateArgs: (cmd, path) => (cmd.args.length > 1 ? usageError(path, use) : undefined),
  };
}

function topCommand(): CommandSpec {
  return {
    name: 'top',
    kind: 'group',
    subcommands: [
      topSub('node', ['nodes', 'no'], 'node [NAME | -l label]', [flag('show-capacity', 'bool', false)]),
      topSub('pod', ['pods', 'po'], 'pod [NAME | -l label]', [
        allNamespaces(),
        flag('field-selector', 'string', ''),
        flag('containers', 'bool', false),
        flag('sum', 'bool', false),
      ]),
    ],
  };
}

function nodeCommandValidator(use: string): ArgsValidator {
  return (cmd, path) => {
    if (cmd.args.length === 0 && !cmd.changed.includes('selector')) return usageError(path, `USAGE: ${use} [flags]`);
    if (cmd.args.length > 0 && stringFlag(cmd, 'selector') !== '') {
      return usageError(path, 'cannot specify both a node name and a --selector option');
    }
    return undefined;
  };
}

function drainCommands(): { cordon: CommandSpec; uncordon: CommandSpec; drain: CommandSpec } {
  const simple = (name: string): CommandSpec => ({
    name,
    kind: 'run',
    flags: [selectorFlag(), dryRunFlag()],
    validateArgs: nodeCommandValidator(`${name} NODE`),
  });
  return {
    cordon: simple('cordon'),
    uncordon: simple('uncordon'),
    drain: {
      name: 'drain',
      kind: 'run',
      flags: [
        flag('force', 'bool', false),
        flag('ignore-daemonsets', 'bool', false),
        flag('delete-emptydir-data', 'bool', false),
        flag('grace-period', 'int', -1),
        flag('timeout', 'duration', 0),
        flag('pod-selector', 'string', ''),
        flag('disable-eviction', 'bool', false),
        flag('skip-wait-for-delete-timeout', 'int', 0),
        chunkSize(),
        dryRunFlag(),
        selectorFlag(),
      ],
      validateArgs: nodeCommandValidator('drain NODE'),
    },
  };
}

/** basicCommands builds get, describe, delete, apply, logs, top, cordon, uncordon, drain. */
export function basicCommands() {
  return {
    get: getCommand(),
    describe: describeCommand(),
    delete: deleteCommand(),
    apply: applyCommand(),
    logs: logsCommand(),
    top: topCommand(),
    ...drainCommands(),
  };
}
