// Mirrors spf13/cobra v1.8.1 command.go Command.Find (innerfind, stripFlags,
// argsMinusFirstX, findNext): how `kubectl [flags] create [flags] deployment ...` picks the
// command before any flag is parsed. Flags that take a value skip the next word; unknown
// flags are treated as taking one too, which is why `kubectl --foo get pods` fails.
import type { CommandSpec } from './commandSpec';
import type { FlagSpec } from './flagSpec';
import { normalizeFlagName } from './flagSet';

/** FoundCommand is the command chain from the root and the args left for flag parsing. */
export interface FoundCommand {
  chain: CommandSpec[];
  args: string[];
}

/** visibleFlags are a command's local flags plus every ancestor's persistent flags. */
export function visibleFlags(chain: CommandSpec[]): FlagSpec[] {
  const own = chain[chain.length - 1].flags ?? [];
  const inherited = chain.flatMap((c) => c.persistentFlags ?? []);
  return [...own, ...inherited];
}

function takesValue(flags: FlagSpec[], s: string): boolean {
  if (s.startsWith('--') && !s.includes('=')) {
    const spec = flags.find((f) => f.name === normalizeFlagName(s.slice(2)));
    return !spec || spec.noOptDefVal === undefined;
  }
  if (s.startsWith('-') && !s.includes('=') && s.length === 2) {
    const spec = flags.find((f) => f.shorthand === s[1]);
    return !spec || spec.noOptDefVal === undefined;
  }
  return false;
}

/** stripFlags mirrors cobra stripFlags: the words that could be subcommand names. */
export function stripFlags(args: string[], flags: FlagSpec[]): string[] {
  const commands: string[] = [];
  let rest = args;
  while (rest.length > 0) {
    const s = rest[0];
    rest = rest.slice(1);
    if (s === '--') break;
    if (takesValue(flags, s)) {
      if (rest.length <= 1) break;
      rest = rest.slice(1);
    } else if (s !== '' && !s.startsWith('-')) commands.push(s);
  }
  return commands;
}

function argsMinusFirstX(args: string[], x: string, flags: FlagSpec[]): string[] {
  for (let pos = 0; pos < args.length; pos++) {
    const s = args[pos];
    if (s === '--') break;
    if (takesValue(flags, s)) pos++;
    else if (!s.startsWith('-') && s === x) return [...args.slice(0, pos), ...args.slice(pos + 1)];
  }
  return args;
}

function findNext(cmd: CommandSpec, name: string): CommandSpec | undefined {
  return cmd.subcommands?.find((c) => c.name === name || (c.aliases ?? []).includes(name));
}

/**
 * findCommand walks the tree like cobra's Find.
 * @example findCommand(root, ['-n', 'x', 'create', 'deploy', 'web']).chain.map(c => c.name)
 *   → ['kubectl', 'create', 'deployment']
 */
export function findCommand(root: CommandSpec, args: string[]): FoundCommand {
  let chain = [root];
  let rest = args;
  for (;;) {
    const flags = visibleFlags(chain);
    const words = stripFlags(rest, flags);
    if (words.length === 0) break;
    const next = findNext(chain[chain.length - 1], words[0]);
    if (!next) break;
    rest = argsMinusFirstX(rest, words[0], flags);
    chain = [...chain, next];
  }
  return { chain, args: rest };
}
