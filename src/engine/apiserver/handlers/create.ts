import { deepFreeze, type KubeObject, type Stored } from '../../api/object';
import { apiVersionOf, storageKey, type ResourceInfo } from '../../api/resources';
import type { Task } from '../../sim/task';
import { applyDefaults } from '../admission/defaults';
import { prepareForCreate } from '../admission/prepareForCreate';
import { traceStage, type ServerContext } from '../context';
import { badRequest } from '../errors';
import type { ApiRequest, ApiResult } from '../request';
import type { KubeObject as ValidatedObject } from '../validation';
import { admitLimitRanges, admitPodSecurityOnCreate, admitResourceQuota, allocateOnCreate, mutatingAdmissionOnCreate, releaseOnFailure, validateOnCreate } from './admit';
import { fillObjectMeta } from './objectMeta';

/**
 * handleCreate is POST /api/v1/namespaces/{ns}/{resource}, in the order of the apiserver's create
 * handler and generic registry: decode + defaulting, mutating admission, metadata (uid,
 * creationTimestamp, generated name), Service allocations, the strategy's PrepareForCreate,
 * validation, validating admission, then an etcd create txn. The object the client sent is
 * never changed, and a refused request leaves the store (and the allocators) as they were.
 */
export function* handleCreate(ctx: ServerContext, info: ResourceInfo, req: ApiRequest): Task<ApiResult> {
  const body = req.body ?? {};
  if (info.namespaced && body.metadata?.namespace && req.namespace && body.metadata.namespace !== req.namespace) {
    return { ok: false, status: badRequest('the namespace of the provided object does not match the namespace sent on the request') };
  }
  // Clients nearly always send apiVersion and kind: then the body is defaulted (a deep copy) as is.
  const typed = body.apiVersion != null && body.kind != null ? body : { ...body, apiVersion: body.apiVersion ?? apiVersionOf(info), kind: body.kind ?? info.kind };
  const obj = applyDefaults(typed as ValidatedObject) as KubeObject;
  if (info.namespaced) {
    // obj is applyDefaults' own copy: set the namespace in place.
    const meta = (obj.metadata ??= {});
    meta.namespace = req.namespace ?? meta.namespace;
  }
  const admissionError = mutatingAdmissionOnCreate(ctx, req, obj);
  if (admissionError) return { ok: false, status: admissionError };
  fillObjectMeta(ctx, info, req, obj);
  const allocationError = allocateOnCreate(ctx, info, req, obj);
  if (allocationError) return { ok: false, status: allocationError };
  prepareForCreate(obj as ValidatedObject);
  const schemaError = validateOnCreate(ctx, req, obj);
  // Validating admission, in plugin order: LimitRanger, PodSecurity, then ResourceQuota below.
  const limitError = schemaError ? undefined : admitLimitRanges(ctx, req, obj);
  const podSecurity = schemaError || limitError ? undefined : admitPodSecurityOnCreate(ctx, req, obj);
  const invalid = schemaError ?? limitError ?? podSecurity?.status;
  const warnings = podSecurity?.warnings.length ? { warnings: podSecurity.warnings } : {};
  if (invalid || req.options?.dryRun) {
    const quotaError = invalid ? undefined : yield* admitResourceQuota(ctx, info, req, obj);
    releaseOnFailure(ctx, info, obj);
    const status = invalid ?? quotaError;
    return status ? { ok: false, status } : { ok: true, object: deepFreeze(obj) as Stored<KubeObject>, ...warnings };
  }
  const quotaError = yield* admitResourceQuota(ctx, info, req, obj);
  if (quotaError) {
    releaseOnFailure(ctx, info, obj);
    return { ok: false, status: quotaError };
  }
  const key = storageKey(info, obj.metadata!.namespace, obj.metadata!.name!);
  const result = yield* ctx.store.create(info, key, obj, req.span);
  if (!result.ok) releaseOnFailure(ctx, info, obj);
  else traceStage(ctx, { ...req, name: obj.metadata!.name }, 'write', { rv: result.object.metadata.resourceVersion, code: 201 });
  return result.ok ? { ...result, ...warnings } : result;
}
