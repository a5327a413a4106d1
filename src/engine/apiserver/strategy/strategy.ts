import { copyWith, deepClone, writableMeta, type KubeObject } from '../../api/object';
import { DAEMONSET_TEMPLATE_GENERATION_ANNOTATION } from '../admission/prepareForCreate';

/**
 * Per-resource rules of the apiserver's registry strategies (pkg/registry/<group>/<resource>/
 * strategy.go): which resources split status into a subresource, which count metadata.generation,
 * and what PrepareForCreate / PrepareForUpdate reset.
 */
const STATUS_SUBRESOURCE = new Set([
  'pods', 'services', 'nodes', 'namespaces', 'deployments', 'replicasets', 'statefulsets', 'daemonsets',
  'jobs', 'cronjobs', 'horizontalpodautoscalers', 'poddisruptionbudgets', 'resourcequotas',
  'persistentvolumeclaims', 'persistentvolumes', 'ingresses',
]);

const GENERATION = new Set([
  'deployments', 'replicasets', 'statefulsets', 'daemonsets', 'jobs', 'cronjobs',
  'horizontalpodautoscalers', 'poddisruptionbudgets', 'ingresses', 'ingressclasses', 'networkpolicies',
]);

export function hasStatusSubresource(resource: string): boolean {
  return STATUS_SUBRESOURCE.has(resource);
}

export function tracksGeneration(resource: string): boolean {
  return GENERATION.has(resource);
}

/**
 * prepareForUpdate applies the main-resource rule (status comes from the stored object) or the
 * status-subresource rule (only status changes), and bumps generation when the spec changed.
 */
export function prepareForUpdate(resource: string, subresource: string | undefined, obj: KubeObject, old: KubeObject): KubeObject {
  if (subresource === 'ephemeralcontainers') {
    // podEphemeralContainersStrategy.PrepareForUpdate: only spec.ephemeralContainers comes from the request.
    const next = deepClone(old);
    (next.spec as { ephemeralContainers?: unknown }).ephemeralContainers = (obj.spec as { ephemeralContainers?: unknown } | undefined)?.ephemeralContainers;
    writableMeta(next).resourceVersion = obj.metadata?.resourceVersion;
    return next;
  }
  if (subresource === 'status') {
    // The status strategies (e.g. deploymentStatusStrategy.PrepareForUpdate) keep the stored
    // spec and labels; annotations may change with status (the deployment controller writes its
    // revision annotation this way), except on pods, whose status writers are kubelets.
    // Only metadata and status change here: the stored spec (frozen) is shared, not copied, which
    // matters when every pod's status is written several times.
    const next: KubeObject = copyWith(old, { metadata: deepClone(old.metadata) });
    next.status = obj.status;
    const meta = writableMeta(next);
    meta.resourceVersion = obj.metadata?.resourceVersion;
    if (resource !== 'pods' && obj.metadata?.annotations !== undefined) meta.annotations = obj.metadata.annotations;
    return next;
  }
  if (hasStatusSubresource(resource) && old.status !== undefined) obj.status = old.status;
  dropEmptyLists(obj);
  if (resource === 'daemonsets') carryTemplateGeneration(obj, old);
  if (tracksGeneration(resource)) {
    const oldGeneration = old.metadata?.generation ?? 1;
    writableMeta(obj).generation = specChanged(obj, old) ? oldGeneration + 1 : oldGeneration;
  }
  return obj;
}

/**
 * carryTemplateGeneration: clients cannot set a DaemonSet's template generation; it is the stored
 * one, plus 1 when the pod template changed (daemonSetStrategy.PrepareForUpdate).
 */
function carryTemplateGeneration(obj: KubeObject, old: KubeObject): void {
  const oldValue = old.metadata?.annotations?.[DAEMONSET_TEMPLATE_GENERATION_ANNOTATION];
  const oldGeneration = oldValue !== undefined && /^\d+$/.test(oldValue) ? Number(oldValue) : 0;
  const template = (o: KubeObject) => (o.spec as { template?: unknown } | undefined)?.template;
  const changed = JSON.stringify(template(obj)) !== JSON.stringify(template(old));
  const meta = writableMeta(obj);
  meta.annotations = { ...(meta.annotations ?? {}), [DAEMONSET_TEMPLATE_GENERATION_ANNOTATION]: String(changed ? oldGeneration + 1 : oldGeneration) };
}

/** dropEmptyLists: an emptied ownerReferences/finalizers list is stored as absent (omitempty). */
function dropEmptyLists(obj: KubeObject): void {
  const meta = writableMeta(obj);
  if (meta.ownerReferences?.length === 0) delete meta.ownerReferences;
  if (meta.finalizers?.length === 0) delete meta.finalizers;
}

function specChanged(obj: KubeObject, old: KubeObject): boolean {
  if (obj.spec === old.spec) return false;
  return JSON.stringify(obj.spec) !== JSON.stringify(old.spec);
}
