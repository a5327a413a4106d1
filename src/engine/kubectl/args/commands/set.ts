// Mirrors the flag registrations and pre-request argument checks of
// staging/src/k8s.io/kubectl/pkg/cmd/set/set_{image,resources,env}.go, label/label.go and
// annotate/annotate.go.
import { type ArgsValidator, boolFlag, type CommandSpec, stringFlag, stub } from '../commandSpec';
import { cmdError } from '../errors';
import { getDryRunStrategy } from '../dryRun';
import { dryRunFlag, fieldManagerFlag, filenameFlags, flag, type FlagSpec, printFlags, recordFlag, selectorFlag } from '../flagSpec';
import { getResourcesAndPairs, parseLabelPairs, parsePairs, splitEnvironmentFromResources } from '../pairs';
import { hasFilenames, requireResourceArgs } from './validators';

const NEED_RESOURCES = 'one or more resources must be specified as <resource> <name> or <resource>/<name>';

function setSub(name: string, own: FlagSpec[], validateArgs: ArgsValidator): CommandSpec {
  const common = [...filenameFlags(), flag('all', 'bool', false), selectorFlag(), flag('local', 'bool', false)];
  return {
    name,
    kind: 'run',
    flags: [...printFlags(), ...common, dryRunFlag(), fieldManagerFlag('kubectl-set'), ...own],
    validateArgs,
  };
}

/** validateSetEnv mirrors EnvOptions.Complete + Validate up to the first server call. */
const validateSetEnv: ArgsValidator = (cmd) => {
  if (boolFlag(cmd, 'all') && stringFlag(cmd, 'selector') !== '') return cmdError('cannot set --all and --selector at the same time');
  const split = splitEnvironmentFromResources(cmd.args);
  if (!split) return cmdError(`all resources must be specified before environment changes: ${cmd.args.join(' ')}`);
  const dryRun = getDryRunStrategy(cmd);
  if (dryRun instanceof Error) return cmdError(dryRun.message);
  if (boolFlag(cmd, 'local') && dryRun.strategy === 'server') {
    return cmdError('cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
  }
  if (!hasFilenames(cmd) && split.resources.length < 1) return cmdError(NEED_RESOURCES);
  if (boolFlag(cmd, 'list') && stringFlag(cmd, 'output') !== '') return cmdError('--list and --output may not be specified together');
  return undefined;
};

/** setCommand is `kubectl set` (DefaultSubCommandRun to stderr). */
export function setCommand(): CommandSpec {
  return {
    name: 'set',
    kind: 'group',
    subcommands: [
      setSub('env', [
        flag('containers', 'string', '*', { shorthand: 'c' }),
        flag('env', 'stringArray', [], { shorthand: 'e' }),
        flag('from', 'string', ''),
        flag('keys', 'stringSlice', []),
        flag('list', 'bool', false),
        flag('overwrite', 'bool', true),
        flag('prefix', 'string', ''),
        flag('resolve', 'bool', false),
      ], validateSetEnv),
      setSub('image', [recordFlag()], requireResourceArgs),
      setSub('resources', [
        recordFlag(),
        flag('containers', 'string', '*', { shorthand: 'c' }),
        flag('limits', 'string', ''),
        flag('requests', 'string', ''),
      ], requireResourceArgs),
      stub('selector'),
      stub('serviceaccount', ['sa']),
      stub('subject'),
    ],
  };
}

function metadataFlags(manager: string): FlagSpec[] {
  return [
    flag('all', 'bool', false),
    flag('all-namespaces', 'bool', false, { shorthand: 'A' }),
    ...printFlags(),
    recordFlag(),
    dryRunFlag(),
    fieldManagerFlag(manager),
    flag('field-selector', 'string', ''),
    ...filenameFlags(),
    flag('list', 'bool', false),
    flag('local', 'bool', false),
    flag('overwrite', 'bool', false),
    flag('resource-version', 'string', ''),
    selectorFlag(),
  ];
}

/** localChecks are the shared --local/--all checks of label and annotate (`what` = file hint). */
function selectionError(cmd: Parameters<ArgsValidator>[0], resources: string[], what: string, local: boolean, server: boolean) {
  if (boolFlag(cmd, 'all') && stringFlag(cmd, 'selector') !== '') return cmdError('cannot set --all and --selector at the same time');
  if (boolFlag(cmd, 'all') && stringFlag(cmd, 'field-selector') !== '') {
    return cmdError('cannot set --all and --field-selector at the same time');
  }
  if (!local) return resources.length < 1 && !hasFilenames(cmd) ? cmdError(NEED_RESOURCES) : undefined;
  if (server) return cmdError('cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
  if (resources.length > 0) return cmdError(`can only use local files by -f ${what} or --filename=${what.replace('yaml', 'json')} when --local=true is set`);
  if (!hasFilenames(cmd)) return cmdError(`one or more files must be specified as -f ${what} or --filename=${what.replace('yaml', 'json')}`);
  return undefined;
}

/** labelCommand mirrors label.go Complete + Validate. */
export function labelCommand(): CommandSpec {
  return {
    name: 'label',
    kind: 'run',
    flags: metadataFlags('kubectl-label'),
    validateArgs: (cmd) => {
      const dryRun = getDryRunStrategy(cmd);
      if (dryRun instanceof Error) return cmdError(dryRun.message);
      const split = getResourcesAndPairs(cmd.args, 'label');
      if (split instanceof Error) return cmdError(split.message);
      const pairs = parseLabelPairs(split.pairs);
      if (pairs instanceof Error) return cmdError(pairs.message);
      const list = boolFlag(cmd, 'list');
      if (list && stringFlag(cmd, 'output') !== '') return cmdError('--list and --output may not be specified together');
      const local = boolFlag(cmd, 'local');
      const err = selectionError(cmd, split.resources, 'pod.yaml', local, dryRun.strategy === 'server');
      if (err) return err;
      if (pairs.set.size < 1 && pairs.remove.length < 1 && !list) return cmdError('at least one label update is required');
      return undefined;
    },
  };
}

/** annotateCommand mirrors annotate.go AnnotateFlags.ToOptions. */
export function annotateCommand(): CommandSpec {
  return {
    name: 'annotate',
    kind: 'run',
    flags: metadataFlags('kubectl-annotate'),
    validateArgs: (cmd) => {
      const dryRun = getDryRunStrategy(cmd);
      if (dryRun instanceof Error) return cmdError(dryRun.message);
      const split = getResourcesAndPairs(cmd.args, 'annotation');
      if (split instanceof Error) return cmdError(split.message);
      const pairs = parsePairs(split.pairs, 'annotation', true);
      if (pairs instanceof Error) return cmdError(pairs.message);
      const list = boolFlag(cmd, 'list');
      if (list && stringFlag(cmd, 'output') !== '') return cmdError('--list and --output may not be specified together');
      const err = selectionError(cmd, split.resources, 'rsrc.yaml', boolFlag(cmd, 'local'), dryRun.strategy === 'server');
      if (err) return err;
      if (pairs.set.size < 1 && pairs.remove.length < 1 && !list) return cmdError('at least one annotation update is required');
      const both = pairs.remove.filter((key) => pairs.set.has(key));
      if (both.length > 0) {
        return cmdError(`can not both modify and remove the following annotation(s) in the same command: ${both.join(', ')}`);
      }
      return undefined;
    },
  };
}
