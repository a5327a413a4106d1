// bash's `test` and `[ … ]`: the unary file and string tests, string and integer comparisons,
// and `!`, as scripts use them in `if` and `while` (`[ -f file ]`, `[ "$STATUS" = Running ]`).
import type { ShellSession } from './session';

const INTEGER = /^\s*-?\d+\s*$/;

/** evaluateTest returns bash's status: 0 true, 1 false, 2 for a usage error (with the message). */
export function evaluateTest(args: string[], session: ShellSession, name: 'test' | '['): { status: number; error?: string } {
  let words = args;
  if (name === '[') {
    if (words[words.length - 1] !== ']') return { status: 2, error: "bash: [: missing `]'\n" };
    words = words.slice(0, -1);
  }
  let negate = false;
  while (words[0] === '!' && words.length > 1) {
    negate = !negate;
    words = words.slice(1);
  }
  const result = evaluate(words, session, name);
  if (typeof result === 'string') return { status: 2, error: result };
  return { status: result !== negate ? 0 : 1 };
}

function evaluate(words: string[], session: ShellSession, name: string): boolean | string {
  if (words.length === 0) return false;
  if (words.length === 1) return words[0] !== '';
  if (words.length === 2) {
    const [op, operand] = words;
    const file = session.readFile(operand);
    switch (op) {
      case '-z':
        return operand === '';
      case '-n':
        return operand !== '';
      case '-e':
        return file !== undefined;
      case '-f':
      case '-s':
        return typeof file === 'string' && (op === '-f' || file !== '');
      case '-d':
        return file === null;
      default:
        return `bash: ${name}: ${op}: unary operator expected\n`;
    }
  }
  if (words.length === 3) {
    const [left, op, right] = words;
    switch (op) {
      case '=':
      case '==':
        return left === right;
      case '!=':
        return left !== right;
      case '-eq':
      case '-ne':
      case '-lt':
      case '-le':
      case '-gt':
      case '-ge': {
        const bad = [left, right].find((v) => !INTEGER.test(v));
        if (bad !== undefined) return `bash: ${name}: ${bad}: integer expression expected\n`;
        const a = Number(left);
        const b = Number(right);
        return { '-eq': a === b, '-ne': a !== b, '-lt': a < b, '-le': a <= b, '-gt': a > b, '-ge': a >= b }[op];
      }
      default:
        return `bash: ${name}: ${op}: binary operator expected\n`;
    }
  }
  return `bash: ${name}: too many arguments\n`;
}
