// Mirrors metav1.ParseToLabelSelector (staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/
// helpers.go) over labels.ParseToRequirements (pkg/labels/selector.go): `a=b,c in (x,y),!d`
// becomes matchLabels + matchExpressions, requirements sorted by key, values sorted.
// Simplification: only the common grammar is parsed; malformed input gets one generic error.
import { splitTopLevel } from '../../api/labels';
import { goQuote } from '../args/goStrconv';
import type { JsonObject } from '../printers/json';

interface Requirement {
  key: string;
  op: '=' | '==' | '!=' | 'in' | 'notin' | 'exists' | '!';
  values: string[];
}

const KEY = '[A-Za-z0-9][-A-Za-z0-9_./]*';
const REQUIREMENT = new RegExp(
  `^\\s*(?:(!)\\s*(${KEY})|(${KEY})\\s*(?:(==|=|!=)\\s*([-A-Za-z0-9_.]*)|\\s(in|notin)\\s*\\(([^)]*)\\))?)\\s*$`,
);

function parseRequirement(part: string): Requirement | undefined {
  const m = REQUIREMENT.exec(part);
  if (!m) return undefined;
  if (m[1]) return { key: m[2], op: '!', values: [] };
  if (m[4] !== undefined) return { key: m[3], op: m[4] as Requirement['op'], values: [m[5]] };
  if (m[6] !== undefined) {
    const values = [...new Set(m[7].split(',').map((v) => v.trim()))].sort();
    return { key: m[3], op: m[6] as Requirement['op'], values };
  }
  return { key: m[3], op: 'exists', values: [] };
}

/** parseToLabelSelector returns a LabelSelector object or kubectl's error. */
export function parseToLabelSelector(selector: string): JsonObject | Error {
  const requirements: Requirement[] = [];
  if (selector.trim() !== '') {
    for (const part of splitTopLevel(selector)) {
      const req = parseRequirement(part);
      if (!req) return new Error(`couldn't parse the selector string ${goQuote(selector)}: unable to parse requirement`);
      requirements.push(req);
    }
  }
  requirements.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const matchLabels: JsonObject = {};
  const matchExpressions: JsonObject[] = [];
  const operators = { in: 'In', notin: 'NotIn', exists: 'Exists', '!': 'DoesNotExist' } as const;
  for (const req of requirements) {
    if (req.op === '=' || req.op === '==') matchLabels[req.key] = req.values[0];
    else if (req.op === '!=') return new Error('"!=" is not a valid label selector operator');
    else matchExpressions.push({ key: req.key, operator: operators[req.op], values: req.values });
  }
  return { matchLabels, matchExpressions };
}
