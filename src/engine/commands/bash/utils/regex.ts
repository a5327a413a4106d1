// POSIX regular expressions (grep, sed) as JavaScript ones: basic syntax (BRE) by default, extended
// (ERE) with -E; bracket classes like [[:digit:]] and the word anchors \< \> translated.

const POSIX_CLASSES: Record<string, string> = { alpha: 'A-Za-z', digit: '0-9', alnum: 'A-Za-z0-9', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v', blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9A-Fa-f' };

/** ereToJs: POSIX extended syntax is close to JavaScript's; bracket classes and \< \> differ. */
export function ereToJs(pattern: string): string {
  return pattern.replace(/\[:(\w+):\]/g, (m, name: string) => POSIX_CLASSES[name] ?? m).replace(/\\[<>]/g, '\\b');
}

/** breToJs: in basic syntax ( ) { } | + ? are literal unless escaped, and * first is literal. */
export function breToJs(pattern: string): string {
  let out = '';
  let inBracket = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (inBracket) {
      if (c === ']' && pattern[i - 1] !== '[' && pattern.slice(i - 2, i) !== '[^') inBracket = false;
      out += c;
      continue;
    }
    if (c === '[') {
      inBracket = true;
      out += c;
    } else if (c === '\\' && i + 1 < pattern.length) {
      const next = pattern[++i];
      out += '(){}|+?'.includes(next) ? next : next === '<' || next === '>' ? '\\b' : `\\${next}`;
    } else if ('(){}|+?'.includes(c)) out += `\\${c}`;
    else if (c === '*' && (out === '' || out === '^')) out += '\\*';
    else out += c;
  }
  return ereToJs(out);
}
