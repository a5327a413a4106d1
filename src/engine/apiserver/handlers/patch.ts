import type { KubeObject } from '../../api/object';
import type { ResourceInfo } from '../../api/resources';
import type { Task } from '../../sim/task';
import { badRequest } from '../errors';
import { applyJsonPatch, type JsonPatchOp } from '../patch/jsonPatch';
import { applyMergePatch } from '../patch/mergePatch';
import { applyStrategicMergePatch } from '../patch/strategicMerge';
import type { ApiRequest, ApiResult } from '../request';
import { updateWith } from './update';

/**
 * handlePatch is PATCH: the patch is applied to the freshest stored object on every attempt of
 * the guaranteed update, so a patch never fails with a conflict (unless it carries a
 * resourceVersion itself).
 */
export function* handlePatch(_ctx: Parameters<typeof updateWith>[0], info: ResourceInfo, req: ApiRequest): Task<ApiResult> {
  const patch = req.patch;
  if (!patch) return { ok: false, status: badRequest('the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml') };
  return yield* updateWith(_ctx, info, req, (current) => {
    if (patch.type === 'json') {
      const result = applyJsonPatch(current, patch.data as JsonPatchOp[]);
      return result.ok ? (result.value as KubeObject) : badRequest(result.error);
    }
    if (patch.type === 'merge') return applyMergePatch(current, patch.data) as KubeObject;
    return applyStrategicMergePatch(current, patch.data, info.kind) as KubeObject;
  });
}
