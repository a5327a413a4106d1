// Mirrors kubernetes staging/src/k8s.io/component-helpers/scheduling/corev1/nodeaffinity/nodeaffinity.go
// (NodeSelector, PreferredSchedulingTerms, RequiredNodeAffinity), v1.32.
import type { Node, NodeSelector, NodeSelectorRequirement, NodeSelectorTerm, PreferredSchedulingTerm } from 'kubernetes-types/core/v1';

/** NodeMatcher is a compiled node selector: call it with a node. */
export type NodeMatcher = (node: Node) => boolean;

/**
 * compileNodeSelector ORs the terms; a term ANDs its matchExpressions (labels) and matchFields
 * (only metadata.name exists); a term with neither matches nothing.
 */
export function compileNodeSelector(selector: NodeSelector): NodeMatcher {
  const terms = selector.nodeSelectorTerms.map(compileTerm);
  return (node) => {
    for (const term of terms) if (term(node)) return true;
    return false;
  };
}

/** compilePreferredTerms returns (weight, matcher) pairs, dropping zero weights. */
export function compilePreferredTerms(terms: readonly PreferredSchedulingTerm[]): Array<{ weight: number; matches: NodeMatcher }> {
  return terms.filter((t) => t.weight !== 0).map((t) => ({ weight: t.weight, matches: compileTerm(t.preference) }));
}

export function compileTerm(term: NodeSelectorTerm): NodeMatcher {
  const labelReqs = term.matchExpressions ?? [];
  const fieldReqs = term.matchFields ?? [];
  if (labelReqs.length === 0 && fieldReqs.length === 0) return () => false;
  return (node) => {
    const labels = node.metadata?.labels ?? {};
    for (const req of labelReqs) if (!requirementMatches(req, labels)) return false;
    for (const req of fieldReqs) {
      if (req.key !== 'metadata.name') return false;
      if (!requirementMatches(req, { 'metadata.name': node.metadata?.name ?? '' })) return false;
    }
    return true;
  };
}

/** requirementMatches evaluates In, NotIn, Exists, DoesNotExist, Gt, Lt against a label map. */
export function requirementMatches(req: NodeSelectorRequirement, labels: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, req.key);
  const value = has ? labels[req.key] : undefined;
  const values = req.values ?? [];
  switch (req.operator) {
    case 'In':
      return has && values.includes(value!);
    case 'NotIn':
      return !has || !values.includes(value!);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    case 'Gt':
    case 'Lt': {
      if (!has || values.length !== 1) return false;
      const left = parseGoInt(value!);
      const right = parseGoInt(values[0]);
      if (left === undefined || right === undefined) return false;
      return req.operator === 'Gt' ? left > right : left < right;
    }
    default:
      return false;
  }
}

function parseGoInt(text: string): number | undefined {
  return /^[+-]?\d+$/.test(text) ? Number(text) : undefined;
}
