// Aliases (bash(1) "ALIASES"): `alias k=kubectl`, then `k get pods`. An alias replaces the first
// word of a simple command when that word is unquoted and literal; its value may bring words and
// assignments of its own (`alias kgp='kubectl get pods'`). An alias is not expanded inside its
// own expansion (`alias ls='ls -l'` works).
import type { ShellSession } from './session';
import { parseScript } from './parse';
import { isCompound, wordText, type SimpleCommand } from './syntax';

/** expandAlias returns the command with its first word's alias expanded (itself when there is none). */
export function expandAlias(session: ShellSession, command: SimpleCommand, seen: ReadonlySet<string> = new Set()): SimpleCommand {
  const first = command.words[0];
  const name = first && first.every((p) => !p.quoted) ? wordText(first) : undefined;
  const value = name !== undefined && !seen.has(name) ? session.aliases.get(name) : undefined;
  if (name === undefined || value === undefined) return command;
  let replacement: SimpleCommand | undefined;
  try {
    const script = parseScript(value);
    const only = script.length === 1 && script[0].rest.length === 0 && script[0].first.commands.length === 1 ? script[0].first.commands[0] : undefined;
    replacement = only && !isCompound(only) ? only : undefined;
  } catch {
    replacement = undefined;
  }
  if (!replacement) return command;
  const expanded = { assignments: [...command.assignments, ...replacement.assignments], words: [...replacement.words, ...command.words.slice(1)], redirects: [...replacement.redirects, ...command.redirects] };
  return expandAlias(session, expanded, new Set([...seen, name]));
}

/** quoteAlias prints a value as `alias` lists it: in single quotes, a quote as '\''. */
export function quoteAlias(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
