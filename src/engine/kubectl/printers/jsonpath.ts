// Mirrors k8s.io/client-go/util/jsonpath (parser.go, jsonpath.go) as kubectl's -o jsonpath uses it:
// text with {actions}; fields `.a`, `['a']`, recursive `..a`, `[n]`, `[*]`, slices `[s:e:st]`,
// unions `[a,b]`, filters `[?(@.x == "y")]`, `{range ...}...{end}`, quoted literals `{"\n"}`.
import { marshalJsonCompact, type JsonValue } from './json';

type Step =
  | { kind: 'field'; names: string[] }
  | { kind: 'recursive'; name: string }
  | { kind: 'index'; start?: number; end?: number; step?: number; all: boolean; single?: number }
  | { kind: 'union'; indexes: number[] }
  | { kind: 'filter'; left: Step[]; op?: string; right?: string | number | boolean | null; rightPath?: Step[] };

type Node = { kind: 'text'; text: string } | { kind: 'path'; steps: Step[] } | { kind: 'range'; steps: Step[]; body: Node[] };

/** JsonPathError carries jsonpath's own message (kubectl prints `error: ...`). */
export class JsonPathError extends Error {}

/** parseTemplate splits the template into text and actions, nesting range…end. */
export function parseTemplate(template: string): Node[] {
  const root: Node[] = [];
  const stack: Node[][] = [root];
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) {
      stack[stack.length - 1].push({ kind: 'text', text: template.slice(i) });
      break;
    }
    if (open > i) stack[stack.length - 1].push({ kind: 'text', text: template.slice(i, open) });
    const close = findClose(template, open);
    if (close < 0) throw new JsonPathError(`unclosed action`);
    const action = template.slice(open + 1, close).trim();
    i = close + 1;
    if (action === 'end') {
      if (stack.length === 1) throw new JsonPathError('not in range, nothing to end');
      stack.pop();
    } else if (action.startsWith('range ')) {
      const body: Node[] = [];
      stack[stack.length - 1].push({ kind: 'range', steps: parsePath(action.slice(6).trim()), body });
      stack.push(body);
    } else if (/^(["']).*\1$/s.test(action)) {
      stack[stack.length - 1].push({ kind: 'text', text: unquote(action) });
    } else {
      stack[stack.length - 1].push({ kind: 'path', steps: parsePath(action) });
    }
  }
  if (stack.length > 1) throw new JsonPathError('range without end');
  return root;
}

function findClose(text: string, open: number): number {
  let quote = '';
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '}') return i;
  }
  return -1;
}

function unquote(literal: string): string {
  const body = literal.slice(1, -1);
  return body.replace(/\\(.)/g, (_, c: string) => ({ n: '\n', t: '\t', r: '\r' })[c] ?? c);
}

/** parsePath reads `.a.b[0]['c.d'][?(@.x=="y")]..e` (a leading `$` or `@` is the root). */
function parsePath(text: string): Step[] {
  const steps: Step[] = [];
  let i = text.startsWith('$') || text.startsWith('@') ? 1 : 0;
  while (i < text.length) {
    if (text.startsWith('..', i)) {
      const m = /^[^.[\]]*/.exec(text.slice(i + 2))!;
      steps.push({ kind: 'recursive', name: m[0] });
      i += 2 + m[0].length;
    } else if (text[i] === '.') {
      let name = '';
      i++;
      while (i < text.length && text[i] !== '.' && text[i] !== '[') {
        if (text[i] === '\\' && i + 1 < text.length) i++;
        name += text[i++];
      }
      if (name) steps.push({ kind: 'field', names: [name] });
    } else if (text[i] === '[') {
      const close = matchingBracket(text, i);
      steps.push(parseBracket(text.slice(i + 1, close).trim()));
      i = close + 1;
    } else {
      throw new JsonPathError(`unrecognized character in action: U+${text.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0')} '${text[i]}'`);
    }
  }
  return steps;
}

function matchingBracket(text: string, open: number): number {
  let depth = 0;
  let quote = '';
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return i;
  }
  throw new JsonPathError('unterminated array');
}

function parseBracket(inner: string): Step {
  if (inner.startsWith('?(') && inner.endsWith(')')) return parseFilter(inner.slice(2, -1).trim());
  if (inner === '*') return { kind: 'index', all: true };
  if (/^['"]/.test(inner)) return { kind: 'field', names: inner.split(/\s*,\s*/).map((n) => n.replace(/^['"]|['"]$/g, '')) };
  if (/^-?\d+$/.test(inner)) return { kind: 'index', all: false, single: Number(inner) };
  if (/^-?\d+(\s*,\s*-?\d+)+$/.test(inner)) return { kind: 'union', indexes: inner.split(',').map(Number) };
  const slice = /^(-?\d*):(-?\d*)(?::(-?\d*))?$/.exec(inner);
  if (slice) {
    const num = (s: string | undefined) => (s === undefined || s === '' ? undefined : Number(s));
    return { kind: 'index', all: false, start: num(slice[1]), end: num(slice[2]), step: num(slice[3]) };
  }
  throw new JsonPathError(`invalid array index ${inner}`);
}

function parseFilter(expr: string): Step {
  // The operator is the first comparison outside quotes and escapes.
  let at = -1;
  let op = '';
  for (let i = 0, quote = ''; i < expr.length; i++) {
    const c = expr[i];
    if (c === '\\') i++;
    else if (quote) quote = c === quote ? '' : quote;
    else if (c === '"' || c === "'") quote = c;
    else {
      const m = /^(==|!=|<=|>=|<>|<|>)/.exec(expr.slice(i));
      if (m) {
        at = i;
        op = m[1];
        break;
      }
    }
  }
  const leftText = (at < 0 ? expr : expr.slice(0, at)).trim();
  if (!leftText.startsWith('@')) throw new JsonPathError(`unrecognized filter ${expr}`);
  const left = parsePath(leftText);
  if (at < 0) return { kind: 'filter', left };
  if (op === '<>') throw new JsonPathError('unrecognized filter operator <>');
  const raw = expr.slice(at + op.length).trim();
  if (raw.startsWith('@')) return { kind: 'filter', left, op, rightPath: parsePath(raw) };
  const right = /^(["']).*\1$/.test(raw) ? raw.slice(1, -1) : raw === 'true' ? true : raw === 'false' ? false : raw === 'null' ? null : Number(raw);
  return { kind: 'filter', left, op, right };
}

/** evaluate applies the steps to `root`, returning every match (missing keys just yield none). */
function evaluate(steps: Step[], root: JsonValue): JsonValue[] {
  let current: JsonValue[] = [root];
  for (const step of steps) {
    // A union of keys (`['metadata.name', 'status.capacity']`) evaluates each key as a path over
    // every value, key by key, as the upstream union node does.
    if (step.kind === 'field' && step.names.length > 1) {
      const values = current;
      current = step.names.flatMap((name) => values.flatMap((v) => evaluate(name.split('.').map((n): Step => ({ kind: 'field', names: [n] })), v)));
    } else current = current.flatMap((value) => apply(step, value));
  }
  return current;
}

function apply(step: Step, value: JsonValue): JsonValue[] {
  if (step.kind === 'field') {
    if (!isObject(value)) return [];
    return step.names.filter((n) => n in value).map((n) => value[n]);
  }
  if (step.kind === 'recursive') return collect(value, step.name);
  if (step.kind === 'union') return Array.isArray(value) ? step.indexes.map((i) => value[i < 0 ? value.length + i : i]).filter((v) => v !== undefined) : [];
  if (step.kind === 'index') {
    if (!Array.isArray(value)) return step.all && isObject(value) ? Object.values(value) : [];
    if (step.all) return value;
    if (step.single !== undefined) {
      const i = step.single < 0 ? value.length + step.single : step.single;
      if (i < 0 || i >= value.length) throw new JsonPathError(`array index out of bounds: index ${step.single}, length ${value.length}`);
      return [value[i]];
    }
    const clamp = (n: number) => Math.max(0, Math.min(value.length, n < 0 ? value.length + n : n));
    const start = clamp(step.start ?? 0);
    const end = clamp(step.end ?? value.length);
    const by = step.step ?? 1;
    const out: JsonValue[] = [];
    for (let i = start; i < end; i += by > 0 ? by : 1) out.push(value[i]);
    return out;
  }
  const items = Array.isArray(value) ? value : [];
  return items.filter((item) => {
    const lefts = evaluate(step.left, item);
    if (!step.op) return lefts.length > 0;
    const right = step.rightPath ? evaluate(step.rightPath, item)[0] : step.right;
    return lefts.some((left) => compare(left, step.op!, right ?? null));
  });
}

function compare(left: JsonValue, op: string, right: JsonValue): boolean {
  if (op === '==') return left === right || (typeof left === 'number' && Number(right) === left);
  if (op === '!=') return !(left === right || (typeof left === 'number' && Number(right) === left));
  if (typeof left !== 'number' || typeof right !== 'number') return false;
  return op === '<' ? left < right : op === '>' ? left > right : op === '<=' ? left <= right : left >= right;
}

function collect(value: JsonValue, name: string): JsonValue[] {
  const out: JsonValue[] = [];
  const walk = (v: JsonValue) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (isObject(v)) {
      for (const [key, child] of Object.entries(v)) {
        if (key === name || name === '') out.push(child);
        walk(child);
      }
    }
  };
  walk(value);
  return out;
}

function isObject(value: JsonValue): value is { [key: string]: JsonValue } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** text is PrintResults: maps and lists as compact JSON, scalars as Go prints them. */
function text(value: JsonValue, asJson: boolean): string {
  if (asJson) return JSON.stringify(value, null, 4);
  if (value !== null && typeof value === 'object') return marshalJsonCompact(value);
  return value === null ? '<nil>' : String(value);
}

/**
 * executeJsonPath renders `template` over `data` as `kubectl get -o jsonpath=...` does (missing
 * keys print nothing, --allow-missing-template-keys being true by default); asJson is
 * jsonpath-as-json (every match in one indented JSON array).
 */
export function executeJsonPath(template: string, data: JsonValue, asJson = false): string {
  const nodes = parseTemplate(template);
  if (asJson) {
    const results: JsonValue[] = [];
    const gather = (list: Node[], scope: JsonValue) => {
      for (const node of list) {
        if (node.kind === 'path') results.push(...evaluate(node.steps, scope));
        else if (node.kind === 'range') for (const item of evaluate(node.steps, scope)) gather(node.body, item);
      }
    };
    gather(nodes, data);
    return `${JSON.stringify(results, null, 4)}\n`;
  }
  const render = (list: Node[], scope: JsonValue): string =>
    list
      .map((node) => {
        if (node.kind === 'text') return node.text;
        if (node.kind === 'path') return evaluate(node.steps, scope).map((v) => text(v, false)).join(' ');
        return evaluate(node.steps, scope).map((item) => render(node.body, item)).join('');
      })
      .join('');
  return render(nodes, data);
}

/** jsonPathValues evaluates one `{.path}` action to its matches (custom-columns reads cells so). */
export function jsonPathValues(action: string, data: JsonValue): JsonValue[] {
  const nodes = parseTemplate(action);
  return nodes.flatMap((node) => (node.kind === 'path' ? evaluate(node.steps, data) : []));
}

/** goText is fmt's %v of a decoded JSON value (maps as map[k:v], lists as [a b]). */
export function goText(value: JsonValue): string {
  if (value === null) return '<nil>';
  if (Array.isArray(value)) return `[${value.map(goText).join(' ')}]`;
  if (typeof value === 'object') return `map[${Object.keys(value).sort().map((k) => `${k}:${goText(value[k])}`).join(' ')}]`;
  return String(value);
}
