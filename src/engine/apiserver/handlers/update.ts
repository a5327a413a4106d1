import type { Status } from 'kubernetes-types/meta/v1';
import { copyWith, deepClone, shareUnchanged, writableMeta, type KubeObject, type Stored } from '../../api/object';
import { storageKey, type ResourceInfo } from '../../api/resources';
import type { Task } from '../../sim/task';
import { cacherFor, traceStage, type ServerContext } from '../context';
import { badRequest, conflict, notFound, OBJECT_MODIFIED } from '../errors';
import type { ApiRequest, ApiResult } from '../request';
import { unstamped } from '../storage/codec';
import { isStatus } from '../storage/store';
import { prepareForUpdate } from '../strategy/strategy';
import { applyDefaults } from '../admission/defaults';
import type { KubeObject as ValidatedObject } from '../validation';
import { admitAndValidateUpdate } from './admit';
import { namespaceUpdateWarnings } from '../admission/podsecurity/admit';

/** BodyFor turns the stored object into the object the client wants stored (update: the body; patch: current+patch). */
export type BodyFor = (current: Stored<KubeObject>) => KubeObject | Status;

/**
 * handleUpdate is PUT: an optimistic-concurrency update when the body carries a
 * resourceVersion (409 Conflict if it is stale), an unconditional one otherwise.
 */
export function* handleUpdate(ctx: ServerContext, info: ResourceInfo, req: ApiRequest): Task<ApiResult> {
  const body = req.body ?? {};
  const name = req.name ?? body.metadata?.name ?? '';
  if (body.metadata?.name && body.metadata.name !== name) {
    return { ok: false, status: badRequest(`the name of the object (${body.metadata.name}) does not match the name on the URL (${name})`) };
  }
  return yield* updateWith(ctx, info, { ...req, name }, () => body);
}

/** updateWith is the shared GuaranteedUpdate path of update, patch and the scale subresource. */
export function* updateWith(ctx: ServerContext, info: ResourceInfo, req: ApiRequest, bodyFor: BodyFor): Task<ApiResult> {
  const name = req.name!;
  const key = storageKey(info, req.namespace, name);
  let before: Stored<KubeObject> | undefined;
  const tryUpdate = (current: Stored<KubeObject>): KubeObject | Status => {
    before = current;
    const body = bodyFor(current);
    if (isStatus(body)) return body;
    const requestedRV = body.metadata?.resourceVersion;
    if (requestedRV && requestedRV !== current.metadata.resourceVersion) return conflict(info, name, OBJECT_MODIFIED);
    // Decoding defaults the body; a status update takes only metadata and status from it, so it
    // skips that and copies only those two.
    const working = req.subresource === 'status' ? copyWith(body, { metadata: deepClone(body.metadata), status: deepClone(body.status) }) : (applyDefaults(body as ValidatedObject) as KubeObject);
    keepServerOwnedMeta(working, current);
    const next = prepareForUpdate(info.resource, req.subresource, working, current);
    const refused = admitAndValidateUpdate(ctx, info, req, next, current);
    if (refused) return refused;
    delete writableMeta(next).resourceVersion;
    // A per-update copy: the new version shares every unchanged subtree with it, and identity shows "no change".
    const stored = unstamped(current);
    const shared = shareUnchanged(next, stored);
    return shared === stored ? current : shared;
  };
  if (req.options?.dryRun) {
    const current = cacherFor(ctx, info.resource).get(key);
    if (!current) return { ok: false, status: notFound(info, name) };
    const next = tryUpdate(current);
    if (isStatus(next)) return { ok: false, status: next };
    // Nothing is written, so the answer keeps the stored version (DryRunnableStorage.GuaranteedUpdate).
    const answer = next === current ? current : { ...next, metadata: { ...next.metadata, resourceVersion: current.metadata.resourceVersion } };
    return { ok: true, object: answer as Stored<KubeObject> };
  }
  const result = yield* ctx.store.guaranteedUpdate(info, key, cacherFor(ctx, info.resource), name, tryUpdate, (next) => finalized(info, next), req.span);
  if (result.ok) traceStage(ctx, req, 'write', { rv: result.object.metadata.resourceVersion, code: 200, subresource: req.subresource });
  if (result.ok && info.resource === 'namespaces' && before) {
    // PodSecurity validates namespace updates: a new enforce level is checked against the pods there.
    const pods = cacherFor(ctx, 'pods').list({ namespace: name });
    const warnings = namespaceUpdateWarnings(name, before.metadata.labels, result.object.metadata.labels, pods.ok ? (pods.items as never) : []);
    if (warnings.length > 0) return { ...result, warnings } satisfies ApiResult;
  }
  return result;
}

/**
 * finalized: a deleting object whose last finalizer is gone leaves the store (pods only once the
 * kubelet has confirmed with a zero grace period).
 */
function finalized(info: ResourceInfo, next: KubeObject): boolean {
  const meta = next.metadata!;
  if (!meta.deletionTimestamp || (meta.finalizers?.length ?? 0) > 0) return false;
  if (info.resource === 'namespaces') return ((next.spec as { finalizers?: string[] } | undefined)?.finalizers?.length ?? 0) === 0;
  return info.resource !== 'pods' || meta.deletionGracePeriodSeconds === 0;
}

/** keepServerOwnedMeta restores fields a client cannot change on update (ObjectMetaUpdateValidation). */
function keepServerOwnedMeta(working: KubeObject, current: Stored<KubeObject>): void {
  const meta = writableMeta(working);
  const old = current.metadata;
  meta.name = old.name;
  if (old.namespace) meta.namespace = old.namespace;
  meta.uid = old.uid;
  meta.creationTimestamp = old.creationTimestamp;
  if (old.deletionTimestamp) {
    meta.deletionTimestamp = old.deletionTimestamp;
    meta.deletionGracePeriodSeconds = old.deletionGracePeriodSeconds;
  } else {
    delete meta.deletionTimestamp;
    delete meta.deletionGracePeriodSeconds;
  }
  if (old.generation !== undefined) meta.generation = old.generation;
  working.apiVersion = current.apiVersion;
  working.kind = current.kind;
}
