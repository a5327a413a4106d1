// Mirrors Go's text/template/parse/parse.go (Go 1.23): the statement level. Text and actions,
// {{if}}/{{range}}/{{with}} with {{else}} (and `else if` / `else with` chains), {{break}} and
// {{continue}} inside range, {{define}} at top level, {{template}} and {{block}}.
import { Lexer } from './lex';
import { nodeString, type BranchNode, type EndNode, type ListNode, type Node, type PipeNode } from './nodes';
import { pipeline } from './pipeline';
import { unquote } from './literals';
import { Tree } from './tree';

/**
 * parseTrees parses a template and returns every named tree (the top level under `name`).
 * Throws GoTemplateParseError with Go's wording.
 * @example parseTrees('{{.metadata.name}}', 'output', new Set()).get('output')
 */
export function parseTrees(text: string, name: string, funcs: ReadonlySet<string>): Map<string, ListNode> {
  const shared = { lex: new Lexer(text), funcs, trees: new Map<string, Tree>(), parseName: name };
  const top = new Tree(name, shared);
  parseTop(top);
  top.add();
  return new Map([...shared.trees].map(([n, tree]) => [n, tree.root]));
}

function parseTop(t: Tree): void {
  t.root = { type: 'list', pos: t.peek().pos, nodes: [] };
  while (t.peek().type !== 'eof') {
    if (t.peek().type === 'leftDelim') {
      const delim = t.next();
      if (t.nextNonSpace().type === 'define') {
        parseDefinition(new Tree('definition', t.shared));
        continue;
      }
      t.backup2(delim);
    }
    const n = textOrAction(t);
    if (n.type === 'end' || n.type === 'else') t.errorf(`unexpected ${nodeString(n)}`);
    t.root.nodes.push(n);
  }
}

/** parseDefinition reads `"name"}} ... {{end}}` after `{{define`. */
function parseDefinition(t: Tree): void {
  const context = 'define clause';
  const token = t.nextNonSpace();
  if (token.type !== 'string' && token.type !== 'rawString') t.unexpected(token, context);
  t.name = unquoteOrFail(t, token.val);
  t.expect('rightDelim', context);
  const [list, end] = itemList(t);
  if (end.type !== 'end') t.errorf(`unexpected ${nodeString(end)} in ${context}`);
  t.root = list;
  t.add();
}

function unquoteOrFail(t: Tree, quoted: string): string {
  try {
    return unquote(quoted);
  } catch (e) {
    return t.errorf((e as Error).message);
  }
}

/** itemList parses nodes up to the {{end}} or {{else}} that closes the enclosing structure. */
function itemList(t: Tree): [ListNode, Node] {
  const list: ListNode = { type: 'list', pos: t.peekNonSpace().pos, nodes: [] };
  while (t.peekNonSpace().type !== 'eof') {
    const n = textOrAction(t);
    if (n.type === 'end' || n.type === 'else') return [list, n];
    list.nodes.push(n);
  }
  return t.errorf('unexpected EOF');
}

function textOrAction(t: Tree): Node {
  const token = t.nextNonSpace();
  if (token.type === 'text') return { type: 'text', pos: token.pos, text: token.val };
  if (token.type !== 'leftDelim') return t.unexpected(token, 'input');
  t.actionLine = token.line;
  try {
    return action(t);
  } finally {
    t.actionLine = 0;
  }
}

function action(t: Tree): Node {
  const token = t.nextNonSpace();
  switch (token.type) {
    case 'block': return blockControl(t);
    case 'break': case 'continue': return loopControl(t, token.type, token.pos);
    case 'else': return elseControl(t);
    case 'end': return { type: 'end', pos: t.expect('rightDelim', 'end').pos };
    case 'if': case 'range': case 'with': return branchControl(t, token.type);
    case 'template': return templateControl(t);
  }
  t.backup();
  const pos = t.peek().pos;
  return { type: 'action', pos, pipe: pipeline(t, 'command', 'rightDelim') };
}

function loopControl(t: Tree, type: 'break' | 'continue', pos: number): Node {
  const token = t.nextNonSpace();
  if (token.type !== 'rightDelim') t.unexpected(token, `{{${type}}}`);
  if (t.rangeDepth === 0) t.errorf(`{{${type}}} outside {{range}}`);
  return { type, pos };
}

/** elseControl leaves a following `if`/`with` pending: `{{else if x}}` is `{{else}}{{if x}}…{{end}}`. */
function elseControl(t: Tree): EndNode {
  const peek = t.peekNonSpace();
  if (peek.type === 'if' || peek.type === 'with') return { type: 'else', pos: peek.pos };
  return { type: 'else', pos: t.expect('rightDelim', 'else').pos };
}

function branchControl(t: Tree, context: 'if' | 'range' | 'with'): BranchNode {
  const varCount = t.vars.length;
  try {
    const pipe = pipeline(t, context, 'rightDelim');
    if (context === 'range') t.rangeDepth++;
    let [list, next] = itemList(t);
    if (context === 'range') t.rangeDepth--;
    let elseList: ListNode | undefined;
    if (next.type === 'else') {
      const chained = t.peek().type;
      if ((context === 'if' && chained === 'if') || (context === 'with' && chained === 'with')) {
        t.next();
        elseList = { type: 'list', pos: next.pos, nodes: [branchControl(t, context)] };
      } else {
        [elseList, next] = itemList(t);
        if (next.type !== 'end') t.errorf(`expected end; found ${nodeString(next)}`);
      }
    }
    return { type: context, pos: pipe.pos, pipe, list, elseList };
  } finally {
    t.popVars(varCount);
  }
}

function templateName(t: Tree, context: string): { name: string; pos: number } {
  const token = t.nextNonSpace();
  if (token.type !== 'string' && token.type !== 'rawString') t.unexpected(token, context);
  return { name: unquoteOrFail(t, token.val), pos: token.pos };
}

function templateControl(t: Tree): Node {
  const { name, pos } = templateName(t, 'template clause');
  let pipe: PipeNode | undefined;
  if (t.nextNonSpace().type !== 'rightDelim') {
    t.backup();
    pipe = pipeline(t, 'template clause', 'rightDelim');
  }
  return { type: 'template', pos, name, pipe };
}

/** blockControl is {{define name}}…{{end}} plus {{template name pipeline}} in one. */
function blockControl(t: Tree): Node {
  const context = 'block clause';
  const { name, pos } = templateName(t, context);
  const pipe = pipeline(t, context, 'rightDelim');
  const block = new Tree(name, t.shared);
  const [list, end] = itemList(block);
  if (end.type !== 'end') t.errorf(`unexpected ${nodeString(end)} in ${context}`);
  block.root = list;
  block.add();
  return { type: 'template', pos, name, pipe };
}
