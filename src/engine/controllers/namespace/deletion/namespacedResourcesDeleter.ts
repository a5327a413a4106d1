// Mirrors kubernetes pkg/controller/namespace/deletion/namespaced_resources_deleter.go.

import type { Namespace, Pod } from 'kubernetes-types/core/v1';
import { deepClone, type KubeObject, type Stored } from '../../../api/object';
import { RESOURCES, type ResourceInfo } from '../../../api/resources';
import type { Simulator } from '../../../sim/simulator';
import { toRFC3339 } from '../../../sim/time';
import { wait, type Task } from '../../../sim/task';
import { isPodTerminal } from '../../podutil';
import { refOf, traceDecision } from '../../trace';
import { errorOf, isConflict, isNotFound, type ControllerClient, type SyncError } from '../../types';
import { NamespaceConditionUpdater } from './statusConditionUtils';

export const NAMESPACE_CONTROLLER = 'namespace-controller';
/** FINALIZER_KUBERNETES is v1.FinalizerKubernetes, the namespace controller's spec finalizer. */
export const FINALIZER_KUBERNETES = 'kubernetes';
/** FINALIZER_ESTIMATE_SECONDS: how long a content finalizer is guessed to take. */
export const FINALIZER_ESTIMATE_SECONDS = 15;

/** DeleteResult: done, failed (requeue with back-off), or content remaining for estimateSeconds. */
export interface DeleteResult {
  err?: SyncError;
  estimateSeconds?: number;
}

interface GVRDeletion {
  estimateSeconds: number;
  numRemaining: number;
  finalizers: Map<string, number>;
  err?: string;
}

/**
 * NamespacedResourcesDeleter empties a namespace being deleted: it marks it Terminating, deletes
 * every namespaced object (background propagation), reports what remains in status conditions,
 * waits for graceful pod termination and finalizers, then removes the `kubernetes` finalizer and
 * deletes the namespace for good.
 */
export class NamespacedResourcesDeleter {
  constructor(
    private readonly sim: Simulator,
    private readonly client: ControllerClient,
    private readonly epochMs: number,
  ) {}

  *delete(name: string): Task<DeleteResult> {
    const got = yield* wait(this.client.get<Namespace>('namespaces', undefined, name));
    if (isNotFound(got)) return {};
    if (!got.ok) return { err: errorOf(got) };
    let ns = got.object;
    if (!ns.metadata.deletionTimestamp) return {};
    if (ns.status?.phase !== 'Terminating') {
      traceDecision(this.sim, NAMESPACE_CONTROLLER, 'namespace.terminating', refOf(ns));
      const updated = yield* wait(this.client.updateStatus('namespaces', { ...ns, status: { ...ns.status, phase: 'Terminating' } }));
      if (!updated.ok) return { err: errorOf(updated) };
      ns = updated.object as Stored<Namespace>;
    }
    if ((ns.spec?.finalizers ?? []).length > 0) {
      const content = yield* this.deleteAllContent(ns);
      if (content.err) return { err: content.err };
      if (content.estimateSeconds > 0) return { estimateSeconds: content.estimateSeconds };
      const finalized = yield* this.finalizeNamespace(name);
      if (finalized.err) return { err: finalized.err };
      ns = finalized.ns ?? ns;
    }
    if ((ns.spec?.finalizers ?? []).length > 0) return {};
    traceDecision(this.sim, NAMESPACE_CONTROLLER, 'namespace.delete', refOf(ns));
    const deleted = yield* wait(this.client.delete('namespaces', undefined, name, { preconditions: { uid: ns.metadata.uid } }));
    return { err: deleted.ok || isNotFound(deleted) ? undefined : errorOf(deleted) };
  }

  /** deleteAllContent deletes each namespaced resource type and records what is left. */
  private *deleteAllContent(ns: Stored<Namespace>): Task<{ estimateSeconds: number; err?: SyncError }> {
    const namespace = ns.metadata.name;
    traceDecision(this.sim, NAMESPACE_CONTROLLER, 'namespace.deleteContent', refOf(ns));
    const updater = new NamespaceConditionUpdater(toRFC3339(this.sim.nowMs, this.epochMs));
    const errors: string[] = [];
    const remaining: string[] = [];
    const finalizers = new Map<string, number>();
    let estimateSeconds = 0;
    for (const info of RESOURCES.filter((r) => r.namespaced)) {
      const result = yield* this.deleteAllContentForGroupVersionResource(info, namespace);
      if (result.err) errors.push(result.err);
      estimateSeconds = Math.max(estimateSeconds, result.estimateSeconds);
      if (result.numRemaining > 0) remaining.push(`${info.resource}.${info.group} has ${result.numRemaining} resource instances`);
      for (const [finalizer, count] of result.finalizers) finalizers.set(finalizer, (finalizers.get(finalizer) ?? 0) + count);
    }
    if (errors.length > 0) updater.contentFailed(errors);
    if (remaining.length > 0) updater.resourcesRemain(remaining.sort());
    if (finalizers.size > 0) updater.finalizersRemain([...finalizers].map(([f, n]) => `${f} in ${n} resource instances`).sort());
    const copy = deepClone(ns);
    if (updater.update(copy)) yield* wait(this.client.updateStatus('namespaces', copy));
    return { estimateSeconds, err: errors.length > 0 ? errors.join(', ') : undefined };
  }

  private *deleteAllContentForGroupVersionResource(info: ResourceInfo, namespace: string): Task<GVRDeletion> {
    const listed = yield* wait(this.client.list(info.resource, namespace));
    if (!listed.ok) return { estimateSeconds: 0, numRemaining: 0, finalizers: new Map(), err: errorOf(listed) };
    const estimateSeconds = info.resource === 'pods' ? estimateGracefulTerminationForPods(listed.object.items as Stored<Pod>[]) : 0;
    for (const item of listed.object.items) {
      if (item.metadata.deletionTimestamp) continue;
      const deleted = yield* wait(this.client.delete(info.resource, namespace, item.metadata.name, { propagationPolicy: 'Background' }));
      if (!deleted.ok && !isNotFound(deleted)) return { estimateSeconds, numRemaining: 0, finalizers: new Map(), err: errorOf(deleted) };
    }
    const left = yield* wait(this.client.list(info.resource, namespace));
    if (!left.ok || left.object.items.length === 0) return { estimateSeconds: 0, numRemaining: 0, finalizers: new Map() };
    const finalizers = countFinalizers(left.object.items);
    const numRemaining = left.object.items.length;
    if (estimateSeconds > 0) return { estimateSeconds, numRemaining, finalizers };
    if (finalizers.size > 0) return { estimateSeconds: FINALIZER_ESTIMATE_SECONDS, numRemaining, finalizers };
    return { estimateSeconds, numRemaining, finalizers, err: `unexpected items still remain in namespace: ${namespace} for gvr: ${info.group}/${info.version}, Resource=${info.resource}` };
  }

  /** finalizeNamespace removes the `kubernetes` finalizer (the finalize subresource), retrying conflicts. */
  private *finalizeNamespace(name: string): Task<{ ns?: Stored<Namespace>; err?: SyncError }> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const got = yield* wait(this.client.get<Namespace>('namespaces', undefined, name));
      if (!got.ok) return { err: isNotFound(got) ? undefined : errorOf(got) };
      const finalizers = (got.object.spec?.finalizers ?? []).filter((f) => f !== FINALIZER_KUBERNETES);
      traceDecision(this.sim, NAMESPACE_CONTROLLER, 'namespace.finalize', refOf(got.object));
      const updated = yield* wait(this.client.update('namespaces', { ...got.object, spec: { ...got.object.spec, finalizers } }));
      if (updated.ok) return { ns: updated.object as Stored<Namespace> };
      if (!isConflict(updated)) return { err: errorOf(updated) };
    }
    return { err: `namespace ${name}: too many conflicts removing the ${FINALIZER_KUBERNETES} finalizer` };
  }
}

/** estimateGracefulTerminationForPods: the longest grace period of pods still running. */
function estimateGracefulTerminationForPods(pods: readonly Pod[]): number {
  let estimate = 0;
  for (const pod of pods) {
    if (isPodTerminal(pod)) continue;
    estimate = Math.max(estimate, pod.spec?.terminationGracePeriodSeconds ?? 0);
  }
  return estimate;
}

function countFinalizers(items: readonly KubeObject[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) for (const finalizer of item.metadata?.finalizers ?? []) counts.set(finalizer, (counts.get(finalizer) ?? 0) + 1);
  return counts;
}
