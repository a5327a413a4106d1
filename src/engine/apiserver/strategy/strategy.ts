import { copyWith, deepClone, writableMeta, type KubeObject } from '../../api/object';

/**
 * Per-resource rules of the apiserver's registry strategies (pkg/registry/<group>/<resource>/
 * strategy.go): which resources split status into a subresource, which count metadata.generation,
 * and what PrepareForCreate / PrepareForUpdate reset.
 */
const STATUS_SUBRESOURCE = new Set([
  'pods', 'services', 'nodes', 'namespaces', 'deployments', 'replicasets', 'statefulsets', 'daemonsets',
  'jobs', 'cronjobs', 'horizontalpodautoscalers', 'poddisruptionbudgets', 'resourcequotas',
  'persistentvolumeclaims', 'persistentvolumes',
]);

const GENERATION = new Set([
  'deployments', 'replicasets', 'statefulsets', 'daemonsets', 'jobs', 'cronjobs',
  'horizontalpodautoscalers', 'poddisruptionbudgets',
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
  if (tracksGeneration(resource)) {
    const oldGeneration = old.metadata?.generation ?? 1;
    writableMeta(obj).generation = specChanged(obj, old) ? oldGeneration + 1 : oldGeneration;
  }
  return obj;
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
