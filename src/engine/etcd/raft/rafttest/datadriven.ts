// Mirrors cockroachdb/datadriven (used by etcd-io/raft interaction_test.go): a script of
// commands, each followed by `----` and its expected output, blocks separated by blank lines.

export interface TestCase {
  /** 1-based line of the command, for failure messages. */
  line: number;
  cmd: string;
  args: CmdArg[];
  /** The command line as written (output is regenerated verbatim around it on rewrite). */
  input: string;
  expected: string;
}

/** CmdArg is `key`, `key=value` or `key=(v1,v2)`. */
export interface CmdArg {
  key: string;
  vals: string[];
}

/** parseScript splits a script into comments (kept for rewrite) and test cases. */
export function parseScript(text: string): Array<{ comment: string } | TestCase> {
  const lines = text.split('\n');
  const out: Array<{ comment: string } | TestCase> = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (line.trim() === '' || line.startsWith('#')) {
      out.push({ comment: line });
      i++;
      continue;
    }
    const start = i;
    const input = line;
    i++;
    if (lines[i] !== '----') throw new Error(`line ${i + 1}: expected ---- after "${input}"`);
    i++;
    const expected: string[] = [];
    while (i < lines.length && lines[i] !== '') expected.push(lines[i++]);
    const [cmd, ...rest] = input.trim().split(/\s+/);
    out.push({ line: start + 1, cmd, args: rest.map(parseArg), input, expected: expected.join('\n') });
  }
  while (out.length > 0 && isBlankComment(out[out.length - 1])) out.pop();
  return out;
}

function parseArg(token: string): CmdArg {
  const eq = token.indexOf('=');
  if (eq < 0) return { key: token, vals: [] };
  const key = token.slice(0, eq);
  const value = token.slice(eq + 1);
  if (value.startsWith('(') && value.endsWith(')')) return { key, vals: value.slice(1, -1).split(',').filter(Boolean) };
  return { key, vals: [value] };
}

/** renderScript writes the script back with fresh outputs (the -rewrite mode). */
export function renderScript(items: Array<{ comment: string } | TestCase>, outputs: Map<TestCase, string>): string {
  const parts: string[] = [];
  for (const item of items) {
    if ('comment' in item) parts.push(item.comment);
    else {
      const output = outputs.get(item) ?? '';
      parts.push(item.input, '----', ...(output === '' ? [] : [output]));
    }
  }
  return `${parts.join('\n')}\n`;
}

function isBlankComment(item: { comment: string } | TestCase): boolean {
  return 'comment' in item && item.comment === '';
}
