// Mirrors staging/src/k8s.io/kubectl/pkg/cmd/cmd.go NewKubectlCommand: the root's persistent
// flags (genericclioptions.ConfigFlags.AddFlags, MatchVersionFlags, --warnings-as-errors,
// profiling flags, and the klog flags component-base logs.AddFlags adds) and the top-level
// commands in registration order. The order matters: cobra lists "Did you mean this?"
// suggestions in this order.
import { cmdError, usageError } from '../errors';
import { type CommandSpec, stub } from '../commandSpec';
import { flag, type FlagSpec } from '../flagSpec';
import { basicCommands, replaceCommand } from './basic';
import { createCommand } from './create';
import { apiResourcesCommand, apiVersionsCommand, clusterInfoCommand, eventsCommand, patchCommand, versionCommand } from './discovery';
import { annotateCommand, labelCommand, setCommand } from './set';
import { autoscaleCommand, exposeCommand, rolloutCommand, runCommand, scaleCommand } from './workloads';
import { configCommand } from './config';
import { diffCommand } from './diff';
import { editCommand } from './edit';

/** globalFlags are `kubectl options`: inherited by every command. */
export function globalFlags(): FlagSpec[] {
  return [
    flag('as', 'string', ''),
    flag('as-group', 'stringArray', []),
    flag('as-uid', 'string', ''),
    flag('cache-dir', 'string', '/root/.kube/cache'),
    flag('certificate-authority', 'string', ''),
    flag('client-certificate', 'string', ''),
    flag('client-key', 'string', ''),
    flag('cluster', 'string', ''),
    flag('context', 'string', ''),
    flag('disable-compression', 'bool', false),
    flag('insecure-skip-tls-verify', 'bool', false),
    flag('kubeconfig', 'string', ''),
    flag('log-flush-frequency', 'duration', 5000),
    flag('match-server-version', 'bool', false),
    flag('namespace', 'string', '', { shorthand: 'n' }),
    flag('password', 'string', ''),
    flag('profile', 'string', 'none'),
    flag('profile-output', 'string', 'profile.pprof'),
    flag('request-timeout', 'string', '0'),
    flag('server', 'string', '', { shorthand: 's' }),
    flag('tls-server-name', 'string', ''),
    flag('token', 'string', ''),
    flag('user', 'string', ''),
    flag('username', 'string', ''),
    flag('v', 'level', 0, { shorthand: 'v' }),
    flag('vmodule', 'string', ''),
    flag('warnings-as-errors', 'bool', false),
  ];
}

/** authCommand is `kubectl auth` with can-i (staging/src/k8s.io/kubectl/pkg/cmd/auth/cani.go). */
function authCommand(): CommandSpec {
  return {
    name: 'auth',
    kind: 'group',
    subcommands: [
      {
        name: 'can-i',
        kind: 'run',
        flags: [
          flag('all-namespaces', 'bool', false, { shorthand: 'A' }),
          flag('quiet', 'bool', false, { shorthand: 'q' }),
          flag('subresource', 'string', ''),
          flag('list', 'bool', false),
          flag('no-headers', 'bool', false),
        ],
        validateArgs: (cmd, path) =>
          cmd.args.length < 2 && cmd.flags['list'] !== true ? usageError(path, 'you must specify two arguments: verb resource or verb resource/resourceName.') : undefined,
      },
    ],
  };
}

/** taintCommand: taint/taint.go NODE NAME KEY_1=VAL_1:TAINT_EFFECT_1 ... */
function taintCommand(): CommandSpec {
  return {
    name: 'taint',
    kind: 'run',
    flags: [
      flag('selector', 'string', '', { shorthand: 'l' }),
      flag('overwrite', 'bool', false),
      flag('all', 'bool', false),
      flag('dry-run', 'string', 'none', { noOptDefVal: 'unchanged' }),
      flag('validate', 'string', 'strict', { noOptDefVal: 'strict' }),
      flag('field-manager', 'string', 'kubectl-taint'),
      flag('output', 'string', '', { shorthand: 'o' }),
      flag('show-managed-fields', 'bool', false),
      flag('allow-missing-template-keys', 'bool', true),
      flag('template', 'string', ''),
    ],
  };
}

/** waitCommand: wait/wait.go ([-f FILENAME] | TYPE/NAME | TYPE [(-l label | --all)]) [--for=...]. */
function waitCommand(): CommandSpec {
  return {
    name: 'wait',
    kind: 'run',
    flags: [
      flag('for', 'string', ''),
      flag('timeout', 'duration', 30_000),
      flag('selector', 'string', '', { shorthand: 'l' }),
      flag('all', 'bool', false),
      flag('all-namespaces', 'bool', false, { shorthand: 'A' }),
      flag('field-selector', 'string', ''),
      flag('filename', 'stringSlice', [], { shorthand: 'f' }),
      flag('recursive', 'bool', false, { shorthand: 'R' }),
      flag('local', 'bool', false),
      flag('output', 'string', '', { shorthand: 'o' }),
    ],
  };
}

/** portForwardCommand: portforward/portforward.go (TYPE/NAME and at least one port). */
function portForwardCommand(): CommandSpec {
  return {
    name: 'port-forward',
    kind: 'run',
    flags: [flag('address', 'stringSlice', ['localhost']), flag('pod-running-timeout', 'duration', 60_000)],
    validateArgs: (cmd, path) => (cmd.args.length < 2 ? usageError(path, 'TYPE/NAME and list of ports are required for port-forward') : undefined),
  };
}

/** proxyCommand: proxy/proxy.go NewCmdProxy's flags and defaults (v1.32). */
function proxyCommand(): CommandSpec {
  return {
    name: 'proxy',
    kind: 'run',
    flags: [
      flag('accept-hosts', 'string', '^localhost$,^127\\.0\\.0\\.1$,^\\[::1\\]$'),
      flag('accept-paths', 'string', '^.*'),
      flag('address', 'string', '127.0.0.1'),
      flag('api-prefix', 'string', '/'),
      flag('append-server-path', 'bool', false),
      flag('disable-filter', 'bool', false),
      flag('keepalive', 'duration', 0),
      flag('port', 'int', 8001, { shorthand: 'p' }),
      flag('reject-methods', 'string', '^$'),
      flag('reject-paths', 'string', '^/api/.*/pods/.*/exec,^/api/.*/pods/.*/attach'),
      flag('unix-socket', 'string', '', { shorthand: 'u' }),
      flag('www', 'string', '', { shorthand: 'w' }),
      flag('www-prefix', 'string', '/static/', { shorthand: 'P' }),
    ],
  };
}

/** debugCommand: debug/debug.go (POD | TYPE[[.VERSION].GROUP]/NAME) [ -- COMMAND [args...] ]. */
function debugCommand(): CommandSpec {
  return {
    name: 'debug',
    kind: 'run',
    flags: [
      flag('arguments-only', 'bool', false),
      flag('attach', 'bool', false),
      flag('container', 'string', '', { shorthand: 'c' }),
      flag('copy-to', 'string', ''),
      flag('custom', 'string', ''),
      flag('env', 'stringArray', []),
      flag('filename', 'stringSlice', [], { shorthand: 'f' }),
      flag('image', 'string', ''),
      flag('image-pull-policy', 'string', ''),
      flag('keep-annotations', 'bool', false),
      flag('keep-init-containers', 'bool', true),
      flag('keep-labels', 'bool', false),
      flag('keep-liveness', 'bool', false),
      flag('keep-readiness', 'bool', false),
      flag('keep-startup', 'bool', false),
      flag('profile', 'string', 'legacy'),
      flag('quiet', 'bool', false, { shorthand: 'q' }),
      flag('replace', 'bool', false),
      flag('same-node', 'bool', false),
      flag('set-image', 'stringArray', []),
      flag('share-processes', 'bool', true),
      flag('stdin', 'bool', false, { shorthand: 'i' }),
      flag('target', 'string', ''),
      flag('tty', 'bool', false, { shorthand: 't' }),
      flag('pod-running-timeout', 'duration', 60_000),
    ],
  };
}

/** execCommand: exec/exec.go (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...]. */
function execCommand(): CommandSpec {
  return {
    name: 'exec',
    kind: 'run',
    flags: [
      flag('container', 'string', '', { shorthand: 'c' }),
      flag('filename', 'stringSlice', [], { shorthand: 'f' }),
      flag('pod-running-timeout', 'duration', 60_000),
      flag('quiet', 'bool', false, { shorthand: 'q' }),
      flag('stdin', 'bool', false, { shorthand: 'i' }),
      flag('tty', 'bool', false, { shorthand: 't' }),
    ],
  };
}

/** attachCommand is `kubectl attach (POD | TYPE/NAME) -c CONTAINER` (pkg/cmd/attach, v1.32 flags). */
function attachCommand(): CommandSpec {
  return {
    name: 'attach',
    kind: 'run',
    flags: [
      flag('container', 'string', '', { shorthand: 'c' }),
      flag('pod-running-timeout', 'duration', 60_000),
      flag('quiet', 'bool', false, { shorthand: 'q' }),
      flag('stdin', 'bool', false, { shorthand: 'i' }),
      flag('tty', 'bool', false, { shorthand: 't' }),
    ],
    validateArgs: (cmd) => {
      if (cmd.args.length === 0) return cmdError('at least 1 argument is required for attach');
      if (cmd.args.length > 2) return cmdError(`expected POD, TYPE/NAME, or TYPE NAME, (at most 2 arguments) saw ${cmd.args.length}: [${cmd.args.join(' ')}]`);
      return undefined;
    },
  };
}

/** cpCommand is `kubectl cp SRC DEST` (pkg/cmd/cp, v1.32 flags). */
function cpCommand(): CommandSpec {
  return {
    name: 'cp',
    kind: 'run',
    flags: [flag('container', 'string', '', { shorthand: 'c' }), flag('no-preserve', 'bool', false), flag('retries', 'int', 0)],
    validateArgs: (cmd) => (cmd.args.length !== 2 ? cmdError('source and destination are required') : undefined),
  };
}

/** rootCommand builds the whole kubectl command tree. */
export function rootCommand(): CommandSpec {
  const basic = basicCommands();
  return {
    name: 'kubectl',
    kind: 'run',
    persistentFlags: globalFlags(),
    subcommands: [
      createCommand(),
      exposeCommand(),
      runCommand(),
      setCommand(),
      stub('explain'),
      basic.get,
      editCommand(),
      basic.delete,
      rolloutCommand(),
      scaleCommand(),
      autoscaleCommand(),
      stub('certificate'),
      clusterInfoCommand(),
      basic.top,
      basic.cordon,
      basic.uncordon,
      basic.drain,
      taintCommand(),
      basic.describe,
      basic.logs,
      attachCommand(),
      execCommand(),
      portForwardCommand(),
      proxyCommand(),
      cpCommand(),
      authCommand(),
      debugCommand(),
      eventsCommand(),
      diffCommand(),
      basic.apply,
      patchCommand(),
      replaceCommand(),
      waitCommand(),
      stub('kustomize'),
      labelCommand(),
      annotateCommand(),
      stub('completion'),
      { ...stub('alpha'), hidden: true },
      configCommand(),
      stub('plugin'),
      versionCommand(),
      apiVersionsCommand(),
      apiResourcesCommand(),
      stub('options'),
      { name: 'help', kind: 'run', hidden: true },
    ],
  };
}
