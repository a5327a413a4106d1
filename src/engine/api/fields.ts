import type { KubeObject } from './object';

/**
 * Field selectors (`spec.nodeName=node-1`, `metadata.name!=x`, `status.phase=Running`) as the
 * apiserver supports them: equality only, per-kind field sets (pods: spec.nodeName,
 * status.phase, ...; events: involvedObject.*; every kind: metadata.name/namespace).
 */
export interface FieldRequirement {
  field: string;
  equal: boolean;
  value: string;
}

export type FieldSelectorResult = { ok: true; selector: FieldRequirement[] } | { ok: false; error: string };

export function parseFieldSelector(text: string): FieldSelectorResult {
  const selector: FieldRequirement[] = [];
  for (const term of text.split(',').map((t) => t.trim()).filter(Boolean)) {
    const match = /^([^!=]+?)\s*(==|=|!=)\s*(.*)$/.exec(term);
    if (!match) return { ok: false, error: `invalid selector: '${term}'; can't understand '${term}'` };
    selector.push({ field: match[1], equal: match[2] !== '!=', value: match[3] });
  }
  return { ok: true, selector };
}

/** fieldValue reads a dotted path; absent fields read as '' (as the apiserver's field sets do). */
export function fieldValue(obj: KubeObject, path: string): string {
  let current: unknown = obj;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object') return '';
    current = (current as Record<string, unknown>)[part];
  }
  return current === undefined || current === null ? '' : String(current);
}

export function matchesFields(selector: FieldRequirement[], obj: KubeObject): boolean {
  for (const requirement of selector) {
    if ((fieldValue(obj, requirement.field) === requirement.value) !== requirement.equal) return false;
  }
  return true;
}
