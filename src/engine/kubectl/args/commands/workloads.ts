// Mirrors the flag registrations of staging/src/k8s.io/kubectl/pkg/cmd/run/run.go,
// expose/expose.go, autoscale/autoscale.go, scale/scale.go and rollout/rollout*.go.
import type { CommandSpec } from '../commandSpec';
import { usageError } from '../errors';
import {
  dryRunFlag,
  embeddedDeleteFlags,
  fieldManagerFlag,
  filenameFlags,
  flag,
  type FlagSpec,
  overrideFlags,
  printFlags,
  recordFlag,
  saveConfigFlag,
  selectorFlag,
} from '../flagSpec';
import { requireResourceArgs, requireResourceOrFile } from './validators';

/** runCommand is `kubectl run NAME --image=...` (run.go NewCmdRun + addRunFlags). */
export function runCommand(): CommandSpec {
  return {
    name: 'run',
    kind: 'run',
    flags: [
      ...embeddedDeleteFlags(),
      ...filenameFlags(),
      ...printFlags(),
      recordFlag(),
      dryRunFlag(),
      flag('annotations', 'stringArray', []),
      flag('image', 'string', '', { required: true }),
      flag('image-pull-policy', 'string', ''),
      flag('rm', 'bool', false),
      flag('env', 'stringArray', []),
      flag('port', 'string', ''),
      flag('labels', 'string', '', { shorthand: 'l' }),
      flag('stdin', 'bool', false, { shorthand: 'i' }),
      flag('tty', 'bool', false, { shorthand: 't' }),
      flag('attach', 'bool', false),
      flag('leave-stdin-open', 'bool', false),
      flag('restart', 'string', 'Always'),
      flag('command', 'bool', false),
      flag('expose', 'bool', false),
      flag('quiet', 'bool', false, { shorthand: 'q' }),
      flag('privileged', 'bool', false),
      fieldManagerFlag('kubectl-run'),
      ...overrideFlags(),
      saveConfigFlag(),
      flag('pod-running-timeout', 'duration', 60_000),
    ],
    // run.go Run rejects `len(args) == 0 || ArgsLenAtDash == 0`, but RecordFlags.Complete has
    // re-parsed os.Args by then, so the "run" word itself counts before `--` and only the
    // first condition can trigger: `kubectl run --image=x -- a` names the pod "a".
    validateArgs: (cmd, path) => (cmd.args.length === 0 ? usageError(path, 'NAME is required for run') : undefined),
  };
}

/** exposeCommand is `kubectl expose (-f FILE | TYPE NAME)` (expose.go AddFlags). */
export function exposeCommand(): CommandSpec {
  return {
    name: 'expose',
    kind: 'run',
    flags: [
      ...printFlags(),
      recordFlag(),
      flag('protocol', 'string', ''),
      flag('port', 'string', ''),
      flag('type', 'string', ''),
      flag('load-balancer-ip', 'string', ''),
      flag('selector', 'string', ''),
      flag('labels', 'string', '', { shorthand: 'l' }),
      flag('target-port', 'string', ''),
      flag('external-ip', 'string', ''),
      flag('name', 'string', ''),
      flag('session-affinity', 'string', ''),
      flag('cluster-ip', 'string', ''),
      fieldManagerFlag('kubectl-expose'),
      ...overrideFlags(),
      dryRunFlag(),
      saveConfigFlag(),
      ...filenameFlags(),
    ],
    validateArgs: requireResourceArgs,
  };
}

/** autoscaleCommand is `kubectl autoscale` (autoscale.go NewCmdAutoscale). */
export function autoscaleCommand(): CommandSpec {
  return {
    name: 'autoscale',
    kind: 'run',
    flags: [
      recordFlag(),
      ...printFlags(),
      flag('max', 'int32', -1, { required: true }),
      flag('min', 'int32', -1),
      flag('cpu-percent', 'int32', -1),
      flag('name', 'string', ''),
      dryRunFlag(),
      ...filenameFlags(),
      saveConfigFlag(),
      fieldManagerFlag('kubectl-autoscale'),
    ],
    validateArgs: requireResourceArgs,
  };
}

/** scaleCommand is `kubectl scale --replicas=N` (scale.go NewCmdScale). */
export function scaleCommand(): CommandSpec {
  return {
    name: 'scale',
    kind: 'run',
    flags: [
      recordFlag(),
      ...printFlags(),
      flag('all', 'bool', false),
      flag('resource-version', 'string', ''),
      flag('current-replicas', 'int', -1),
      flag('replicas', 'int', 0, { required: true }),
      flag('timeout', 'duration', 0),
      ...filenameFlags(),
      dryRunFlag(),
      selectorFlag(),
    ],
    validateArgs: requireResourceArgs,
  };
}

function rolloutSub(name: string, flags: FlagSpec[]): CommandSpec {
  return {
    name,
    kind: 'run',
    flags: [...filenameFlags(), selectorFlag(), ...flags],
    validateArgs: requireResourceOrFile('required resource not specified'),
  };
}

/** rolloutCommand is `kubectl rollout` (rollout.go; help goes to stdout). */
export function rolloutCommand(): CommandSpec {
  const manager = fieldManagerFlag('kubectl-rollout');
  return {
    name: 'rollout',
    kind: 'group',
    groupHelpToStdout: true,
    subcommands: [
      rolloutSub('history', [...printFlags(), flag('revision', 'int64', 0)]),
      rolloutSub('pause', [...printFlags(), manager]),
      rolloutSub('restart', [...printFlags(), manager]),
      rolloutSub('resume', [...printFlags(), manager]),
      rolloutSub('status', [
        flag('revision', 'int64', 0),
        flag('timeout', 'duration', 0),
        flag('watch', 'bool', true, { shorthand: 'w' }),
      ]),
      rolloutSub('undo', [...printFlags(), dryRunFlag(), flag('to-revision', 'int64', 0)]),
    ],
  };
}
