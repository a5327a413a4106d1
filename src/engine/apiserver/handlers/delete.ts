import type { Pod } from 'kubernetes-types/core/v1';
import type { Status } from 'kubernetes-types/meta/v1';
import { newForbidden } from '../../api/status';
import { IMMORTAL_NAMESPACES } from '../admission/plugins/namespaceLifecycle';
import type { KubeObject, Stored } from '../../api/object';
import { storageKey, type ResourceInfo } from '../../api/resources';
import { toRFC3339 } from '../../sim/time';
import type { Task } from '../../sim/task';
import { cacherFor, traceStage, type ServerContext } from '../context';
import { conflict, notFound } from '../errors';
import type { ApiRequest, ApiResult } from '../request';
import { releaseOnFailure } from './admit';

/**
 * handleDelete mirrors the generic registry's Delete: preconditions, then either graceful
 * deletion (a pod on a node gets deletionTimestamp = now + grace and waits for its kubelet),
 * finalizer-held deletion (deletionTimestamp set, the finalizers' owners finish it; Foreground
 * and Orphan propagation add their finalizers), or removal from etcd.
 */
export function* handleDelete(ctx: ServerContext, info: ResourceInfo, req: ApiRequest): Task<ApiResult> {
  const name = req.name ?? '';
  const key = storageKey(info, req.namespace, name);
  const cacher = cacherFor(ctx, info.resource);
  const current = cacher.get(key);
  if (!current) return { ok: false, status: notFound(info, name) };
  const failedPrecondition = checkPreconditions(info, req, current);
  if (failedPrecondition) return { ok: false, status: failedPrecondition };
  if (info.resource === 'namespaces' && IMMORTAL_NAMESPACES.includes(name)) {
    return { ok: false, status: newForbidden({ group: '', resource: 'namespaces' }, name, 'this namespace may not be deleted') as Status };
  }
  const graceSeconds = gracePeriod(info, req, current);
  const finalizers = finalizersFor(req, current);
  if (info.resource === 'namespaces' && namespaceFinalizers(current).length > 0) {
    // Namespace deletion is two-phase: Terminating until the namespace controller has emptied
    // it and removed the `kubernetes` finalizer from spec.finalizers.
    const result = yield* ctx.store.guaranteedUpdate(info, key, cacher, name, (latest) => {
      const marked = markDeleting(ctx, latest, 0, finalizers);
      return { ...marked, status: { ...(latest.status as object), phase: 'Terminating' } };
    }, undefined, req.span);
    if (result.ok) traceStage(ctx, req, 'write', { rv: result.object.metadata.resourceVersion, code: 200 });
    return result;
  }
  if (graceSeconds === 0 && finalizers.length === 0) {
    if (req.options?.dryRun) return { ok: true, object: current };
    const removed = yield* ctx.store.delete(info, key, current, (latest) => checkPreconditions(info, req, latest));
    if (removed.ok) {
      releaseOnFailure(ctx, info, current);
      traceStage(ctx, req, 'write', { rv: current.metadata.resourceVersion, code: 200 });
    }
    return removed;
  }
  if (current.metadata.deletionTimestamp && graceSeconds >= (current.metadata.deletionGracePeriodSeconds ?? 0) && sameFinalizers(finalizers, current)) {
    return { ok: true, object: current };
  }
  const result = yield* ctx.store.guaranteedUpdate(info, key, cacher, name, (latest) => markDeleting(ctx, latest, graceSeconds, finalizers), undefined, req.span);
  if (result.ok) traceStage(ctx, req, 'write', { rv: result.object.metadata.resourceVersion, code: 200, graceful: graceSeconds });
  return result;
}

/** checkPreconditions is DeleteOptions.Preconditions against the object as stored now. */
function checkPreconditions(info: ResourceInfo, req: ApiRequest, current: Stored<KubeObject>): Status | undefined {
  const name = req.name ?? '';
  const pre = req.options?.preconditions;
  if (pre?.uid && pre.uid !== current.metadata.uid) {
    return conflict(info, name, `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${current.metadata.uid}`);
  }
  if (pre?.resourceVersion && pre.resourceVersion !== current.metadata.resourceVersion) {
    return conflict(info, name, `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${current.metadata.resourceVersion}`);
  }
  return undefined;
}

/** gracePeriod: pods bound to a node default to spec.terminationGracePeriodSeconds; everything else 0. */
function gracePeriod(info: ResourceInfo, req: ApiRequest, current: Stored<KubeObject>): number {
  if (info.resource !== 'pods') return 0;
  const pod = current as Pod;
  if (!pod.spec?.nodeName) return 0;
  if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return 0;
  const requested = req.options?.gracePeriodSeconds;
  const grace = requested ?? pod.spec.terminationGracePeriodSeconds ?? 30;
  return Math.max(0, grace);
}

function namespaceFinalizers(current: Stored<KubeObject>): string[] {
  return (current.spec as { finalizers?: string[] } | undefined)?.finalizers ?? [];
}

function finalizersFor(req: ApiRequest, current: Stored<KubeObject>): string[] {
  const finalizers = [...(current.metadata.finalizers ?? [])];
  const policy = req.options?.propagationPolicy;
  if (policy === 'Foreground' && !finalizers.includes('foregroundDeletion')) finalizers.push('foregroundDeletion');
  if (policy === 'Orphan' && !finalizers.includes('orphan')) finalizers.push('orphan');
  return finalizers;
}

function sameFinalizers(finalizers: string[], current: Stored<KubeObject>): boolean {
  return finalizers.length === (current.metadata.finalizers?.length ?? 0);
}

function markDeleting(ctx: ServerContext, latest: Stored<KubeObject>, graceSeconds: number, finalizers: string[]): KubeObject {
  const metadata = { ...latest.metadata };
  delete metadata.resourceVersion;
  const existingGrace = metadata.deletionGracePeriodSeconds;
  if (!metadata.deletionTimestamp || (existingGrace !== undefined && graceSeconds < existingGrace)) {
    metadata.deletionTimestamp = toRFC3339(ctx.sim.nowMs + graceSeconds * 1000, ctx.epochMs);
    metadata.deletionGracePeriodSeconds = graceSeconds;
  }
  if (finalizers.length > 0) metadata.finalizers = finalizers;
  return { ...latest, metadata };
}
