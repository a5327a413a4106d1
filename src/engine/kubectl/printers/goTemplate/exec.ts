// Mirrors the walking half of Go's text/template/exec.go (Go 1.23): text, actions, if/with
// (with an else chain), range over slices and maps (keys sorted) with break/continue and else,
// and {{template}} calls. Go 1.23 cannot range over integers or functions yet.
import { goQuote } from '../../../go/strconv';
import { goStringLess } from '../../generate/goMarshal';
import { evalPipeline } from './eval';
import type { BranchNode, ListNode, Node, TemplateNode } from './nodes';
import { formatValue } from './print';
import type { State } from './state';
import { fromJson, isTrue, str, int, type Value } from './value';

/** Go allows 100000 nested {{template}} calls; a JS stack holds fewer, so stop earlier with Go's text. */
const MAX_EXEC_DEPTH = 1000;

const BREAK = Symbol('break');
const CONTINUE = Symbol('continue');

export function walk(s: State, dot: Value, node: Node): void {
  s.at(node);
  switch (node.type) {
    case 'action': {
      const value = evalPipeline(s, dot, node.pipe);
      if (node.pipe.decl.length === 0) {
        s.at(node);
        s.out.push(value.kind === 'invalid' ? '<no value>' : formatValue(value));
      }
      return;
    }
    case 'break': throw BREAK;
    case 'continue': throw CONTINUE;
    case 'comment': return;
    case 'if': case 'with': return walkIfOrWith(s, dot, node);
    case 'list': return node.nodes.forEach((n) => walk(s, dot, n));
    case 'range': return walkRange(s, dot, node);
    case 'template': return walkTemplate(s, dot, node);
    case 'text':
      s.out.push(node.text);
      return;
  }
  s.errorf(`unknown node: ${node.type}`);
}

/** walkIfOrWith: `with` also moves dot to the value; variables declared in it end with it. */
function walkIfOrWith(s: State, dot: Value, node: BranchNode): void {
  const mark = s.vars.length;
  try {
    const value = evalPipeline(s, dot, node.pipe);
    if (isTrue(value)) walk(s, node.type === 'with' ? value : dot, node.list);
    else if (node.elseList) walk(s, dot, node.elseList);
  } finally {
    s.vars.length = mark;
  }
}

/**
 * walkRange iterates a slice, or a map in sorted key order; `$i, $e :=` get index (or key) and
 * element. An empty or missing collection runs the else branch; anything else is an error.
 */
function walkRange(s: State, dot: Value, node: BranchNode): void {
  s.at(node);
  const outer = s.vars.length;
  try {
    const value = evalPipeline(s, dot, node.pipe);
    const mark = s.vars.length;
    const iterate = (index: Value, elem: Value) => rangeIteration(s, node, mark, index, elem);
    if (value.kind === 'slice' && value.v.length > 0) return value.v.forEach((e, i) => iterate(int(i), fromJson(e, true)));
    if (value.kind === 'map' && Object.keys(value.v).length > 0) {
      return Object.keys(value.v).sort(goStringLess).forEach((k) => iterate(str(k), fromJson(value.v[k], true)));
    }
    if (value.kind !== 'slice' && value.kind !== 'map' && value.kind !== 'invalid') s.errorf(`range can't iterate over ${formatValue(value)}`);
    if (node.elseList) walk(s, dot, node.elseList);
  } catch (e) {
    if (e !== BREAK) throw e;
  } finally {
    s.vars.length = outer;
  }
}

function rangeIteration(s: State, node: BranchNode, mark: number, index: Value, elem: Value): void {
  const decl = node.pipe.decl;
  if (decl.length > 0) {
    if (!node.pipe.isAssign) s.setTopVar(1, elem);
    else s.setVar(decl[0].ident[0], decl.length > 1 ? index : elem);
  }
  if (decl.length > 1) {
    if (node.pipe.isAssign) s.setVar(decl[1].ident[0], elem);
    else s.setTopVar(2, index);
  }
  try {
    walk(s, elem, node.list);
  } catch (e) {
    if (e !== CONTINUE) throw e;
  } finally {
    s.vars.length = mark;
  }
}

/** walkTemplate runs a named template with its own `$` and no inherited variables. */
function walkTemplate(s: State, dot: Value, node: TemplateNode): void {
  s.at(node);
  const root: ListNode | undefined = s.trees.get(node.name);
  if (!root) s.errorf(`template ${goQuote(node.name)} not defined`);
  if (s.depth === MAX_EXEC_DEPTH) s.errorf('exceeded maximum template depth (100000)');
  const value = evalPipeline(s, dot, node.pipe);
  const saved = { name: s.name, vars: s.vars };
  s.name = node.name;
  s.vars = [{ name: '$', value }];
  s.depth++;
  try {
    walk(s, value, root!);
  } finally {
    s.name = saved.name;
    s.vars = saved.vars;
    s.depth--;
  }
}
