import type { LimitRange, Pod, ResourceQuota, Service, ServiceAccount } from 'kubernetes-types/core/v1';
import type { Status } from 'kubernetes-types/meta/v1';
import type { PriorityClass } from 'kubernetes-types/scheduling/v1';
import type { KubeObject } from '../../api/object';
import { resourceInfo, storageKey, type ResourceInfo } from '../../api/resources';
import { newForbidden } from '../../api/status';
import type { Task } from '../../sim/task';
import { usageOf } from '../../quota/evaluator';
import { validateLimitRanger } from '../admission/plugins/limitRanger';
import { admitPodSecurity } from '../admission/podsecurity/admit';
import { checkRequest } from '../admission/plugins/resourceQuota';
import { admitCreate, admitUpdate, type AdmissionContext } from '../admission';
import type { NamespacePhase } from '../admission/plugins/namespaceLifecycle';
import { cacherFor, traceStage, type ServerContext } from '../context';
import type { ApiRequest } from '../request';
import { allocateServiceCreate, allocateServiceUpdate, releaseServiceAllocations } from '../registry/serviceAlloc';
import { invalidErrorFor, validateObjectCreate, validateObjectUpdate, type KubeObject as ValidatedObject } from '../validation';
import { validateEphemeralContainersUpdate } from '../validation/ephemeralContainers';
import { validatePodStatusUpdate } from '../validation/podStatus';

/**
 * The stages of the request chain between decoding and storage, in the apiserver's order (the
 * seeds' "authn → authz → mutating admission → schema validation → validating admission → etcd"),
 * each a trace event; the first refusal wins and nothing is stored.
 */
export function mutatingAdmissionOnCreate(ctx: ServerContext, req: ApiRequest, obj: KubeObject): Status | undefined {
  traceStage(ctx, req, 'admission.mutating');
  return refused(ctx, req, 'admission.mutating', admitCreate(obj as ValidatedObject, admissionContext(ctx)) as Status | undefined);
}

/** allocateOnCreate assigns a Service's ClusterIP and node ports (before validation, as upstream). */
export function allocateOnCreate(ctx: ServerContext, info: ResourceInfo, req: ApiRequest, obj: KubeObject): Status | undefined {
  if (info.resource !== 'services') return undefined;
  return refused(ctx, req, 'validation', allocateServiceCreate(obj as Service, ctx.allocators, ctx.rng) as Status | undefined);
}

/** releaseOnFailure (and on delete) gives a Service's ClusterIP and node ports back. */
export function releaseOnFailure(ctx: ServerContext, info: ResourceInfo, obj: KubeObject): void {
  if (info.resource === 'services') releaseServiceAllocations(obj as Service, ctx.allocators);
}

export function validateOnCreate(ctx: ServerContext, req: ApiRequest, obj: KubeObject): Status | undefined {
  traceStage(ctx, req, 'validation');
  const errors = validateObjectCreate(obj as ValidatedObject);
  if (errors.length > 0) return refused(ctx, req, 'validation', invalidErrorFor(obj as ValidatedObject, errors) as Status);
  traceStage(ctx, req, 'admission.validating');
  return undefined;
}

/** admitAndValidateUpdate runs the update half: mutating plugins, Service allocations, validation. */
export function admitAndValidateUpdate(ctx: ServerContext, info: ResourceInfo, req: ApiRequest, next: KubeObject, old: KubeObject): Status | undefined {
  traceStage(ctx, req, 'admission.mutating');
  const mutateError = admitUpdate(next as ValidatedObject) as Status | undefined;
  if (mutateError) return refused(ctx, req, 'admission.mutating', mutateError);
  if (info.resource === 'services' && req.subresource === undefined) {
    const allocationError = allocateServiceUpdate(next as Service, old as Service, ctx.allocators, ctx.rng) as Status | undefined;
    if (allocationError) return refused(ctx, req, 'validation', allocationError);
  }
  traceStage(ctx, req, 'validation');
  const errors =
    req.subresource === 'ephemeralcontainers' ? validateEphemeralContainersUpdate(next as Pod, old as Pod)
    : req.subresource === 'status' && info.resource === 'pods' ? validatePodStatusUpdate(next as Pod, old as Pod)
    : validateObjectUpdate(next as ValidatedObject, old as ValidatedObject);
  if (errors.length > 0) return refused(ctx, req, 'validation', invalidErrorFor(next as ValidatedObject, errors) as Status);
  traceStage(ctx, req, 'admission.validating');
  return undefined;
}

/**
 * admitResourceQuota is the ResourceQuota plugin of validating admission: the object's usage is
 * checked against every quota of its namespace and charged to their status.used (an optimistic
 * update, re-checked against the freshest quota) before the object is stored. Nothing to do — and
 * nothing to pay — in a namespace without quotas.
 */
export function* admitResourceQuota(ctx: ServerContext, info: ResourceInfo, req: ApiRequest, obj: KubeObject): Task<Status | undefined> {
  const namespace = obj.metadata?.namespace;
  if (!info.namespaced || !namespace) return undefined;
  const cacher = cacherFor(ctx, 'resourcequotas');
  if (cacher.size === 0) return undefined;
  const listed = cacher.list({ namespace });
  const quotas = listed.ok ? (listed.items as ResourceQuota[]) : [];
  if (quotas.length === 0) return undefined;
  const usage = usageOf(obj, ctx.sim.nowMs, ctx.epochMs);
  if (!usage) return undefined;
  const forbidden = (reason: string) => refused(ctx, req, 'admission.validating', newForbidden({ group: info.group, resource: info.resource }, obj.metadata?.name ?? '', reason) as Status);
  const checked = checkRequest(quotas, obj, usage);
  traceStage(ctx, req, 'admission.validating', { plugin: 'ResourceQuota', quotas: quotas.length, allowed: checked.ok });
  if (!checked.ok) return forbidden(checked.reason);
  if (req.options?.dryRun) return undefined;
  const quotaInfo = resourceInfo('resourcequotas');
  for (const name of checked.used.keys()) {
    const key = storageKey(quotaInfo, namespace, name);
    const result = yield* ctx.store.guaranteedUpdate(quotaInfo, key, cacher, name, (current) => {
      const again = checkRequest([current as ResourceQuota], obj, usage);
      if (!again.ok) return forbidden(again.reason)!;
      const used = again.used.get(name);
      if (!used) return current;
      const quota = current as ResourceQuota;
      return { ...quota, status: { ...quota.status, used } } as KubeObject;
    });
    if (!result.ok) return result.status;
  }
  return undefined;
}

function limitRangesIn(ctx: ServerContext, namespace: string): LimitRange[] {
  const cacher = cacherFor(ctx, 'limitranges');
  if (cacher.size === 0) return [];
  const listed = cacher.list({ namespace });
  return listed.ok ? (listed.items as LimitRange[]) : [];
}

/**
 * admitLimitRanges is LimitRanger's validating half: a pod must stay within every LimitRange's
 * Container and Pod min/max/ratio (403, several breaches as one `[a, b]` aggregate).
 */
export function admitLimitRanges(ctx: ServerContext, req: ApiRequest, obj: KubeObject): Status | undefined {
  if (obj.kind !== 'Pod' || req.subresource) return undefined;
  const limitRanges = limitRangesIn(ctx, obj.metadata?.namespace ?? '');
  if (limitRanges.length === 0) return undefined;
  const errs = validateLimitRanger(obj as Pod, limitRanges);
  traceStage(ctx, req, 'admission.validating', { plugin: 'LimitRanger', allowed: errs.length === 0 });
  if (errs.length === 0) return undefined;
  const message = errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`;
  return refused(ctx, req, 'admission.validating', newForbidden({ group: '', resource: 'pods' }, obj.metadata?.name ?? '', message) as Status);
}

/**
 * admitPodSecurityOnCreate is the PodSecurity plugin: it refuses a pod that breaks its namespace's
 * enforce level, and returns the warnings (workload templates, the warn level) the response
 * carries. The audit level only leaves a trace event.
 */
export function admitPodSecurityOnCreate(ctx: ServerContext, req: ApiRequest, obj: KubeObject): { status?: Status; warnings: string[] } {
  const namespace = obj.metadata?.namespace;
  if (!namespace) return { warnings: [] };
  const ns = cacherFor(ctx, 'namespaces').get(`/registry/namespaces/${namespace}`);
  const labels = ns?.metadata.labels;
  if (!labels || !Object.keys(labels).some((k) => k.startsWith('pod-security.kubernetes.io/'))) return { warnings: [] };
  const decision = admitPodSecurity(obj, labels);
  traceStage(ctx, req, 'admission.validating', { plugin: 'PodSecurity', allowed: decision.allowed, ...(decision.allowed && decision.audit ? { audit: decision.audit } : {}) });
  if (!decision.allowed) return { status: refused(ctx, req, 'admission.validating', newForbidden({ group: '', resource: 'pods' }, obj.metadata?.name ?? '', decision.reason) as Status), warnings: [] };
  return { warnings: decision.warnings };
}

/** admissionContext is what the plugins would read from the apiserver's informers. */
function admissionContext(ctx: ServerContext): AdmissionContext {
  return {
    namespacePhase: (namespace) => {
      const ns = cacherFor(ctx, 'namespaces').get(`/registry/namespaces/${namespace}`) as { status?: { phase?: string } } | undefined;
      return ns ? ((ns.status?.phase ?? 'Active') as NamespacePhase) : undefined;
    },
    serviceAccount: (namespace, name) => cacherFor(ctx, 'serviceaccounts').get(`/registry/serviceaccounts/${namespace}/${name}`) as ServiceAccount | undefined,
    get priorityClasses() {
      const listed = cacherFor(ctx, 'priorityclasses').list({});
      return listed.ok ? (listed.items as PriorityClass[]) : [];
    },
    random5: () => ctx.rng.string(5, 'bcdfghjklmnpqrstvwxz2456789'),
    limitRanges: (namespace) => limitRangesIn(ctx, namespace),
  };
}

function refused(ctx: ServerContext, req: ApiRequest, stage: string, status: Status | undefined): Status | undefined {
  if (status) traceStage(ctx, req, 'refused', { stage, code: status.code, message: status.message });
  return status;
}
