// bash's printf builtin and echo -e: backslash escapes, and conversions %s %b %d %i %u %x %X %o
// %f %e %c %q %% with flags, width and precision. The format is reused while arguments remain;
// a non-number for %d prints 0 and the error bash prints.

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', e: '\x1b', E: '\x1b', '\\': '\\', '"': '"', "'": "'" };

/** echoEscapes expands echo -e's escapes; `\c` stops the output (and its newline). */
export function echoEscapes(text: string): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== '\\' || i + 1 >= text.length) {
      out += c;
      continue;
    }
    const n = text[++i];
    if (n === 'c') return { text: out, stop: true };
    if (n in SIMPLE_ESCAPES && n !== '"' && n !== "'") out += SIMPLE_ESCAPES[n];
    else if (n === '0') {
      const digits = /^[0-7]{0,3}/.exec(text.slice(i + 1))![0];
      out += String.fromCharCode(parseInt(digits || '0', 8));
      i += digits.length;
    } else if (n === 'x') {
      const hex = /^[0-9a-fA-F]{1,2}/.exec(text.slice(i + 1))?.[0];
      if (hex) {
        out += String.fromCharCode(parseInt(hex, 16));
        i += hex.length;
      } else out += '\\x';
    } else out += `\\${n}`;
  }
  return { text: out, stop: false };
}

/** formatEscapes expands the escapes of a printf format (octal is \NNN there). */
function formatEscapes(text: string): string {
  return text.replace(/\\([0-7]{1,3}|x[0-9a-fA-F]{1,2}|.)/g, (m, e: string) => {
    if (/^[0-7]/.test(e)) return String.fromCharCode(parseInt(e, 8));
    if (e.startsWith('x') && e.length > 1) return String.fromCharCode(parseInt(e.slice(1), 16));
    return SIMPLE_ESCAPES[e] ?? m;
  });
}

/** formatPrintf renders `printf FORMAT ARGS...`; errors are bash's texts without the `bash: printf: ` prefix. */
export function formatPrintf(format: string, args: string[]): { text: string; errors: string[] } {
  const errors: string[] = [];
  let text = '';
  let next = 0;
  const spec = /%([-+ #0]*)(\d+|\*)?(?:\.(\d+|\*))?([sbdiuxXofeEgGcq%])/g;
  do {
    let consumed = false;
    text += formatEscapes(format).replace(spec, (_m, flags: string, width: string | undefined, precision: string | undefined, conv: string) => {
      if (conv === '%') return '%';
      const take = () => {
        consumed = true;
        return args[next++];
      };
      const w = width === '*' ? Number(take() ?? 0) : Number(width ?? 0);
      const p = precision === '*' ? Number(take() ?? 0) : precision === undefined ? undefined : Number(precision);
      const arg = take() ?? '';
      let body: string;
      if (conv === 's' || conv === 'b' || conv === 'q') {
        body = conv === 'b' ? echoEscapes(arg).text : conv === 'q' ? shellQuote(arg) : arg;
        if (p !== undefined) body = body.slice(0, p);
      } else if (conv === 'c') body = arg.slice(0, 1);
      else {
        let n = arg === '' ? 0 : Number(/^'./.test(arg) ? arg.charCodeAt(1) : arg);
        if (Number.isNaN(n)) {
          errors.push(`${arg}: invalid number`);
          n = 0;
        }
        if ('diu'.includes(conv)) body = String(Math.trunc(n));
        else if (conv === 'x' || conv === 'X') body = Math.trunc(n).toString(16)[conv === 'X' ? 'toUpperCase' : 'toLowerCase']();
        else if (conv === 'o') body = Math.trunc(n).toString(8);
        else if (conv === 'e' || conv === 'E') body = n.toExponential(p ?? 6).replace(/e([+-])(\d)$/, 'e$10$2')[conv === 'E' ? 'toUpperCase' : 'toLowerCase']();
        else body = n.toFixed(p ?? 6);
        if (flags.includes('+') && n >= 0) body = `+${body}`;
      }
      if (body.length >= w) return body;
      if (flags.includes('-')) return body.padEnd(w);
      return flags.includes('0') && !'sbcq'.includes(conv) ? body.replace(/^([+-]?)/, (sign) => sign + '0'.repeat(w - body.length)) : body.padStart(w);
    });
    if (!consumed) break;
  } while (next < args.length);
  return { text, errors };
}

/** shellQuote is %q: a word bash would read back as the same string. */
function shellQuote(word: string): string {
  if (word === '') return "''";
  return word.replace(/([^\w@%+=:,./-])/g, '\\$1');
}
