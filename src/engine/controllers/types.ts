import type { Status } from 'kubernetes-types/meta/v1';
import type { ApiResult } from '../apiserver/request';
import type { ApiClient } from '../client/client';

/**
 * ControllerClient is the part of the clientset a controller uses. Controllers take this narrow
 * type (not ApiClient) so fixture tests can hand in a recording fake, as the upstream tests hand
 * a `fake.Clientset` to `NewDeploymentController`.
 */
export type ControllerClient = Pick<ApiClient, 'get' | 'list' | 'create' | 'update' | 'updateStatus' | 'patch' | 'delete'>;

/**
 * SyncError is a controller sync's Go `error`: undefined on success, the error text otherwise.
 * The workqueue helpers requeue a key with back-off when its sync returns one.
 */
export type SyncError = string | undefined;

/** errorOf turns a failed ApiResult into the error text client-go would return (Status.message). */
export function errorOf(result: ApiResult<unknown>): SyncError {
  return result.ok ? undefined : (result.status.message ?? `status ${result.status.code}`);
}

/** isNotFound mirrors apierrors.IsNotFound. */
export function isNotFound(result: ApiResult<unknown>): boolean {
  return !result.ok && reasonOf(result.status) === 'NotFound';
}

/** isAlreadyExists mirrors apierrors.IsAlreadyExists. */
export function isAlreadyExists(result: ApiResult<unknown>): boolean {
  return !result.ok && reasonOf(result.status) === 'AlreadyExists';
}

/** isConflict mirrors apierrors.IsConflict (409 with reason Conflict). */
export function isConflict(result: ApiResult<unknown>): boolean {
  return !result.ok && reasonOf(result.status) === 'Conflict';
}

/** hasStatusCause mirrors apierrors.HasStatusCause (e.g. NamespaceTerminating). */
export function hasStatusCause(result: ApiResult<unknown>, cause: string): boolean {
  return !result.ok && (result.status.details?.causes ?? []).some((c) => c.reason === cause);
}

/** NAMESPACE_TERMINATING_CAUSE is v1.NamespaceTerminatingCause. */
export const NAMESPACE_TERMINATING_CAUSE = 'NamespaceTerminating';

function reasonOf(status: Status): string | undefined {
  if (status.reason) return status.reason;
  if (status.code === 404) return 'NotFound';
  return undefined;
}
