// Affinity terms as the InterPodAffinity plugin reads them (framework.AffinityTerm /
// WeightedAffinityTerm in pkg/scheduler/framework/types.go, v1.32).
import type { Pod, PodAffinityTerm, WeightedPodAffinityTerm } from 'kubernetes-types/core/v1';
import { fromLabelSelector, matches, type Selector } from '../../../api/labels';

export interface Term {
  topologyKey: string;
  selector: Selector;
  namespaces: Set<string>;
}

export interface WeightedTerm extends Term {
  weight: number;
}

type Kind = 'podAffinity' | 'podAntiAffinity';

function compile(t: PodAffinityTerm, pod: Pod): Term {
  return {
    topologyKey: t.topologyKey,
    selector: t.labelSelector ? fromLabelSelector(t.labelSelector) : [{ key: '', operator: 'in', values: ['\u0000never'] }],
    // An empty namespace list means the pod's own namespace (namespaceSelector is not modelled).
    namespaces: new Set(t.namespaces?.length ? t.namespaces : [pod.metadata?.namespace ?? 'default']),
  };
}

/** requiredTerms: the pod's requiredDuringSchedulingIgnoredDuringExecution terms of one kind. */
export function requiredTerms(pod: Pod, kind: Kind): Term[] {
  const terms: PodAffinityTerm[] = pod.spec?.affinity?.[kind]?.requiredDuringSchedulingIgnoredDuringExecution ?? [];
  return terms.map((t) => compile(t, pod));
}

/** preferredTerms: the preferred terms of one kind with their weights signed by `sign` (zero weights dropped). */
export function preferredTerms(pod: Pod, kind: Kind, sign: 1 | -1): WeightedTerm[] {
  const terms: WeightedPodAffinityTerm[] = pod.spec?.affinity?.[kind]?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
  return terms.filter((t) => t.weight !== 0).map((t) => ({ ...compile(t.podAffinityTerm, pod), weight: sign * t.weight }));
}

/** hasPodAffinity: the pod sets podAffinity or podAntiAffinity (NodeInfo.PodsWithAffinity). */
export function hasPodAffinity(pod: Pod): boolean {
  const a = pod.spec?.affinity;
  return Boolean(a?.podAffinity || a?.podAntiAffinity);
}

export const termMatches = (term: Term, pod: Pod) => term.namespaces.has(pod.metadata?.namespace ?? '') && matches(term.selector, pod.metadata?.labels);
export const pair = (key: string, value: string) => `${key}=${value}`;
