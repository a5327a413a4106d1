// Arithmetic expansion, $(( expression )) (bash(1) "ARITHMETIC EVALUATION"), on 64-bit integers:
// + - * / % ** with unary + - ! ~, comparisons, && ||, ?:, parentheses, numbers (decimal, 0x
// hex, leading-0 octal) and variables by name or $NAME (unset or empty is 0).

export class ArithError extends Error {}

/** evaluateArith computes `expr` with `lookup` for variables; it throws ArithError as bash reports it. */
export function evaluateArith(expr: string, lookup: (name: string) => string | undefined): bigint {
  const tokens = expr.match(/\*\*|<=|>=|==|!=|&&|\|\||<<|>>|0[xX][0-9a-fA-F]+|\d+|[A-Za-z_]\w*|\$\{?\w+\}?|[-+*/%()<>!~?:&|^]|\S/g) ?? [];
  let i = 0;
  const peek = () => tokens[i];
  const fail = (token: string): never => {
    throw new ArithError(`${expr.trim()}: syntax error: operand expected (error token is "${token}")`);
  };
  const value = (name: string, depth = 0): bigint => {
    const raw = (lookup(name) ?? '').trim();
    if (raw === '') return 0n;
    if (/^-?\d+$/.test(raw)) return BigInt(raw);
    if (depth < 8 && /^[A-Za-z_]\w*$/.test(raw)) return value(raw, depth + 1);
    return evaluateArith(raw, lookup);
  };
  const primary = (): bigint => {
    const t = tokens[i++];
    if (t === undefined) return fail(tokens[tokens.length - 1] ?? '');
    if (t === '(') {
      const v = ternary();
      if (tokens[i++] !== ')') throw new ArithError(`${expr.trim()}: missing \`)' (error token is "${tokens[i - 1] ?? ''}")`);
      return v;
    }
    if (t === '-') return -unary();
    if (t === '+') return unary();
    if (t === '!') return unary() === 0n ? 1n : 0n;
    if (t === '~') return ~unary();
    if (/^0[xX]/.test(t)) return BigInt(t);
    if (/^0\d+$/.test(t)) return BigInt(`0o${t.slice(1)}`);
    if (/^\d+$/.test(t)) return BigInt(t);
    if (/^\$/.test(t)) return value(t.replace(/^\$\{?|\}$/g, ''));
    if (/^[A-Za-z_]\w*$/.test(t)) return value(t);
    return fail(t);
  };
  const unary = (): bigint => primary();
  const power = (): bigint => {
    const base = unary();
    if (peek() !== '**') return base;
    i++;
    return base ** power();
  };
  const binary = (next: () => bigint, ops: Record<string, (a: bigint, b: bigint) => bigint>) => (): bigint => {
    let left = next();
    while (peek() !== undefined && ops[peek()!]) {
      const op = tokens[i++];
      left = ops[op](left, next());
    }
    return left;
  };
  const bool = (b: boolean) => (b ? 1n : 0n);
  const divide = (a: bigint, b: bigint, op: string) => {
    if (b === 0n) throw new ArithError(`${expr.trim()}: division by 0 (error token is "${tokens.slice(i - 1).join('') || '0'}")`);
    return op === '/' ? a / b : a % b;
  };
  const multiplicative = binary(power, { '*': (a, b) => a * b, '/': (a, b) => divide(a, b, '/'), '%': (a, b) => divide(a, b, '%') });
  const additive = binary(multiplicative, { '+': (a, b) => a + b, '-': (a, b) => a - b });
  const shift = binary(additive, { '<<': (a, b) => a << b, '>>': (a, b) => a >> b });
  const relational = binary(shift, { '<': (a, b) => bool(a < b), '>': (a, b) => bool(a > b), '<=': (a, b) => bool(a <= b), '>=': (a, b) => bool(a >= b) });
  const equality = binary(relational, { '==': (a, b) => bool(a === b), '!=': (a, b) => bool(a !== b) });
  const bitAnd = binary(equality, { '&': (a, b) => a & b });
  const bitXor = binary(bitAnd, { '^': (a, b) => a ^ b });
  const bitOr = binary(bitXor, { '|': (a, b) => a | b });
  const logicalAnd = binary(bitOr, { '&&': (a, b) => bool(a !== 0n && b !== 0n) });
  const logicalOr = binary(logicalAnd, { '||': (a, b) => bool(a !== 0n || b !== 0n) });
  function ternary(): bigint {
    const condition = logicalOr();
    if (peek() !== '?') return condition;
    i++;
    const yes = ternary();
    if (tokens[i++] !== ':') fail(tokens[i - 1] ?? '');
    const no = ternary();
    return condition !== 0n ? yes : no;
  }
  if (tokens.length === 0) return 0n;
  const result = ternary();
  if (i < tokens.length) fail(tokens.slice(i).join(' '));
  // bash arithmetic is signed 64-bit: results wrap around.
  return BigInt.asIntN(64, result);
}
