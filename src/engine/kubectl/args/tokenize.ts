// Splits a command line the way a POSIX shell does before exec'ing kubectl (IEEE Std 1003.1
// "Token Recognition" and "Quoting"): blanks separate words; '…' keeps everything literally;
// "…" keeps everything except that a backslash still escapes $ ` " \ and newline; a backslash
// outside quotes escapes the next character and backslash-newline joins lines. Nothing is
// expanded: no variables, globs, tildes or command substitution, and no comments.

/** TokenizeResult is either the argv words or why the line is incomplete. */
export type TokenizeResult = { argv: string[]; error?: undefined } | { argv?: undefined; error: string };

const BLANK = /[ \t\n]/;
const DOUBLE_QUOTE_ESCAPABLE = '$`"\\\n';

/**
 * tokenize splits one command line into argv.
 * @example tokenize(`kubectl run a --image=nginx -- sh -c 'echo "hi"'`).argv
 *   → ['kubectl', 'run', 'a', '--image=nginx', '--', 'sh', '-c', 'echo "hi"']
 */
export function tokenize(line: string): TokenizeResult {
  const argv: string[] = [];
  let word = '';
  let inWord = false;
  let i = 0;
  while (i < line.length) {
    const ch = line[i];
    if (BLANK.test(ch)) {
      if (inWord) argv.push(word);
      word = '';
      inWord = false;
      i++;
    } else if (ch === '\\') {
      if (i + 1 >= line.length) return { error: 'unexpected end of line after backslash' };
      if (line[i + 1] !== '\n') {
        word += line[i + 1];
        inWord = true;
      }
      i += 2;
    } else if (ch === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) return { error: 'unterminated single quote' };
      word += line.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (ch === '"') {
      const closed = readDoubleQuoted(line, i + 1);
      if (closed === undefined) return { error: 'unterminated double quote' };
      word += closed.text;
      inWord = true;
      i = closed.next;
    } else {
      word += ch;
      inWord = true;
      i++;
    }
  }
  if (inWord) argv.push(word);
  return { argv };
}

/** readDoubleQuoted reads the body of "…" starting after the opening quote. */
function readDoubleQuoted(line: string, start: number): { text: string; next: number } | undefined {
  let text = '';
  for (let i = start; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') return { text, next: i + 1 };
    if (ch === '\\' && i + 1 < line.length && DOUBLE_QUOTE_ESCAPABLE.includes(line[i + 1])) {
      if (line[i + 1] !== '\n') text += line[i + 1];
      i++;
      continue;
    }
    text += ch;
  }
  return undefined;
}
