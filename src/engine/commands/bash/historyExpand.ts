// Interactive bash's history expansion (lib/readline/histexpand.c), applied to a typed line before
// it is parsed: `!!`, `!n`, `!-n`, `!string`, `!?string?`, the word designators `:n`, `:x-y`,
// `^`, `$`, `*` (and the `!$` / `!^` / `!*` short forms), and the `^old^new` quick substitution.
// Single quotes and a backslash protect a `!`; one before a blank, `=`, `(` or `"` stays as is.
// Messages and the expanded-line echo were checked against bash 5.2.15 on this machine.

export type HistoryExpansion = { line: string; expanded: boolean } | { error: string };

/** historyExpand expands `line` against the earlier lines of `history` (oldest first, numbered from 1). */
export function historyExpand(line: string, history: readonly string[]): HistoryExpansion {
  if (line.startsWith('^')) return quickSubstitution(line, history);
  if (!line.includes('!')) return { line, expanded: false };
  let out = '';
  let expanded = false;
  let single = false;
  let double = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\' && !single) {
      out += c + (line[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === "'" && !double) single = !single;
    else if (c === '"' && !single) double = !double;
    if (c !== '!' || single || i + 1 >= line.length || /[\s=("]/.test(line[i + 1])) {
      out += c;
      continue;
    }
    const event = parseEvent(line, i + 1, history);
    if ('error' in event) return event;
    const words = parseWords(line, event.end, event.text, event.shorthand);
    if ('error' in words) return words;
    out += words.text;
    expanded = true;
    i = words.end - 1;
  }
  return { line: out, expanded };
}

interface Event {
  /** text: the history line the event names. */
  text: string;
  /** end: where the event specifier ends in the line. */
  end: number;
  /** shorthand: `!$`, `!^`, `!*`, `!:`: a word designator follows at once. */
  shorthand: boolean;
}

function parseEvent(line: string, at: number, history: readonly string[]): Event | { error: string } {
  const c = line[at];
  const notFound = (spec: string) => ({ error: `bash: ${spec}: event not found` });
  const previous = history[history.length - 1];
  if (c === '!') return previous === undefined ? notFound('!!') : { text: previous, end: at + 1, shorthand: false };
  if (c === '$' || c === '^' || c === '*' || c === ':') return previous === undefined ? notFound(`!${c}`) : { text: previous, end: at, shorthand: true };
  const number = /^-?\d+/.exec(line.slice(at));
  if (number) {
    const n = Number(number[0]);
    const index = n < 0 ? history.length + n : n - 1;
    const text = history[index];
    return text === undefined || index < 0 ? notFound(`!${number[0]}`) : { text, end: at + number[0].length, shorthand: false };
  }
  if (c === '?') {
    const close = line.indexOf('?', at + 1);
    const needle = line.slice(at + 1, close < 0 ? undefined : close);
    const end = close < 0 ? line.length : close + 1;
    for (let i = history.length - 1; i >= 0; i--) if (history[i].includes(needle)) return { text: history[i], end, shorthand: false };
    return notFound(line.slice(at - 1, end));
  }
  const prefix = /^[^\s:;|&()<>"'`]+/.exec(line.slice(at))?.[0] ?? '';
  for (let i = history.length - 1; i >= 0; i--) if (history[i].startsWith(prefix)) return { text: history[i], end: at + prefix.length, shorthand: false };
  return notFound(`!${prefix}`);
}

/** parseWords applies a word designator after the event (`:2`, `:$`, `:1-3`, `$`, `^`, `*`). */
function parseWords(line: string, at: number, text: string, shorthand: boolean): { text: string; end: number } | { error: string } {
  let spec: RegExpExecArray | null;
  if (shorthand && line[at] !== ':') spec = /^([$^*])/.exec(line.slice(at));
  else if (line[at] === ':') spec = /^:(\d+-\d+|\d+-\$|\d+\*|\d+|[$^*])/.exec(line.slice(at));
  else return { text, end: at };
  if (!spec) return { text, end: at };
  const words = splitWords(text);
  const designator = spec[1];
  const index = (token: string) => (token === '$' ? words.length - 1 : token === '^' ? 1 : Number(token));
  let picked: string[];
  if (designator === '*') picked = words.slice(1);
  else if (designator.endsWith('*')) picked = words.slice(Number(designator.slice(0, -1)));
  else if (designator.includes('-')) {
    const [from, to] = designator.split('-');
    picked = words.slice(index(from), index(to) + 1);
    if (index(to) >= words.length || index(from) > index(to)) picked = [];
  } else {
    const word = words[index(designator)];
    picked = word === undefined || index(designator) < 0 ? [] : [word];
  }
  if (picked.length === 0 && designator !== '*') return { error: `bash: ${spec[0].startsWith(':') ? spec[0] : `:${spec[0]}`}: bad word specifier` };
  return { text: picked.join(' '), end: at + spec[0].length };
}

/** quickSubstitution is `^old^new^`: the previous line with its first `old` replaced. */
function quickSubstitution(line: string, history: readonly string[]): HistoryExpansion {
  const [, old = '', replacement = '', ...rest] = line.split('^');
  const previous = history[history.length - 1];
  if (previous === undefined || old === '' || !previous.includes(old)) return { error: `bash: :s${line}: substitution failed` };
  return { line: previous.replace(old, replacement) + rest.join('^'), expanded: true };
}

/**
 * splitWords splits a history line into words as history expansion counts them: quotes kept, and
 * each shell operator (`|`, `||`, `;`, `&&`, `>>`, …) a word of its own, as in `echo a|tr a b`.
 */
function splitWords(text: string): string[] {
  return text.match(/(?:[^\s'"|;&<>()]+|'[^']*'|"(?:\\.|[^"])*")+|\|\||&&|;;|>>|<<|[|;&<>()]/g) ?? [];
}
