// The command table's shape: one node per cobra.Command kubectl v1.32 registers
// (staging/src/k8s.io/kubectl/pkg/cmd/cmd.go NewKubectlCommand and each NewCmdX).
import type { KubectlUsageError } from './errors';
import type { FlagSpec, FlagValue } from './flagSpec';

/**
 * CommandKind says what happens once cobra has found the command:
 * - `run`: a command the simulator implements (its Run is ours);
 * - `group`: a parent whose Run is cmdutil.DefaultSubCommandRun (help without args,
 *   `unknown command "x"` with args);
 * - `unsupported`: real kubectl has it, the simulator does not.
 */
export type CommandKind = 'run' | 'group' | 'unsupported';

/** ParsedCommand is a successfully parsed command line, ready for the execution layer. */
export interface ParsedCommand {
  kind: 'command';
  /** path is the command path below `kubectl`, e.g. ['create', 'deployment']. */
  path: string[];
  /** flags holds every flag of the command (its own and inherited), defaults included. */
  flags: Record<string, FlagValue>;
  /** changed lists flags set on the command line (cobra Flags().Changed), in first-set order. */
  changed: string[];
  /** args are all positional args (cobra `args`), including those after `--`. */
  args: string[];
  /** positionals are the args before `--`. */
  positionals: string[];
  /** argsAfterDash are the args after `--` (the container command for create/run). */
  argsAfterDash: string[];
  /** argsLenAtDash is cobra ArgsLenAtDash(): args before `--`, or -1 without `--`. */
  argsLenAtDash: number;
  /** help is true for `-h`/`--help`: the command should print its help and exit 0. */
  help: boolean;
  /** stderr lines kubectl writes while parsing (flag deprecation notices), each ending in \n. */
  warnings: string;
}

/** ArgsValidator reproduces kubectl's pre-request argument checks for one command. */
export type ArgsValidator = (cmd: ParsedCommand, commandPath: string) => KubectlUsageError | undefined;

/** CommandSpec declares one kubectl command. */
export interface CommandSpec {
  name: string;
  aliases?: string[];
  kind: CommandKind;
  /** flags are the command's local flags (cmd.Flags()). */
  flags?: FlagSpec[];
  /** persistentFlags are inherited by every descendant (only the root has them). */
  persistentFlags?: FlagSpec[];
  subcommands?: CommandSpec[];
  /** hidden commands are never suggested (cobra IsAvailableCommand). */
  hidden?: boolean;
  /** groupHelpToStdout: DefaultSubCommandRun writes help to stdout (rollout) not stderr. */
  groupHelpToStdout?: boolean;
  validateArgs?: ArgsValidator;
}

/** stub declares a real kubectl command the simulator does not implement. */
export function stub(name: string, aliases?: string[]): CommandSpec {
  return { name, aliases, kind: 'unsupported' };
}

/** stringFlag reads a string flag value from a parsed command. */
export function stringFlag(cmd: ParsedCommand, name: string): string {
  const v = cmd.flags[name];
  return typeof v === 'string' ? v : '';
}

/** boolFlag reads a bool flag value from a parsed command. */
export function boolFlag(cmd: ParsedCommand, name: string): boolean {
  return cmd.flags[name] === true;
}

/** numberFlag reads an int/duration flag value from a parsed command. */
export function numberFlag(cmd: ParsedCommand, name: string): number {
  const v = cmd.flags[name];
  return typeof v === 'number' ? v : 0;
}

/** listFlag reads a stringSlice/stringArray flag value from a parsed command. */
export function listFlag(cmd: ParsedCommand, name: string): string[] {
  const v = cmd.flags[name];
  return Array.isArray(v) ? v : [];
}
