// Mirrors how etcdctl 3.4 turns a command line into an action: cobra finds the command
// (findCommand), pflag parses its flags (parseFlags), the command validates its arguments
// (commandOps), then the client config and output format are checked (global.go
// clientConfigFromCmd, keyAndCertFromCmd, initDisplayFromCmd). Every way to stop early comes
// back as the exact output etcdctl would print.
import { ROOT } from './commands';
import { findCommand, allFlags, unknownCommandError } from './findCommand';
import { parseFlags } from './parseFlags';
import { commandUsage } from './usage';
import { ExitCode, exitWithError, okOutput } from './errors';
import { getGetOp, getPutOp, type GetCommand, type OpError, type PutCommand } from './commandOps';
import type { FlagValue } from './flags';
import type { EtcdctlOutput, OutputFormat } from './types';

/** EtcdctlGlobals are the root flags every command gets. Durations are in nanoseconds. */
export interface EtcdctlGlobals {
  /** endpoints as given (`127.0.0.1:2379`, `https://10.0.0.2:2379`), spaces trimmed. */
  endpoints: string[];
  writeOut: OutputFormat;
  hex: boolean;
  debug: boolean;
  dialTimeoutNs: number;
  commandTimeoutNs: number;
  cacert: string;
  cert: string;
  key: string;
  user: string;
  insecureTransport: boolean;
  insecureSkipTlsVerify: boolean;
}

/** EtcdctlCommand is what the engine has to answer. */
export type EtcdctlCommand =
  | GetCommand
  | PutCommand
  | { name: 'endpoint status' | 'endpoint health'; /** cluster: use every member's client URLs. */ cluster: boolean }
  | { name: 'member list' }
  | { name: 'snapshot save' | 'snapshot status'; file: string }
  | SnapshotRestoreCommand
  | { name: 'check perf'; load: string; prefix: string; autoCompact: boolean }
  | { name: 'defrag'; cluster: boolean; dataDir: string }
  | { name: 'unsupported'; path: string; args: string[] };

/** SnapshotRestoreCommand: `snapshot restore FILE` and its flags (snapshot_command.go). */
export interface SnapshotRestoreCommand {
  name: 'snapshot restore';
  file: string;
  dataDir: string;
  walDir: string;
  memberName: string;
  initialCluster: string;
  clusterToken: string;
  advertisePeerURLs: string;
  skipHashCheck: boolean;
}

/** EtcdctlInvocation is either a command to run or the output of a run that stops early. */
export type EtcdctlInvocation =
  | { kind: 'run'; globals: EtcdctlGlobals; command: EtcdctlCommand }
  | { kind: 'exit'; output: EtcdctlOutput };

const FORMATS: OutputFormat[] = ['fields', 'json', 'protobuf', 'simple', 'table'];

/**
 * parseEtcdctlArgs parses the words after `etcdctl`. `stdin` is what a pipe would feed `put`.
 *
 * @example
 * parseEtcdctlArgs(['get', '/registry', '--prefix', '--keys-only']);
 * // { kind: 'run', command: { name: 'get', key: '/registry', rangeEnd: '/registrz', keysOnly: true, … } }
 * parseEtcdctlArgs(['get']).output.stderr;
 * // 'Error: get command needs one argument as key and an optional argument as range_end\n'
 */
export function parseEtcdctlArgs(argv: string[], stdin = ''): EtcdctlInvocation {
  const found = findCommand(ROOT, argv);
  if (found.unknownCommand !== undefined) {
    const error = unknownCommandError(ROOT, found.unknownCommand);
    const stderr = `Error: ${error}\nRun 'etcdctl --help' for usage.\nError: ${error}\n`;
    return { kind: 'exit', output: { stdout: '', stderr, exitCode: ExitCode.error } };
  }
  const { path } = found;
  const flags = parseFlags(found.args, allFlags(path));
  if (!flags.ok) {
    // cobra prints the error, then the usage: etcdctl's usage func writes it to stdout and
    // leaves cobra an empty string, hence the blank stderr line; then ExitWithError repeats.
    const stderr = `Error: ${flags.error}\n\nError: ${flags.error}\n`;
    return { kind: 'exit', output: { stdout: commandUsage(path), stderr, exitCode: ExitCode.error } };
  }
  const cmd = path[path.length - 1];
  if (flags.parsed.help || !cmd.runnable) return { kind: 'exit', output: okOutput(commandUsage(path)) };
  const { values, positionals, changed } = flags.parsed;
  const commandPath = path.slice(1).map((c) => c.name).join(' ');
  if (!cmd.simulated) return run(values, changed, { name: 'unsupported', path: commandPath, args: positionals });
  let command: EtcdctlCommand | OpError;
  if (commandPath === 'get') command = getGetOp(positionals, values);
  else if (commandPath === 'put') command = getPutOp(positionals, values, stdin);
  else if (commandPath === 'member list') command = { name: 'member list' };
  else if (commandPath.startsWith('snapshot ')) command = snapshotOp(commandPath, positionals, values);
  else if (commandPath === 'check perf') command = { name: 'check perf', load: String(values.load), prefix: String(values.prefix), autoCompact: values['auto-compact'] === true };
  else if (commandPath === 'defrag') command = { name: 'defrag', cluster: values.cluster === true, dataDir: String(values['data-dir'] ?? '') };
  else command = { name: commandPath as 'endpoint status' | 'endpoint health', cluster: values.cluster === true };
  if ('exitCode' in command) return { kind: 'exit', output: exitWithError(command.exitCode, command.message) };
  return run(values, changed, command);
}

/** run checks the client config and output format (in etcdctl's order) and builds the action. */
function run(values: Record<string, FlagValue>, changed: Set<string>, command: EtcdctlCommand): EtcdctlInvocation {
  for (const name of ['cert', 'key', 'cacert'] as const) {
    if (values[name] === '' && changed.has(name)) {
      return { kind: 'exit', output: exitWithError(ExitCode.badArgs, `empty string is passed to --${name} option`) };
    }
  }
  const writeOut = String(values['write-out']);
  if (!FORMATS.includes(writeOut as OutputFormat)) {
    return { kind: 'exit', output: exitWithError(ExitCode.badFeature, 'unsupported output format') };
  }
  const globals: EtcdctlGlobals = {
    endpoints: (values.endpoints as string[]).map((e) => e.trim()),
    writeOut: writeOut as OutputFormat,
    hex: values.hex === true,
    debug: values.debug === true,
    dialTimeoutNs: Number(values['dial-timeout']),
    commandTimeoutNs: Number(values['command-timeout']),
    cacert: String(values.cacert),
    cert: String(values.cert),
    key: String(values.key),
    user: String(values.user),
    insecureTransport: values['insecure-transport'] === true,
    insecureSkipTlsVerify: values['insecure-skip-tls-verify'] === true,
  };
  return { kind: 'run', globals, command };
}

/** snapshotOp checks a snapshot subcommand's arguments as snapshot_command.go does. */
function snapshotOp(path: string, args: string[], values: Record<string, FlagValue>): EtcdctlCommand | OpError {
  if (path === 'snapshot save') {
    return args.length === 1 ? { name: 'snapshot save', file: args[0] } : { exitCode: ExitCode.badArgs, message: 'snapshot save expects one argument' };
  }
  if (args.length !== 1) return { exitCode: ExitCode.badArgs, message: `${path} requires exactly one argument` };
  if (path === 'snapshot status') return { name: 'snapshot status', file: args[0] };
  return {
    name: 'snapshot restore',
    file: args[0],
    dataDir: String(values['data-dir']),
    walDir: String(values['wal-dir']),
    memberName: String(values.name),
    initialCluster: String(values['initial-cluster']),
    clusterToken: String(values['initial-cluster-token']),
    advertisePeerURLs: String(values['initial-advertise-peer-urls']),
    skipHashCheck: values['skip-hash-check'] === true,
  };
}
