import type { LabelSelector } from 'kubernetes-types/meta/v1';

/**
 * Label selectors as apimachinery pkg/labels parses them: `app=web`, `app==web`, `tier!=fe`,
 * `env in (a,b)`, `env notin (c)`, `gpu`, `!gpu`, comma-separated and ANDed.
 */
export type Operator = 'in' | 'notin' | 'exists' | '!';

export interface Requirement {
  key: string;
  operator: Operator;
  values: string[];
}

export type Selector = Requirement[];

export type SelectorResult = { ok: true; selector: Selector } | { ok: false; error: string };

/** parseSelector parses the `-l` / labelSelector query syntax. */
export function parseSelector(text: string): SelectorResult {
  const selector: Selector = [];
  for (const part of splitTopLevel(text.trim())) {
    const term = part.trim();
    if (term === '') continue;
    const set = /^([^\s!=]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(term);
    if (set) {
      selector.push({ key: set[1], operator: set[2] as Operator, values: set[3].split(',').map((v) => v.trim()).filter(Boolean) });
      continue;
    }
    const eq = /^([^\s!=]+)\s*(==|=|!=)\s*([^\s,]*)$/.exec(term);
    if (eq) {
      selector.push({ key: eq[1], operator: eq[2] === '!=' ? 'notin' : 'in', values: [eq[3]] });
      continue;
    }
    const exists = /^(!?)([^\s!=(),]+)$/.exec(term);
    if (exists) {
      selector.push({ key: exists[2], operator: exists[1] ? '!' : 'exists', values: [] });
      continue;
    }
    return { ok: false, error: `unable to parse requirement: found '${term}', expected: identifier` };
  }
  return { ok: true, selector };
}

/** fromLabelSelector converts a metav1.LabelSelector (matchLabels + matchExpressions). */
export function fromLabelSelector(labelSelector: LabelSelector | undefined): Selector {
  if (!labelSelector) return [];
  const selector: Selector = [];
  for (const key of Object.keys(labelSelector.matchLabels ?? {}).sort()) {
    selector.push({ key, operator: 'in', values: [labelSelector.matchLabels![key]] });
  }
  for (const expression of labelSelector.matchExpressions ?? []) {
    const operator = ({ In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!' } as const)[expression.operator as 'In'];
    selector.push({ key: expression.key, operator: operator ?? 'in', values: expression.values ?? [] });
  }
  return selector;
}

/** matches reports whether `labels` satisfy every requirement (an empty selector matches all). */
export function matches(selector: Selector, labels: Record<string, string> | undefined): boolean {
  for (const requirement of selector) {
    const has = labels !== undefined && Object.prototype.hasOwnProperty.call(labels, requirement.key);
    const value = has ? labels![requirement.key] : undefined;
    switch (requirement.operator) {
      case 'in':
        if (!has || !requirement.values.includes(value!)) return false;
        break;
      case 'notin':
        if (has && requirement.values.includes(value!)) return false;
        break;
      case 'exists':
        if (!has) return false;
        break;
      case '!':
        if (has) return false;
        break;
    }
  }
  return true;
}

/** selectorString formats a selector the way kubectl shows it (`app=web,tier in (a,b)`). */
export function selectorString(selector: Selector): string {
  return selector
    .map((r) => {
      if (r.operator === 'exists') return r.key;
      if (r.operator === '!') return `!${r.key}`;
      if (r.values.length === 1) return `${r.key}${r.operator === 'in' ? '=' : '!='}${r.values[0]}`;
      return `${r.key} ${r.operator} (${r.values.join(',')})`;
    })
    .join(',');
}

/** splitTopLevel splits a selector at commas outside parentheses (`a in (x,y),b`). */
export function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')') depth--;
    else if (text[i] === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}
