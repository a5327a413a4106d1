import { apiVersionOf, storageKey, type ResourceInfo } from '../../api/resources';
import { wait, type Task } from '../../sim/task';
import { cacherFor, type ServerContext } from '../context';
import { notFound } from '../errors';
import type { ApiRequest, ApiResult, ObjectList } from '../request';
import { decode } from '../storage/codec';
import { etcdStatus } from '../storage/store';

/**
 * handleGet serves GET of one object. Without a resourceVersion it is a consistent read that the
 * cacher hands to etcd (k8s.io/apiserver pkg/storage/cacher Cacher.Get delegates RV=""), so a
 * GET right after a write sees it; `resourceVersion=0` accepts the watch cache's copy, as the
 * kubelet's first node-status read does.
 */
export function* handleGet(ctx: ServerContext, info: ResourceInfo, req: ApiRequest): Task<ApiResult> {
  const key = storageKey(info, req.namespace, req.name ?? '');
  if (req.options?.resourceVersion !== undefined && req.options.resourceVersion !== '') {
    const obj = cacherFor(ctx, info.resource).get(key);
    return obj ? { ok: true, object: obj } : { ok: false, status: notFound(info, req.name ?? '') };
  }
  const sentMs = ctx.sim.nowMs;
  const result = yield* wait(ctx.etcd.range(key));
  ctx.metrics.etcdRequest('get', info, (ctx.sim.nowMs - sentMs) / 1000);
  if (!result.ok) return { ok: false, status: etcdStatus(result.error) };
  const kv = result.value.kvs[0];
  return kv ? { ok: true, object: decode(kv) } : { ok: false, status: notFound(info, req.name ?? '') };
}

/** handleList serves a LIST (namespace, label and field selectors) from the watch cache. */
export function handleList(ctx: ServerContext, info: ResourceInfo, req: ApiRequest): ApiResult<ObjectList> {
  const listed = cacherFor(ctx, info.resource).list({
    namespace: info.namespaced ? req.namespace : undefined,
    labelSelector: req.options?.labelSelector,
    fieldSelector: req.options?.fieldSelector,
  });
  if (!listed.ok) return listed;
  return {
    ok: true,
    object: { apiVersion: apiVersionOf(info), kind: `${info.kind}List`, metadata: { resourceVersion: String(listed.resourceVersion) }, items: listed.items },
  };
}
