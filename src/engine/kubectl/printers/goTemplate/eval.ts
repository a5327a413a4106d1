// Mirrors the evaluation half of Go's text/template/exec.go (Go 1.23): pipelines, commands,
// `.field` chains on maps, variables, function calls with Go's argument checks. Each step
// records its node (s.at) exactly where Go does, because errors report the last node visited.
import { goQuote } from '../../../go/strconv';
import { BUILTINS } from './builtins';
import { FuncError, type GoFunc, type ParamType } from './funcTypes';
import {
  nodeString, type ChainNode, type CommandNode, type FieldNode, type IdentifierNode, type Node, type NumberNode, type PipeNode, type VariableNode,
} from './nodes';
import type { State } from './state';
import { INVALID, bool, fromJson, isTrue, str, staticType, typeName, unbox, type Value } from './value';

/** evalPipeline runs the commands, each result feeding the next as its last argument. */
export function evalPipeline(s: State, dot: Value, pipe: PipeNode | undefined): Value {
  if (!pipe) return INVALID;
  s.at(pipe);
  let value: Value | undefined;
  for (const cmd of pipe.cmds) value = unbox(evalCommand(s, dot, cmd, value));
  const result = value ?? INVALID;
  for (const v of pipe.decl) {
    if (pipe.isAssign) s.setVar(v.ident[0], result);
    else s.push(v.ident[0], result);
  }
  return result;
}

/** evalCommand: `final` is the previous pipeline stage's value (undefined for the first). */
function evalCommand(s: State, dot: Value, cmd: CommandNode, final: Value | undefined): Value {
  const first = cmd.args[0];
  switch (first.type) {
    case 'field': return evalFieldNode(s, dot, first, cmd.args, final);
    case 'chain': return evalChainNode(s, dot, first, cmd.args, final);
    case 'identifier': return evalFunction(s, dot, first, cmd, cmd.args, final);
    case 'variable': return evalVariableNode(s, first, cmd.args, final);
    case 'pipe':
      notAFunction(s, cmd.args, final);
      return evalPipeline(s, dot, first);
  }
  s.at(first);
  notAFunction(s, cmd.args, final);
  switch (first.type) {
    case 'bool': return bool(first.value);
    case 'dot': return dot;
    case 'nil': return s.errorf('nil is not a command');
    case 'number': return idealConstant(s, first);
    case 'string': return str(first.text);
  }
  return s.errorf(`can't evaluate command ${goQuote(nodeString(first))}`);
}

function notAFunction(s: State, args: Node[] | undefined, final: Value | undefined): void {
  if ((args && args.length > 1) || final !== undefined) s.errorf(`can't give argument to non-function ${nodeString(args![0])}`);
}

/** idealConstant types an untyped literal: float64 if written as a float, else int. */
function idealConstant(s: State, n: NumberNode): Value {
  s.at(n);
  const hexInt = /^0[xX]/.test(n.text) && !/[pP]/.test(n.text);
  if (n.isFloat && !hexInt && !n.text.startsWith("'") && /[.eEpP]/.test(n.text)) return { kind: 'float64', v: n.float, boxed: false };
  if (n.isInt) return { kind: 'int', v: n.int, boxed: false };
  if (n.isUint) s.errorf(`${n.text} overflows int`);
  return INVALID;
}

function evalFieldNode(s: State, dot: Value, field: FieldNode, args: Node[] | undefined, final: Value | undefined): Value {
  s.at(field);
  return evalFieldChain(s, dot, field.ident, args, final);
}

function evalChainNode(s: State, dot: Value, chain: ChainNode, args: Node[] | undefined, final: Value | undefined): Value {
  s.at(chain);
  if (chain.node.type === 'nil') s.errorf(`indirection through explicit nil in ${nodeString(chain)}`);
  const receiver = evalArg(s, dot, undefined, chain.node);
  return evalFieldChain(s, receiver, chain.field, args, final);
}

function evalVariableNode(s: State, variable: VariableNode, args: Node[] | undefined, final: Value | undefined): Value {
  s.at(variable);
  const value = s.varValue(variable.ident[0]);
  if (variable.ident.length === 1) {
    notAFunction(s, args, final);
    return value;
  }
  return evalFieldChain(s, value, variable.ident.slice(1), args, final);
}

function evalFieldChain(s: State, receiver: Value, ident: string[], args: Node[] | undefined, final: Value | undefined): Value {
  let r = receiver;
  for (const name of ident.slice(0, -1)) r = evalField(s, name, undefined, undefined, r);
  return evalField(s, ident[ident.length - 1], args, final, r);
}

/** evalField looks a name up in a map; missing keys follow the missingkey option. */
function evalField(s: State, name: string, args: Node[] | undefined, final: Value | undefined, receiver: Value): Value {
  if (receiver.kind === 'invalid') {
    if (s.missingKey === 'error') s.errorf(`nil data; no entry for key ${goQuote(name)}`);
    return INVALID;
  }
  const type = staticType(receiver);
  if (receiver.kind === 'nil') s.errorf(`nil pointer evaluating ${type}.${name}`);
  const r = unbox(receiver);
  if (r.kind !== 'map') return s.errorf(`can't evaluate field ${name} in type ${type}`);
  if ((args && args.length > 1) || final !== undefined) s.errorf(`${name} is not a method but has arguments`);
  if (Object.prototype.hasOwnProperty.call(r.v, name)) return fromJson(r.v[name], true);
  if (s.missingKey === 'error') s.errorf(`map has no entry for key ${goQuote(name)}`);
  return INVALID;
}

function evalFunction(s: State, dot: Value, node: IdentifierNode, cmd: Node, args: Node[] | undefined, final: Value | undefined): Value {
  s.at(node);
  const fn = s.funcs.get(node.ident);
  if (!fn) return s.errorf(`${goQuote(node.ident)} is not a defined function`);
  return evalCall(s, dot, fn, BUILTINS.get(node.ident) === fn, cmd, node.ident, args, final);
}

/** evalCall checks the operand count, evaluates operands to the parameter types, and calls. */
function evalCall(s: State, dot: Value, fn: GoFunc, isBuiltin: boolean, node: Node, name: string, args: Node[] | undefined, final: Value | undefined): Value {
  const operands = args ? args.slice(1) : [];
  const numIn = operands.length + (final !== undefined ? 1 : 0);
  const numFixed = fn.variadic ? fn.params.length - 1 : operands.length;
  if (fn.variadic && numIn < numFixed) s.errorf(`wrong number of args for ${name}: want at least ${numFixed} got ${operands.length}`);
  if (!fn.variadic && numIn !== fn.params.length) s.errorf(`wrong number of args for ${name}: want ${fn.params.length} got ${numIn}`);
  if (isBuiltin && (name === 'and' || name === 'or')) return andOr(s, dot, name, operands, final);
  const last = fn.params[fn.params.length - 1];
  const argv = operands.map((operand, i) => evalArg(s, dot, i < numFixed ? fn.params[i] : last, operand));
  if (final !== undefined) argv.push(validateType(s, final, fn.variadic && numIn - 1 < numFixed ? fn.params[numIn - 1] : last));
  try {
    if (isBuiltin && name === 'call') return callBuiltin(operands, final, argv);
    return fn.call(argv);
  } catch (e) {
    if (!(e instanceof FuncError)) throw e;
    s.at(node);
    return s.errorf(`error calling ${name}: ${e.message}`);
  }
}

/** andOr evaluates operands only until the answer is known, and returns that operand. */
function andOr(s: State, dot: Value, name: string, operands: Node[], final: Value | undefined): Value {
  let v: Value = INVALID;
  for (const operand of operands) {
    v = evalArg(s, dot, 'value', operand);
    if (isTrue(v) === (name === 'or')) return v;
  }
  return final !== undefined ? validateType(s, final, 'value') : v;
}

/** callBuiltin: `call` needs a function value, which JSON data never holds. */
function callBuiltin(operands: Node[], final: Value | undefined, argv: Value[]): Value {
  const fn = unbox(argv[0]);
  if (fn.kind === 'invalid') throw new FuncError('call of nil');
  const callee = operands.length > 0 ? nodeString(operands[0]) : `<${typeName(final!)} Value>`;
  throw new FuncError(`non-function ${callee} of type ${typeName(fn)}`);
}

/** evalArg evaluates an operand for a parameter type (undefined: a chain's receiver). */
function evalArg(s: State, dot: Value, type: ParamType | undefined, n: Node): Value {
  s.at(n);
  switch (n.type) {
    case 'dot': return validateType(s, dot, type);
    case 'nil':
      if (type === 'value' || type === 'any') return INVALID;
      return s.errorf(`cannot assign nil to ${type}`);
    case 'field': return validateType(s, evalFieldNode(s, dot, n, [n], undefined), type);
    case 'variable': return validateType(s, evalVariableNode(s, n, undefined, undefined), type);
    case 'pipe': return validateType(s, evalPipeline(s, dot, n), type);
    case 'identifier': return validateType(s, evalFunction(s, dot, n, n, undefined, undefined), type);
    case 'chain': return validateType(s, evalChainNode(s, dot, n, undefined, undefined), type);
  }
  if (type === 'string') {
    if (n.type === 'string') return str(n.text);
    return s.errorf(`expected string; found ${nodeString(n)}`);
  }
  switch (n.type) {
    case 'bool': return bool(n.value);
    case 'number': return idealConstant(s, n);
    case 'string': return str(n.text);
  }
  return s.errorf(`can't handle assignment of ${nodeString(n)} to empty interface argument`);
}

/** validateType converts a value for a parameter: a missing value is nil where nil fits. */
function validateType(s: State, value: Value, type: ParamType | undefined): Value {
  if (value.kind === 'invalid') {
    if (type === undefined || type === 'value' || type === 'any') return INVALID;
    return s.errorf(`invalid value; expected ${type}`);
  }
  if (type !== 'string') return value;
  const inner = unbox(value);
  if (inner.kind === 'string') return inner;
  return s.errorf(`wrong type for value; expected string; got ${value.kind === 'nil' ? 'interface {}' : typeName(inner)}`);
}
