import type { Status } from 'kubernetes-types/meta/v1';
import type { KubeObject } from '../../api/object';
import type { ResourceInfo } from '../../api/resources';
import type { Operation } from '../admissionHooks';
import { traceStage, type ServerContext } from '../context';
import type { ApiRequest } from '../request';

/**
 * admitAndValidate runs the stages of the request chain after authentication/authorization, in
 * the apiserver's order (the seeds' "authn → authz → mutating admission → schema validation →
 * validating admission → etcd"), tracing each one; the first refusal wins.
 */
export function admitAndValidate(
  ctx: ServerContext,
  info: ResourceInfo,
  req: ApiRequest,
  operation: Operation,
  obj: KubeObject,
  oldObject: KubeObject | undefined,
): Status | undefined {
  const attributes = {
    resource: info.resource,
    subresource: req.subresource,
    operation,
    namespace: obj.metadata?.namespace ?? req.namespace,
    name: obj.metadata?.name ?? req.name ?? '',
    object: obj,
    oldObject,
    user: req.user,
  };
  ctx.admission.setDefaults(info.resource, obj);
  traceStage(ctx, req, 'admission.mutating');
  const mutateError = ctx.admission.mutate(attributes);
  if (mutateError) return refuse(ctx, req, 'admission.mutating', mutateError);
  traceStage(ctx, req, 'validation');
  const invalid = ctx.admission.validate(attributes);
  if (invalid) return refuse(ctx, req, 'validation', invalid);
  traceStage(ctx, req, 'admission.validating');
  const denied = ctx.admission.validateAdmission(attributes);
  if (denied) return refuse(ctx, req, 'admission.validating', denied);
  return undefined;
}

function refuse(ctx: ServerContext, req: ApiRequest, stage: string, status: Status): Status {
  traceStage(ctx, req, 'refused', { stage, code: status.code, message: status.message });
  return status;
}
