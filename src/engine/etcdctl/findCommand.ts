// Mirrors github.com/spf13/cobra v0.0.3 command.go as etcdctl 3.4 uses it: Find (stripFlags,
// findNext with EnablePrefixMatching) and the "unknown command" error with its
// "Did you mean this?" suggestions (Levenshtein distance ≤ 2, or a prefix).
import type { CommandDef } from './commands';
import type { FlagDef } from './flags';
import { inheritedFlags, localFlags } from './usage';

/** FoundCommand is the command path the arguments select and the arguments left for it. */
export interface FoundCommand {
  path: CommandDef[];
  args: string[];
  /** unknownCommand is set when the root was given a word that names no command. */
  unknownCommand?: string;
}

/** allFlags are the flags a command parses: its own plus those inherited from ancestors. */
export function allFlags(path: CommandDef[]): FlagDef[] {
  return [...localFlags(path[path.length - 1]), ...inheritedFlags(path)];
}

/**
 * stripFlags drops flags, and the value after a `--flag`/`-f` that is not boolean, leaving the
 * words that may name subcommands. Unknown flags are assumed to take a value, as in cobra.
 */
function stripFlags(args: string[], flags: FlagDef[]): string[] {
  const isBool = (name: string) => flags.find((f) => f.name === name)?.type === 'bool';
  const isBoolShort = (short: string) => flags.find((f) => f.shorthand === short)?.type === 'bool';
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const s = args[i];
    if (s === '--') break;
    const takesValue =
      (s.startsWith('--') && !s.includes('=') && !isBool(s.slice(2))) ||
      (s.startsWith('-') && !s.startsWith('--') && !s.includes('=') && s.length === 2 && !isBoolShort(s.slice(1)));
    if (takesValue) {
      // cobra stops when at most one word is left after the flag, else skips the value.
      if (args.length - i - 1 <= 1) break;
      i++;
    } else if (s !== '' && !s.startsWith('-')) {
      words.push(s);
    }
  }
  return words;
}

/** findNext picks a child by exact name or, failing that, by a unique name prefix. */
function findNext(cmd: CommandDef, word: string): CommandDef | undefined {
  const children = cmd.children ?? [];
  const exact = children.find((c) => c.name === word);
  if (exact) return exact;
  const matches = children.filter((c) => c.name.startsWith(word));
  return matches.length === 1 ? matches[0] : undefined;
}

/** findCommand walks from the root the way cobra's Find does. */
export function findCommand(root: CommandDef, args: string[]): FoundCommand {
  const path = [root];
  let rest = args;
  for (;;) {
    const words = stripFlags(rest, allFlags(path));
    if (words.length === 0) break;
    const next = findNext(path[path.length - 1], words[0]);
    if (!next) break;
    path.push(next);
    const at = rest.indexOf(words[0]);
    rest = [...rest.slice(0, at), ...rest.slice(at + 1)];
  }
  const cmd = path[path.length - 1];
  if (path.length === 1 && (cmd.children ?? []).length > 0) {
    const words = stripFlags(rest, allFlags(path));
    if (words.length > 0) return { path, args: rest, unknownCommand: words[0] };
  }
  return { path, args: rest };
}

/** unknownCommandError is cobra's error text, suggestions included. */
export function unknownCommandError(root: CommandDef, word: string): string {
  const suggestions = (root.children ?? [])
    .map((c) => c.name)
    .sort()
    .filter((name) => levenshtein(word.toLowerCase(), name.toLowerCase()) <= 2 || name.toLowerCase().startsWith(word.toLowerCase()));
  const hint = suggestions.length > 0 ? `\n\nDid you mean this?\n${suggestions.map((s) => `\t${s}\n`).join('')}` : '';
  return `unknown command ${JSON.stringify(word)} for ${JSON.stringify(root.name)}${hint}`;
}

/** levenshtein is the edit distance cobra's ld() computes. */
function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length];
}
