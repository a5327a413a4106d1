import type { Pod, PodCondition } from 'kubernetes-types/core/v1';
import type { Status } from 'kubernetes-types/meta/v1';
import { copyWith, type KubeObject, type Stored } from '../../api/object';
import { storageKey, type ResourceInfo } from '../../api/resources';
import { toRFC3339 } from '../../sim/time';
import type { Task } from '../../sim/task';
import { cacherFor, traceStage, type ServerContext } from '../context';
import { badRequest, conflict, methodNotAllowed, notFound } from '../errors';
import type { ApiRequest, ApiResult } from '../request';
import { handleDelete } from './delete';
import { updateWith } from './update';

/**
 * handleBinding is POST pods/{name}/binding, the scheduler's bind: it sets spec.nodeName and the
 * PodScheduled=True condition in one update (pkg/registry/core/pod/storage assignPod), refusing a
 * pod that is already bound or being deleted.
 */
export function* handleBinding(ctx: ServerContext, info: ResourceInfo, req: ApiRequest): Task<ApiResult> {
  const target = (req.body as { target?: { name?: string } } | undefined)?.target?.name;
  if (!target) return { ok: false, status: badRequest('Binding.target.name: Required value') };
  const name = req.name ?? req.body?.metadata?.name ?? '';
  const key = storageKey(info, req.namespace, name);
  const bindingInfo = { ...info, resource: 'pods/binding' };
  const result = yield* ctx.store.guaranteedUpdate(info, key, cacherFor(ctx, 'pods'), name, (current) => {
    const pod = current as Stored<Pod>;
    if (pod.metadata.deletionTimestamp) return conflict(bindingInfo, name, `pod ${name} is being deleted, cannot be assigned to a host`);
    if (pod.spec?.nodeName) return conflict(bindingInfo, name, `pod ${name} is already assigned to node "${pod.spec.nodeName}"`);
    return bindPod(ctx, pod, target);
  }, undefined, req.span);
  if (!result.ok) return result;
  traceStage(ctx, { ...req, name }, 'write', { rv: result.object.metadata.resourceVersion, code: 201, subresource: 'binding', node: target });
  return result;
}

function bindPod(ctx: ServerContext, pod: Stored<Pod>, nodeName: string): KubeObject {
  const now = toRFC3339(ctx.sim.nowMs, ctx.epochMs);
  const scheduled: PodCondition = { type: 'PodScheduled', status: 'True', lastProbeTime: null as unknown as string, lastTransitionTime: now };
  const conditions = (pod.status?.conditions ?? []).filter((c) => c.type !== 'PodScheduled');
  const metadata = { ...pod.metadata };
  delete metadata.resourceVersion;
  // copyWith, not spread: the new spec and status are stored (frozen) for the pod's life.
  return { ...pod, metadata, spec: copyWith(pod.spec!, { nodeName }), status: copyWith(pod.status ?? {}, { conditions: [...conditions, scheduled] }) };
}

/**
 * Scale subresource (deployments/scale, replicasets/scale): an autoscaling/v1 Scale view of
 * spec.replicas and status.replicas/selector, as kubectl scale and the HPA use it.
 */
export function scaleOf(obj: Stored<KubeObject>): KubeObject {
  const spec = obj.spec as { replicas?: number; selector?: { matchLabels?: Record<string, string> } };
  const status = obj.status as { replicas?: number } | undefined;
  const selector = Object.entries(spec.selector?.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`).join(',');
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: {
      name: obj.metadata.name,
      namespace: obj.metadata.namespace,
      uid: obj.metadata.uid,
      resourceVersion: obj.metadata.resourceVersion,
      creationTimestamp: obj.metadata.creationTimestamp,
    },
    spec: { replicas: spec.replicas ?? 0 },
    status: { replicas: status?.replicas ?? 0, selector },
  };
}

export function* handleScale(ctx: ServerContext, info: ResourceInfo, req: ApiRequest): Task<ApiResult> {
  const key = storageKey(info, req.namespace, req.name ?? '');
  if (req.verb === 'get') {
    const obj = cacherFor(ctx, info.resource).get(key);
    return obj ? { ok: true, object: scaleOf(obj) as Stored<KubeObject> } : { ok: false, status: notFound(info, req.name ?? '') };
  }
  const scaleReq = req.verb === 'patch' ? req.patch : undefined;
  const result = yield* updateWith(ctx, info, { ...req, subresource: undefined }, (current) => {
    const replicas = scaleReq ? (scaleReq.data as { spec?: { replicas?: number } }).spec?.replicas : (req.body?.spec as { replicas?: number } | undefined)?.replicas;
    if (replicas === undefined) return badRequest('spec.replicas: Required value');
    const rv = req.body?.metadata?.resourceVersion;
    const metadata = { ...current.metadata, resourceVersion: rv ?? current.metadata.resourceVersion };
    return { ...current, metadata, spec: { ...(current.spec as object), replicas } };
  });
  return result.ok ? { ok: true, object: scaleOf(result.object) as Stored<KubeObject> } : result;
}

/**
 * handleEviction is POST pods/{name}/eviction (kubectl drain): allowed unless a
 * PodDisruptionBudget forbids it (budgets arrive with the disruption controller in #3), then a
 * graceful delete of the pod.
 */
export function* handleEviction(ctx: ServerContext, info: ResourceInfo, req: ApiRequest): Task<ApiResult> {
  if (req.verb !== 'create') return { ok: false, status: methodNotAllowed(info, req.verb) };
  const deleted = yield* handleDelete(ctx, info, { ...req, verb: 'delete', subresource: undefined });
  if (!deleted.ok) return deleted;
  const success: Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 };
  return { ok: true, object: success as unknown as Stored<KubeObject> };
}
