// Mirrors staging/src/k8s.io/kubectl/pkg/cmd/create/create.go NewCmdCreate and the
// create_*.go subcommands' flag registrations (names, kinds, defaults, required flags).
import { type CommandSpec, listFlag, stringFlag, stub } from '../commandSpec';
import { cmdError, usageError } from '../errors';
import {
  createSubcommandFlags,
  dryRunFlag,
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

function sub(name: string, aliases: string[] | undefined, own: FlagSpec[]): CommandSpec {
  return { name, aliases, kind: 'run', flags: [...createSubcommandFlags(), ...own] };
}

function serviceCommand(): CommandSpec {
  const tcp = flag('tcp', 'stringSlice', []);
  return {
    name: 'service',
    aliases: ['svc'],
    kind: 'group',
    subcommands: [
      sub('clusterip', undefined, [tcp, flag('clusterip', 'string', '')]),
      sub('nodeport', undefined, [flag('node-port', 'int', 0), tcp]),
      sub('loadbalancer', undefined, [tcp]),
      sub('externalname', undefined, [tcp, flag('external-name', 'string', '', { required: true })]),
    ],
  };
}

function secretCommand(): CommandSpec {
  return {
    name: 'secret',
    kind: 'group',
    subcommands: [
      stub('docker-registry'),
      sub('generic', undefined, [
        flag('from-file', 'stringSlice', []),
        flag('from-literal', 'stringArray', []),
        flag('from-env-file', 'stringSlice', []),
        flag('type', 'string', ''),
        flag('append-hash', 'bool', false),
      ]),
      stub('tls'),
    ],
  };
}

/** ruleFlags: create role / clusterrole's --verb, --resource, --resource-name. */
function ruleFlags(): FlagSpec[] {
  return [flag('verb', 'stringSlice', []), flag('resource', 'stringSlice', []), flag('resource-name', 'stringArray', [])];
}

/** subjectFlags: create rolebinding / clusterrolebinding's subjects. */
function subjectFlags(): FlagSpec[] {
  return [flag('user', 'stringArray', []), flag('group', 'stringArray', []), flag('serviceaccount', 'stringArray', [])];
}

/** createCommand is `kubectl create` (create -f) with its generator subcommands. */
export function createCommand(): CommandSpec {
  return {
    name: 'create',
    kind: 'run',
    flags: [
      recordFlag(),
      ...filenameFlags(),
      validateFlag(),
      flag('edit', 'bool', false),
      flag('windows-line-endings', 'bool', false),
      saveConfigFlag(),
      dryRunFlag(),
      selectorFlag(),
      flag('raw', 'string', ''),
      fieldManagerFlag('kubectl-create'),
      ...printFlags(),
    ],
    validateArgs: (cmd, path) => {
      if (cmd.args.length > 0) return usageError(path, `Unexpected args: [${cmd.args.join(' ')}]`);
      if (listFlag(cmd, 'filename').length === 0 && stringFlag(cmd, 'kustomize') === '') {
        return cmdError('must specify one of -f and -k');
      }
      return undefined;
    },
    subcommands: [
      sub('namespace', ['ns'], []),
      sub('quota', ['resourcequota'], [flag('hard', 'string', ''), flag('scopes', 'string', '')]),
      secretCommand(),
      sub('configmap', ['cm'], [
        flag('from-file', 'stringSlice', []),
        flag('from-literal', 'stringArray', []),
        flag('from-env-file', 'stringSlice', []),
        flag('append-hash', 'bool', false),
      ]),
      sub('serviceaccount', ['sa'], []),
      serviceCommand(),
      sub('deployment', ['deploy'], [
        flag('image', 'stringSlice', [], { required: true }),
        flag('port', 'int32', -1),
        flag('replicas', 'int32', 1, { shorthand: 'r' }),
      ]),
      sub('clusterrole', undefined, [...ruleFlags(), flag('non-resource-url', 'stringSlice', []), flag('aggregation-rule', 'string', '')]),
      sub('clusterrolebinding', undefined, [flag('clusterrole', 'string', ''), ...subjectFlags()]),
      sub('role', undefined, ruleFlags()),
      sub('rolebinding', undefined, [flag('clusterrole', 'string', ''), flag('role', 'string', ''), ...subjectFlags()]),
      sub('poddisruptionbudget', ['pdb'], [
        flag('min-available', 'string', ''),
        flag('max-unavailable', 'string', ''),
        flag('selector', 'string', ''),
      ]),
      sub('priorityclass', ['pc'], [
        flag('value', 'int32', 0),
        flag('global-default', 'bool', false),
        flag('description', 'string', ''),
        flag('preemption-policy', 'string', 'PreemptLowerPriority'),
      ]),
      sub('job', undefined, [flag('image', 'string', ''), flag('from', 'string', '')]),
      sub('cronjob', ['cj'], [
        flag('image', 'string', '', { required: true }),
        flag('schedule', 'string', '', { required: true }),
        flag('restart', 'string', ''),
      ]),
      stub('ingress', ['ing']),
      stub('token'),
    ],
  };
}
