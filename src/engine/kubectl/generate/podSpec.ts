// Mirrors staging/src/k8s.io/kubectl/pkg/polymorphichelpers/updatepodspec.go
// updatePodSpecForObject: where each workload kind keeps its pod spec.
import type { JsonObject } from '../printers/json';

const TEMPLATE_KINDS = new Set(['ReplicationController', 'Deployment', 'DaemonSet', 'ReplicaSet', 'StatefulSet', 'Job']);

/** GO_TYPE_NAMES are Go %T names kubectl prints in "not a pod" errors. */
const GO_TYPE_NAMES: Record<string, string> = {
  Service: '*v1.Service',
  ConfigMap: '*v1.ConfigMap',
  Secret: '*v1.Secret',
  Namespace: '*v1.Namespace',
  HorizontalPodAutoscaler: '*v1.HorizontalPodAutoscaler',
  PodDisruptionBudget: '*v1.PodDisruptionBudget',
  ResourceQuota: '*v1.ResourceQuota',
  PriorityClass: '*v1.PriorityClass',
};

/** podSpecPath returns the key path to the pod spec, or undefined for kinds without one. */
export function podSpecPath(kind: string): string[] | undefined {
  if (kind === 'Pod') return ['spec'];
  if (TEMPLATE_KINDS.has(kind)) return ['spec', 'template', 'spec'];
  if (kind === 'CronJob') return ['spec', 'jobTemplate', 'spec', 'template', 'spec'];
  return undefined;
}

/** notAPodError is the error updatePodSpecForObject returns for other kinds. */
export function notAPodError(kind: string): string {
  return `the object is not a pod or does not have a pod template: ${GO_TYPE_NAMES[kind] ?? `*v1.${kind}`}`;
}

/**
 * withPodSpec deep-copies `obj` and lets `mutate` edit the copy's pod spec in place.
 * Returns undefined when the kind has no pod spec.
 */
export function withPodSpec(obj: JsonObject, mutate: (spec: JsonObject) => void): JsonObject | undefined {
  const path = podSpecPath(String(obj.kind));
  if (!path) return undefined;
  const copy = structuredClone(obj);
  let node: JsonObject = copy;
  for (const key of path) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as JsonObject;
  }
  mutate(node);
  return copy;
}

/** containersOf returns the spec's container list (created empty when missing). */
export function containersOf(spec: JsonObject, key: 'containers' | 'initContainers'): JsonObject[] {
  return Array.isArray(spec[key]) ? (spec[key] as JsonObject[]) : [];
}

/** objectName mirrors resource.Info.ObjectName(): `<plural resource>/<name>`. */
export function objectName(plural: string, obj: JsonObject): string {
  return `${plural}/${String((obj.metadata as JsonObject | undefined)?.name ?? '')}`;
}

/** selectString mirrors set/helper.go selectString: `*` wildcards in container selectors. */
export function selectString(s: string, spec: string): boolean {
  if (spec === '*') return true;
  if (!spec.includes('*')) return s === spec;
  const parts = spec.split('*');
  let pos = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (part.length === 0) continue;
    const next = s.slice(pos).indexOf(part);
    if (next < pos || (i === 0 && pos !== 0) || (i === parts.length - 1 && s.length !== part.length + next)) return false;
    pos = next;
  }
  return true;
}
