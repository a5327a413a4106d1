import { apiVersionOf, storageKey, type ResourceInfo } from '../../api/resources';
import { cacherFor, type ServerContext } from '../context';
import { notFound } from '../errors';
import type { ApiRequest, ApiResult, ObjectList } from '../request';

/** handleGet serves GET of one object from the watch cache (a consistent read in v1.32). */
export function handleGet(ctx: ServerContext, info: ResourceInfo, req: ApiRequest): ApiResult {
  const obj = cacherFor(ctx, info.resource).get(storageKey(info, req.namespace, req.name ?? ''));
  return obj ? { ok: true, object: obj } : { ok: false, status: notFound(info, req.name ?? '') };
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
