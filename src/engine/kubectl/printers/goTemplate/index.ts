// A Go text/template engine for JSON data, as kubectl's -o go-template runs it (Go 1.23 rules).
// Public API: parseGoTemplate, executeGoTemplate, and the error classes with Go's texts.
import { goQuote } from '../../../go/strconv';
import type { JsonValue } from '../json';
import { BUILTINS } from './builtins';
import { walk } from './exec';
import type { FuncMap } from './funcTypes';
import type { ListNode } from './nodes';
import { parseTrees } from './parse';
import { GoTemplateExecError, State, type MissingKey } from './state';
import { fromJson } from './value';

export { GoTemplateParseError } from './tree';
export { GoTemplateExecError, type MissingKey } from './state';
export { formatValue } from './print';
export { fromJson } from './value';
export type { FuncMap, GoFunc } from './funcTypes';

export interface GoTemplate {
  name: string;
  text: string;
  trees: ReadonlyMap<string, ListNode>;
  funcs: FuncMap;
}

/**
 * parseGoTemplate parses `text` as template `name` with the builtins plus `extraFuncs`.
 * Throws GoTemplateParseError ("template: output:1: unclosed action").
 * @example parseGoTemplate('{{range .items}}{{.metadata.name}}{{"\n"}}{{end}}')
 */
export function parseGoTemplate(text: string, extraFuncs: FuncMap = new Map(), name = 'output'): GoTemplate {
  const funcs = new Map([...BUILTINS, ...extraFuncs]);
  return { name, text, trees: parseTrees(text, name, new Set(funcs.keys())), funcs };
}

/**
 * executeGoTemplate renders the template over decoded JSON. On failure `output` holds what was
 * written before the error (Go writes as it goes) and `error` Go's message.
 * @example executeGoTemplate(parseGoTemplate('{{.a}}'), { a: 3 }).output === '3'
 */
export function executeGoTemplate(tpl: GoTemplate, data: JsonValue, missingKey: MissingKey = 'default'): { output: string; error?: string } {
  const dot = fromJson(data, false);
  const s = new State(tpl.name, tpl.trees, tpl.text, tpl.name, tpl.funcs, missingKey, dot);
  try {
    const root = tpl.trees.get(tpl.name);
    if (!root) s.errorf(`${goQuote(tpl.name)} is an incomplete or empty template`);
    walk(s, dot, root!);
    return { output: s.out.join('') };
  } catch (e) {
    if (!(e instanceof GoTemplateExecError)) throw e;
    return { output: s.out.join(''), error: e.message };
  }
}
