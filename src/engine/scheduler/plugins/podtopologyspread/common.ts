// Mirrors kubernetes pkg/scheduler/framework/plugins/podtopologyspread/common.go and plugin.go
// (v1.32): a pod's constraints of one whenUnsatisfiable kind, or — for a pod that sets none —
// the system default constraints with the pod's DefaultSelector.
import type { Pod, TopologySpreadConstraint } from 'kubernetes-types/core/v1';
import { fromLabelSelector, type Selector } from '../../../api/labels';
import { LABEL_HOSTNAME } from '../../framework/nodeInfo';
import { defaultSelector, type SpreadListers } from '../helper/spread';

export { LABEL_HOSTNAME };
export const LABEL_TOPOLOGY_ZONE = 'topology.kubernetes.io/zone';

export interface Constraint {
  maxSkew: number;
  topologyKey: string;
  selector: Selector;
  minDomains: number;
  honorAffinity: boolean;
}

type When = 'DoNotSchedule' | 'ScheduleAnyway';

/**
 * systemDefaultConstraints (DefaultingType System): spread a workload's pods over hosts (maxSkew 3)
 * and zones (maxSkew 5), both only as a preference.
 */
export const SYSTEM_DEFAULT_CONSTRAINTS: readonly TopologySpreadConstraint[] = [
  { topologyKey: LABEL_HOSTNAME, whenUnsatisfiable: 'ScheduleAnyway', maxSkew: 3 },
  { topologyKey: LABEL_TOPOLOGY_ZONE, whenUnsatisfiable: 'ScheduleAnyway', maxSkew: 5 },
];

/** NEVER_MATCHES stands for a nil labelSelector, which selects no pod. */
const NEVER_MATCHES: Selector = [{ key: '', operator: 'in', values: ['\u0000never'] }];

/** filterConstraints keeps the constraints of one kind, with matchLabelKeys folded into the selector. */
export function filterConstraints(constraints: readonly TopologySpreadConstraint[], pod: Pod, when: When): Constraint[] {
  return constraints
    .filter((c) => c.whenUnsatisfiable === when)
    .map((c) => {
      const selector: Selector = c.labelSelector ? fromLabelSelector(c.labelSelector) : [...NEVER_MATCHES];
      for (const key of c.matchLabelKeys ?? []) {
        const value = pod.metadata?.labels?.[key];
        if (value !== undefined) selector.push({ key, operator: 'in', values: [value] });
      }
      return { maxSkew: c.maxSkew, topologyKey: c.topologyKey, selector, minDomains: c.minDomains ?? 1, honorAffinity: (c.nodeAffinityPolicy ?? 'Honor') === 'Honor' };
    });
}

/**
 * getConstraints: the pod's own constraints when it has any; otherwise the system defaults of that
 * kind with DefaultSelector, or none when nothing selects the pod (buildDefaultConstraints).
 */
export function getConstraints(pod: Pod, when: When, listers: SpreadListers | undefined): Constraint[] {
  if (pod.spec?.topologySpreadConstraints?.length) return filterConstraints(pod.spec.topologySpreadConstraints, pod, when);
  if (!listers) return [];
  const constraints = filterConstraints(SYSTEM_DEFAULT_CONSTRAINTS, pod, when);
  if (constraints.length === 0) return [];
  const selector = defaultSelector(pod, listers);
  if (selector.length === 0) return [];
  return constraints.map((c) => ({ ...c, selector }));
}
