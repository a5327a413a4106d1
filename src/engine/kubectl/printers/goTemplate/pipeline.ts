// Mirrors Go's text/template/parse/parse.go (Go 1.23): the expression level. A pipeline is
// optional declarations (`$x :=`, `$i, $e :=` in range, `$x =`) then commands joined by `|`; a
// command is operands separated by spaces; an operand is a term with optional `.field` chain.
import { goQuote } from '../../../go/strconv';
import type { Item, ItemType } from './lex';
import { ERR_SYNTAX, parseFloat64, parseInt64, parseUint, unquote, unquoteChar } from './literals';
import type { CommandNode, Node, NumberNode, PipeNode, VariableNode } from './nodes';
import { nodeString } from './nodes';
import type { Tree } from './tree';

const OPERAND_START = new Set<ItemType>([
  'bool', 'charConstant', 'complex', 'dot', 'field', 'identifier', 'number', 'nil', 'rawString', 'string', 'variable', 'leftParen',
]);

export function pipeline(t: Tree, context: string, end: 'rightDelim' | 'rightParen'): PipeNode {
  const pipe: PipeNode = { type: 'pipe', pos: t.peekNonSpace().pos, isAssign: false, decl: [], cmds: [] };
  declarations(t, pipe, context);
  for (;;) {
    const token = t.nextNonSpace();
    if (token.type === end) {
      checkPipeline(t, pipe, context);
      return pipe;
    }
    if (!OPERAND_START.has(token.type)) t.unexpected(token, context);
    t.backup();
    pipe.cmds.push(command(t));
  }
}

/**
 * declarations reads `$x :=`, `$x =` or (range only) `$i, $e :=`. Spaces are tokens, so telling
 * `$x foo` from `$x := foo` needs three tokens of look-ahead.
 */
function declarations(t: Tree, pipe: PipeNode, context: string): void {
  for (;;) {
    const v = t.peekNonSpace();
    if (v.type !== 'variable') return;
    t.next();
    const tokenAfterVariable = t.peek();
    const next = t.peekNonSpace();
    if (next.type === 'assign' || next.type === 'declare') {
      pipe.isAssign = next.type === 'assign';
      t.nextNonSpace();
      declare(t, pipe, v);
      return;
    }
    if (next.type === 'char' && next.val === ',') {
      t.nextNonSpace();
      declare(t, pipe, v);
      if (context === 'range' && pipe.decl.length < 2) {
        const after = t.peekNonSpace().type;
        if (after === 'variable' || after === 'rightDelim' || after === 'rightParen') continue;
        t.errorf('range can only initialize variables');
      }
      t.errorf(`too many declarations in ${context}`);
    }
    if (tokenAfterVariable.type === 'space') t.backup3(v, tokenAfterVariable);
    else t.backup2(v);
    return;
  }
}

function declare(t: Tree, pipe: PipeNode, v: Item): void {
  pipe.decl.push({ type: 'variable', pos: v.pos, ident: v.val.split('.') });
  t.vars.push(v.val);
}

/** checkPipeline: a pipeline needs a command, and only its first may start with a literal. */
function checkPipeline(t: Tree, pipe: PipeNode, context: string): void {
  if (pipe.cmds.length === 0) t.errorf(`missing value for ${context}`);
  pipe.cmds.slice(1).forEach((c, i) => {
    if (['bool', 'dot', 'nil', 'number', 'string'].includes(c.args[0].type)) t.errorf(`non executable command in pipeline stage ${i + 2}`);
  });
}

function command(t: Tree): CommandNode {
  const cmd: CommandNode = { type: 'command', pos: t.peekNonSpace().pos, args: [] };
  for (;;) {
    t.peekNonSpace();
    const arg = operand(t);
    if (arg) cmd.args.push(arg);
    const token = t.next();
    if (token.type === 'space') continue;
    if (token.type === 'rightDelim' || token.type === 'rightParen') t.backup();
    else if (token.type !== 'pipe') t.unexpected(token, 'operand');
    break;
  }
  if (cmd.args.length === 0) t.errorf('empty command');
  return cmd;
}

/** operand is a term plus `.a.b` fields: on a field or variable they extend it, else a chain. */
function operand(t: Tree): Node | undefined {
  const node = term(t);
  if (!node || t.peek().type !== 'field') return node;
  const pos = t.peek().pos;
  const fields: string[] = [];
  while (t.peek().type === 'field') fields.push(t.next().val.slice(1));
  switch (node.type) {
    case 'field': return { type: 'field', pos, ident: [...node.ident, ...fields] };
    case 'variable': return { type: 'variable', pos, ident: [...node.ident, ...fields] };
    case 'bool': case 'string': case 'number': case 'nil': case 'dot':
      return t.errorf(`unexpected . after term ${goQuote(nodeString(node))}`);
  }
  return { type: 'chain', pos, node, field: fields };
}

function term(t: Tree): Node | undefined {
  const token = t.nextNonSpace();
  switch (token.type) {
    case 'identifier':
      if (!t.shared.funcs.has(token.val)) t.errorf(`function ${goQuote(token.val)} not defined`);
      return { type: 'identifier', pos: token.pos, ident: token.val };
    case 'dot': return { type: 'dot', pos: token.pos };
    case 'nil': return { type: 'nil', pos: token.pos };
    case 'variable': return useVar(t, token);
    case 'field': return { type: 'field', pos: token.pos, ident: [token.val.slice(1)] };
    case 'bool': return { type: 'bool', pos: token.pos, value: token.val === 'true' };
    case 'charConstant': case 'complex': case 'number': return newNumber(t, token);
    case 'leftParen': return pipeline(t, 'parenthesized pipeline', 'rightParen');
    case 'string': case 'rawString': return { type: 'string', pos: token.pos, quoted: token.val, text: unquoteOr(t, token.val) };
  }
  t.backup();
  return undefined;
}

function unquoteOr(t: Tree, quoted: string): string {
  try {
    return unquote(quoted);
  } catch {
    return t.errorf(ERR_SYNTAX);
  }
}

function useVar(t: Tree, token: Item): VariableNode {
  const node: VariableNode = { type: 'variable', pos: token.pos, ident: token.val.split('.') };
  if (!t.hasVar(node.ident[0])) t.errorf(`undefined variable ${goQuote(node.ident[0])}`);
  return node;
}

/** newNumber records every reading of a literal that parses: int, uint, float (Go's NumberNode). */
function newNumber(t: Tree, token: Item): NumberNode {
  const text = token.val;
  const n: NumberNode = { type: 'number', pos: token.pos, text, isInt: false, isUint: false, isFloat: false, int: 0n, float: 0 };
  if (token.type === 'charConstant') return charConstant(t, n);
  if (token.type === 'complex' || text.endsWith('i')) t.errorf(`complex constant ${text} is not supported by this simulator`);
  const u = parseUint(text);
  const i = parseInt64(text);
  if (i !== undefined) [n.isInt, n.int, n.isFloat, n.float] = [true, i, true, Number(i)];
  if (u !== undefined) [n.isUint, n.isFloat, n.float] = [true, true, n.isInt ? n.float : Number(u)];
  if (i === 0n) n.isUint = true;
  if (!n.isInt && !n.isUint) {
    const f = parseFloat64(text);
    if (f !== undefined) {
      if (!/[.eEpP]/.test(text)) t.errorf(`integer overflow: ${goQuote(text)}`);
      [n.isFloat, n.float] = [true, f];
      if (Number.isInteger(f) && Math.abs(f) < 2 ** 63) [n.isInt, n.int] = [true, BigInt(f)];
      if (Number.isInteger(f) && f >= 0 && f < 2 ** 64) n.isUint = true;
    }
  }
  if (!n.isInt && !n.isUint && !n.isFloat) t.errorf(`illegal number syntax: ${goQuote(text)}`);
  return n;
}

function charConstant(t: Tree, n: NumberNode): NumberNode {
  let read: ReturnType<typeof unquoteChar>;
  try {
    read = unquoteChar(n.text, 1, "'");
  } catch {
    return t.errorf(ERR_SYNTAX);
  }
  if (n.text.slice(read.next) !== "'") t.errorf(`malformed character constant: ${n.text}`);
  return { ...n, isInt: true, isUint: true, isFloat: true, int: BigInt(read.value), float: read.value };
}
