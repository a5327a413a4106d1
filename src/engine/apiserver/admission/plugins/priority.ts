// Mirrors kubernetes plugin/pkg/admission/priority/admission.go (v1.32): on Pod create, resolve
// spec.priority (and preemptionPolicy) from priorityClassName, or from the global default class, or
// 0 / PreemptLowerPriority when there is none.
import type { Pod } from 'kubernetes-types/core/v1';
import type { PriorityClass } from 'kubernetes-types/scheduling/v1';
import { newForbidden, type Status } from '../../../api/status';

/** PriorityAdmissionInput injects the PriorityClass lister. */
export interface PriorityAdmissionInput {
  priorityClasses: readonly PriorityClass[];
}

function defaultClass(classes: readonly PriorityClass[]): PriorityClass | undefined {
  let best: PriorityClass | undefined;
  for (const pc of classes) if (pc.globalDefault && (!best || best.value > pc.value)) best = pc;
  return best;
}

/** admitPriority sets spec.priority/preemptionPolicy/priorityClassName or returns a 403 Status. */
export function admitPriority(pod: Pod, input: PriorityAdmissionInput): Status | undefined {
  const gr = { group: '', resource: 'pods' };
  // admission.NewForbidden names a generateName-only object by its prefix (`pods "web-7d4b9c8f6d-" is forbidden`).
  const name = pod.metadata?.name || pod.metadata?.generateName || '';
  pod.spec ??= { containers: [] };
  const spec = pod.spec;
  let priority: number;
  let policy: string | undefined;
  if (!spec.priorityClassName) {
    const def = defaultClass(input.priorityClasses);
    spec.priorityClassName = def?.metadata?.name ?? '';
    if (spec.priorityClassName === '') delete spec.priorityClassName;
    priority = def?.value ?? 0;
    policy = def ? (def.preemptionPolicy ?? 'PreemptLowerPriority') : 'PreemptLowerPriority';
  } else {
    const pc = input.priorityClasses.find((c) => c.metadata?.name === spec.priorityClassName);
    if (!pc) return newForbidden(gr, name, `no PriorityClass with name ${spec.priorityClassName} was found`);
    priority = pc.value;
    policy = pc.preemptionPolicy;
  }
  if (spec.priority !== undefined && spec.priority !== null && spec.priority !== priority) {
    return newForbidden(gr, name, `the integer value of priority (${spec.priority}) must not be provided in pod spec; priority admission controller computed ${priority} from the given PriorityClass name`);
  }
  spec.priority = priority;
  if (policy !== undefined) {
    if (spec.preemptionPolicy && spec.preemptionPolicy !== policy) {
      return newForbidden(gr, name, `the string value of PreemptionPolicy (${spec.preemptionPolicy}) must not be provided in pod spec; priority admission controller computed ${policy} from the given PriorityClass name`);
    }
    spec.preemptionPolicy = policy;
  }
  return undefined;
}

/** systemPriorityClasses are the classes the apiserver creates at start-up (bootstrap policy). */
export function systemPriorityClasses(): PriorityClass[] {
  const make = (name: string, value: number, description: string): PriorityClass => ({
    apiVersion: 'scheduling.k8s.io/v1',
    kind: 'PriorityClass',
    metadata: { name },
    value,
    globalDefault: false,
    description,
    preemptionPolicy: 'PreemptLowerPriority',
  });
  return [
    make('system-node-critical', 2000001000, 'Used for system critical pods that must not be moved from their current node.'),
    make('system-cluster-critical', 2000000000, 'Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.'),
  ];
}
