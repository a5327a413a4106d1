// The executor's state (Go's text/template exec.go `state`): output so far, the node being
// evaluated (for error positions), the variable stack, and the "template: …: executing …" error.
import { goQuote } from '../../../go/strconv';
import type { FuncMap } from './funcTypes';
import { utf8Length } from './lexChars';
import { nodeString, type ListNode, type Node } from './nodes';
import type { Value } from './value';

/** GoTemplateExecError carries Go's execution error text. */
export class GoTemplateExecError extends Error {}

/** MissingKey is the template's missingkey option: kubectl uses default, or error when asked. */
export type MissingKey = 'default' | 'error';

interface Variable {
  name: string;
  value: Value;
}

export class State {
  out: string[] = [];
  node?: Node;
  vars: Variable[];
  /** depth counts nested {{template}} calls. */
  depth = 0;

  constructor(
    public name: string,
    readonly trees: ReadonlyMap<string, ListNode>,
    readonly text: string,
    readonly parseName: string,
    readonly funcs: FuncMap,
    readonly missingKey: MissingKey,
    dot: Value,
  ) {
    this.vars = [{ name: '$', value: dot }];
  }

  at(node: Node): void {
    this.node = node;
  }

  /** errorf fails execution, locating the current node as output:LINE:COL (COL in bytes). */
  errorf(message: string): never {
    if (!this.node) throw new GoTemplateExecError(`template: ${this.name}: ${message}`);
    const before = this.text.slice(0, this.node.pos);
    const lineStart = before.lastIndexOf('\n') + 1;
    const line = before.split('\n').length;
    const location = `${this.parseName}:${line}:${utf8Length(before.slice(lineStart))}`;
    throw new GoTemplateExecError(`template: ${location}: executing ${goQuote(this.name)} at <${nodeString(this.node)}>: ${message}`);
  }

  varValue(name: string): Value {
    for (let i = this.vars.length - 1; i >= 0; i--) if (this.vars[i].name === name) return this.vars[i].value;
    return this.errorf(`undefined variable: ${name}`);
  }

  setVar(name: string, value: Value): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      if (this.vars[i].name === name) {
        this.vars[i].value = value;
        return;
      }
    }
    this.errorf(`undefined variable: ${name}`);
  }

  push(name: string, value: Value): void {
    this.vars.push({ name, value });
  }

  /** setTopVar sets the n-th variable from the top (1 = top): range's element and index. */
  setTopVar(n: number, value: Value): void {
    this.vars[this.vars.length - n].value = value;
  }
}
