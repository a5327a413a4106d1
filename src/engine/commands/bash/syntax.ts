// The shape of a parsed terminal line: the part of bash's grammar (POSIX "Shell Command
// Language") that tutorials type into a terminal. Lists of and-or chains of pipelines of simple
// commands, with words that still carry their quoting, so expansion can split exactly where bash
// would.

/** WordPart is one piece of a word; `quoted` parts are never field-split. */
export type WordPart =
  | { kind: 'text'; text: string; quoted: boolean }
  /** $NAME, ${NAME}, $? — `fallback` is ${NAME:-word}; `op` the other ${…} operators. */
  | { kind: 'param'; name: string; quoted: boolean; fallback?: Word; op?: ParamOp }
  /** $(command) or `command`: the source, parsed when it runs. */
  | { kind: 'command'; source: string; quoted: boolean }
  /** $((expression)): evaluated when the word expands (arith.ts). */
  | { kind: 'arith'; expr: string; quoted: boolean };

export type Word = WordPart[];

/**
 * ParamOp: ${#NAME} (length), ${NAME-w} ${NAME:=w} ${NAME=w} ${NAME:+w} ${NAME+w} (defaults and
 * alternatives), ${NAME#pat} ${NAME##pat} ${NAME%pat} ${NAME%%pat} (strip a prefix or suffix),
 * ${NAME/pat/rep} ${NAME//pat/rep} (replace).
 */
export type ParamOp =
  | { kind: 'length' }
  | { kind: '-' | ':=' | '=' | ':+' | '+' | '#' | '##' | '%' | '%%'; word: Word }
  | { kind: '/' | '//'; word: Word; replacement: Word };

/** Redirect: `>`, `>>` and `<` to a path, `2>&1` duplicating a descriptor, or a `<<` here-document (target: its body). */
export interface Redirect {
  fd: 0 | 1 | 2;
  op: '>' | '>>' | '<' | '>&' | '<<';
  target: Word;
  /** heredoc: the body, read after the command's line ended. */
  heredoc?: () => Word;
}

export interface SimpleCommand {
  /** assignments: NAME=word before the command name (alone they set shell variables). */
  assignments: Array<{ name: string; value: Word }>;
  words: Word[];
  redirects: Redirect[];
}

/**
 * CompoundCommand: the loops and conditionals typed at a prompt (`for f in *.crt; do …; done`,
 * `while …; do …; done`, `if …; then …; elif …; else …; fi`), with redirects after the end word.
 */
export type CompoundCommand =
  | { kind: 'for'; name: string; words: Word[]; body: Script; redirects: Redirect[] }
  | { kind: 'while' | 'until'; condition: Script; body: Script; redirects: Redirect[] }
  | { kind: 'if'; clauses: Array<{ condition: Script; body: Script }>; elseBody?: Script; redirects: Redirect[] };

export type Command = SimpleCommand | CompoundCommand;

export function isCompound(command: Command): command is CompoundCommand {
  return 'kind' in command;
}

export interface Pipeline {
  negated: boolean;
  /** timed: `time pipeline` reports how long it took (bash's TIMEFORMAT) on stderr. */
  timed?: boolean;
  commands: Command[];
}

/** AndOr: pipelines joined by && and ||, run left to right with short-circuits. */
export interface AndOr {
  first: Pipeline;
  rest: Array<{ op: '&&' | '||'; pipeline: Pipeline }>;
  /** background: ended by `&` (a job that runs on while the prompt returns). */
  background: boolean;
  /** source: the chain as typed (what `jobs` lists). */
  source: string;
}

/** Script is a whole line: and-or chains separated by `;`, `&` or newlines, and what bash warned about reading it. */
export type Script = AndOr[] & { warnings?: string[] };

/** wordText: a word's literal text when it has no expansion (command names, assignment names). */
export function wordText(word: Word): string | undefined {
  let text = '';
  for (const part of word) {
    if (part.kind !== 'text') return undefined;
    text += part.text;
  }
  return text;
}
