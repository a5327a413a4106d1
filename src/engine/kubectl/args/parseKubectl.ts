// Entry point of the command-line layer: argv → ParsedCommand or the exact failure kubectl
// v1.32 prints. Order of checks mirrors kubectl's main path: the plugin handler
// (staging/src/k8s.io/kubectl/pkg/cmd/cmd.go NewDefaultKubectlCommandWithArgs,
// HandlePluginCommand), cobra Find and legacyArgs, pflag parsing, the help flag, required
// flags (cobra ValidateRequiredFlags, reported through klog as in component-base cli/run.go),
// then each command's own pre-request argument checks.
import { type CommandSpec, listFlag, type ParsedCommand, stringFlag } from './commandSpec';
import { rootCommand } from './commands/root';
import {
  flagError,
  klogCommandFailed,
  type KlogHeader,
  type KubectlUsageError,
  plainError,
  usageError,
  usageFailure,
} from './errors';
import { parseFlags } from './flagSet';
import { findCommand, stripFlags, visibleFlags } from './findCommand';
import { goQuote, parseGoDurationMs } from './goStrconv';
import { unknownCommandMessage } from './suggest';

let cachedRoot: CommandSpec | undefined;

/** kubectlCommandTree is the (shared, read-only) command table. */
export function kubectlCommandTree(): CommandSpec {
  cachedRoot ??= rootCommand();
  return cachedRoot;
}

/** ParseOptions tunes output that kubectl derives from the environment. */
export interface ParseOptions {
  /** klog header for errors kubectl logs (required flags); defaults to sim time 0, pid 1. */
  klogHeader?: KlogHeader;
}

function groupHelp(chain: CommandSpec[]): string {
  const cmd = chain[chain.length - 1];
  const path = chain.map((c) => c.name).join(' ');
  const names = (cmd.subcommands ?? []).filter((c) => !c.hidden).map((c) => `  ${c.name}\n`);
  return `Available Commands:\n${names.join('')}\nUsage:\n  ${path} SUBCOMMAND [options]\n`;
}

/** unknownAtRoot reproduces the plugin handler + cobra legacyArgs failure for `kubectl foo`. */
function unknownAtRoot(root: CommandSpec, args: string[], typed: string): KubectlUsageError {
  const cmdName = args.find((a) => !a.startsWith('-'));
  if (cmdName !== 'help' && args[0].startsWith('-')) {
    return plainError(`flags cannot be placed before plugin name: ${args[0]}`);
  }
  return plainError(unknownCommandMessage(root, typed, 'kubectl'));
}

function requiredFlagsError(chain: CommandSpec[], changed: string[], header?: KlogHeader): KubectlUsageError | undefined {
  const missing = visibleFlags(chain)
    .filter((f) => f.required && !changed.includes(f.name))
    .map((f) => f.name)
    .sort();
  if (missing.length === 0) return undefined;
  return klogCommandFailed(`required flag(s) "${missing.join('", "')}" not set`, header);
}

/**
 * parseKubectl parses one kubectl invocation (argv as tokenize() returns it; a leading
 * `kubectl` word is optional).
 * @example parseKubectl(['kubectl', 'create', 'deploy', 'web', '--image=nginx']) →
 *   { kind: 'command', path: ['create', 'deployment'], flags: { image: ['nginx'], replicas: 1, ... }, ... }
 */
export function parseKubectl(argv: string[], options: ParseOptions = {}): ParsedCommand | KubectlUsageError {
  const args = argv[0] === 'kubectl' ? argv.slice(1) : argv;
  const root = kubectlCommandTree();
  const found = findCommand(root, args);
  const { chain } = found;
  if (chain.length === 1) {
    const words = stripFlags(found.args, visibleFlags(chain));
    if (words.length > 0) return unknownAtRoot(root, args, words[0]);
  }
  const commandPath = chain.map((c) => c.name).join(' ');
  // Checked before flags so `kubectl exec web -it -- sh` says "not supported", not "unknown flag".
  if (chain[chain.length - 1].kind === 'unsupported') {
    return usageFailure(`error: "${commandPath}" is not supported by this simulator\n`);
  }
  const parsed = parseFlags(found.args, visibleFlags(chain));
  if ('error' in parsed) return flagError(commandPath, parsed.error);
  const dash = parsed.argsLenAtDash;
  const cmd: ParsedCommand = {
    kind: 'command',
    path: chain.slice(1).map((c) => c.name),
    flags: parsed.values,
    changed: parsed.changed,
    args: parsed.args,
    positionals: dash < 0 ? parsed.args : parsed.args.slice(0, dash),
    argsAfterDash: dash < 0 ? [] : parsed.args.slice(dash),
    argsLenAtDash: dash,
    help: parsed.help || chain.length === 1 || chain[chain.length - 1].name === 'help',
    warnings: parsed.notices.map((n) => `${n}\n`).join(''),
  };
  if (cmd.help) return cmd;
  const required = requiredFlagsError(chain, cmd.changed, options.klogHeader);
  if (required) return withWarnings(required, cmd.warnings);
  const spec = chain[chain.length - 1];
  const failure = checkCommand(spec, chain, cmd, commandPath);
  return failure ? withWarnings(failure, cmd.warnings) : cmd;
}

/** checkCommand runs what happens after flag parsing: DefaultSubCommandRun for groups, the
 * REST client config checks every other command hits, then the command's own argument checks. */
function checkCommand(spec: CommandSpec, chain: CommandSpec[], cmd: ParsedCommand, commandPath: string) {
  if (spec.kind === 'group') {
    if (cmd.args.length > 0) return usageError(commandPath, `unknown command ${goQuote(cmd.args[0])}`);
    const help = groupHelp(chain);
    return spec.groupHelpToStdout ? usageFailure('', help) : usageFailure(help);
  }
  // client-go rest.Config validation (transport/config.go), hit by every command that builds a client.
  const impersonating = stringFlag(cmd, 'as') !== '';
  if (!impersonating && (listFlag(cmd, 'as-group').length > 0 || stringFlag(cmd, 'as-uid') !== '')) {
    return usageFailure('error: requesting uid, groups or user-extra for  without impersonating a user\n');
  }
  const timeout = stringFlag(cmd, 'request-timeout');
  if (!/^[+-]?\d+$/.test(timeout) && parseGoDurationMs(timeout) instanceof Error) {
    // client-go clientcmd ClientConfig: --request-timeout is seconds or a Go duration.
    return usageFailure(
      'error: Invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a corresponding time unit (e.g. 1s | 2m | 3h)\n',
    );
  }
  return spec.validateArgs?.(cmd, commandPath);
}

function withWarnings(failure: KubectlUsageError, warnings: string): KubectlUsageError {
  return warnings ? { ...failure, stderr: warnings + failure.stderr } : failure;
}
