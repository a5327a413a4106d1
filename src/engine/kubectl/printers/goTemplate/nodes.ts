// The parse tree of Go's text/template/parse/node.go, as plain data. nodeString prints a node
// back the way Go's Node.String() does: execution errors quote it as `at <...>`.
import { goQuote } from '../../../go/strconv';

export interface ListNode { type: 'list'; pos: number; nodes: Node[] }
export interface TextNode { type: 'text'; pos: number; text: string }
export interface CommentNode { type: 'comment'; pos: number; text: string }
export interface ActionNode { type: 'action'; pos: number; pipe: PipeNode }
export interface PipeNode { type: 'pipe'; pos: number; isAssign: boolean; decl: VariableNode[]; cmds: CommandNode[] }
export interface CommandNode { type: 'command'; pos: number; args: Node[] }
/** FieldNode is `.a.b.c`; its position is the second field's when there is a chain (Go quirk). */
export interface FieldNode { type: 'field'; pos: number; ident: string[] }
export interface ChainNode { type: 'chain'; pos: number; node: Node; field: string[] }
export interface VariableNode { type: 'variable'; pos: number; ident: string[] }
export interface IdentifierNode { type: 'identifier'; pos: number; ident: string }
export interface DotNode { type: 'dot'; pos: number }
export interface NilNode { type: 'nil'; pos: number }
export interface BoolNode { type: 'bool'; pos: number; value: boolean }
/** NumberNode keeps every reading Go's parser found valid (an int that is also a float, …). */
export interface NumberNode {
  type: 'number';
  pos: number;
  text: string;
  isInt: boolean;
  isUint: boolean;
  isFloat: boolean;
  int: bigint;
  float: number;
}
export interface StringNode { type: 'string'; pos: number; quoted: string; text: string }
export interface BranchNode { type: 'if' | 'range' | 'with'; pos: number; pipe: PipeNode; list: ListNode; elseList?: ListNode }
export interface TemplateNode { type: 'template'; pos: number; name: string; pipe?: PipeNode }
export interface BreakNode { type: 'break' | 'continue'; pos: number }
/** EndNode and ElseNode exist only while parsing: they close or split a control structure. */
export interface EndNode { type: 'end' | 'else'; pos: number }

export type Node =
  | ListNode | TextNode | CommentNode | ActionNode | PipeNode | CommandNode | FieldNode | ChainNode
  | VariableNode | IdentifierNode | DotNode | NilNode | BoolNode | NumberNode | StringNode
  | BranchNode | TemplateNode | BreakNode | EndNode;

/** nodeString is Go's Node.String(). */
export function nodeString(node: Node): string {
  switch (node.type) {
    case 'list': return node.nodes.map(nodeString).join('');
    case 'text': return node.text;
    case 'comment': return `{{${node.text}}}`;
    case 'action': return `{{${nodeString(node.pipe)}}}`;
    case 'pipe': return pipeString(node);
    case 'command': return node.args.map((a) => (a.type === 'pipe' ? `(${nodeString(a)})` : nodeString(a))).join(' ');
    case 'field': return node.ident.map((id) => `.${id}`).join('');
    case 'chain': return (node.node.type === 'pipe' ? `(${nodeString(node.node)})` : nodeString(node.node)) + node.field.map((f) => `.${f}`).join('');
    case 'variable': return node.ident.join('.');
    case 'identifier': return node.ident;
    case 'dot': return '.';
    case 'nil': return 'nil';
    case 'bool': return node.value ? 'true' : 'false';
    case 'number': return node.text;
    case 'string': return node.quoted;
    case 'if': case 'range': case 'with': return branchString(node);
    case 'template': return `{{template ${goQuote(node.name)}${node.pipe ? ` ${nodeString(node.pipe)}` : ''}}}`;
    case 'break': case 'continue': case 'end': case 'else': return `{{${node.type}}}`;
  }
}

function pipeString(pipe: PipeNode): string {
  const decl = pipe.decl.length > 0 ? `${pipe.decl.map(nodeString).join(', ')}${pipe.isAssign ? ' = ' : ' := '}` : '';
  return decl + pipe.cmds.map(nodeString).join(' | ');
}

function branchString(node: BranchNode): string {
  const elsePart = node.elseList ? `{{else}}${nodeString(node.elseList)}` : '';
  return `{{${node.type} ${nodeString(node.pipe)}}}${nodeString(node.list)}${elsePart}{{end}}`;
}
