import type { Namespace } from 'kubernetes-types/core/v1';
import { deepClone, deepFreeze, type KubeObject, type Stored } from '../../api/object';
import { storageKey, type ResourceInfo } from '../../api/resources';
import type { Task } from '../../sim/task';
import { cacherFor, traceStage, type ServerContext } from '../context';
import { namespaceNotFound, namespaceTerminating } from '../errors';
import type { ApiRequest, ApiResult } from '../request';
import { prepareForCreate } from '../strategy/strategy';
import { fillObjectMeta } from './objectMeta';
import { admitAndValidate } from './admit';

/**
 * handleCreate is POST /api/v1/namespaces/{ns}/{resource}: metadata filled, strategy's
 * PrepareForCreate, defaulting, admission, validation, then an etcd create txn. The object kubectl
 * sent is never changed; a refused request leaves the store as it was.
 */
export function* handleCreate(ctx: ServerContext, info: ResourceInfo, req: ApiRequest): Task<ApiResult> {
  const namespaceError = checkNamespace(ctx, info, req);
  if (namespaceError) return { ok: false, status: namespaceError };
  const obj = deepClone(req.body ?? {}) as KubeObject;
  const metaError = fillObjectMeta(ctx, info, req, obj);
  if (metaError) return { ok: false, status: metaError };
  prepareForCreate(info.resource, obj);
  const refused = admitAndValidate(ctx, info, req, 'CREATE', obj, undefined);
  if (refused) return { ok: false, status: refused };
  if (req.options?.dryRun) return { ok: true, object: deepFreeze(obj) as Stored<KubeObject> };
  const key = storageKey(info, obj.metadata!.namespace, obj.metadata!.name!);
  const result = yield* ctx.store.create(info, key, obj);
  if (result.ok) traceStage(ctx, { ...req, name: obj.metadata!.name }, 'write', { rv: result.object.metadata.resourceVersion, code: 201 });
  return result;
}

/** checkNamespace is the NamespaceLifecycle admission plugin's create check. */
function checkNamespace(ctx: ServerContext, info: ResourceInfo, req: ApiRequest) {
  if (!info.namespaced || !req.namespace) return undefined;
  const ns = cacherFor(ctx, 'namespaces').get(`/registry/namespaces/${req.namespace}`) as Namespace | undefined;
  if (!ns) return namespaceNotFound(req.namespace);
  if (ns.status?.phase === 'Terminating' && info.resource !== 'events') return namespaceTerminating(req.namespace);
  return undefined;
}
