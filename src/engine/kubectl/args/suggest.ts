// Mirrors spf13/cobra v1.8.1 command.go SuggestionsFor / findSuggestions and cobra.go ld:
// "Did you mean this?" lists every available sibling whose case-insensitive Levenshtein
// distance is ≤ 2 or whose name starts with what was typed, in registration order.
import type { CommandSpec } from './commandSpec';
import { goQuote } from './goStrconv';

/** levenshtein mirrors cobra ld(s, t, ignoreCase=true). */
export function levenshtein(s: string, t: string): number {
  const a = s.toLowerCase();
  const b = t.toLowerCase();
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let j = 1; j <= b.length; j++) {
    for (let i = 1; i <= a.length; i++) {
      d[i][j] = a[i - 1] === b[j - 1] ? d[i - 1][j - 1] : Math.min(d[i - 1][j], d[i][j - 1], d[i - 1][j - 1]) + 1;
    }
  }
  return d[a.length][b.length];
}

/** suggestionsFor lists the subcommands cobra would suggest for a mistyped name. */
export function suggestionsFor(parent: CommandSpec, typed: string): string[] {
  return (parent.subcommands ?? [])
    .filter((c) => !c.hidden)
    .filter((c) => levenshtein(typed, c.name) <= 2 || c.name.toLowerCase().startsWith(typed.toLowerCase()))
    .map((c) => c.name);
}

/** unknownCommandMessage mirrors legacyArgs' `unknown command %q for %q%s`. */
export function unknownCommandMessage(parent: CommandSpec, typed: string, commandPath: string): string {
  const suggestions = suggestionsFor(parent, typed);
  const tail = suggestions.length > 0 ? `\n\nDid you mean this?\n${suggestions.map((s) => `\t${s}\n`).join('')}` : '';
  return `unknown command ${goQuote(typed)} for ${goQuote(commandPath)}${tail}`;
}
