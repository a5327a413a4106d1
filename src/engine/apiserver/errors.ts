import type { Status } from 'kubernetes-types/meta/v1';
import {
  newAlreadyExists,
  newBadRequest,
  newConflict,
  newMethodNotSupported,
  newNotFound,
  OPTIMISTIC_LOCK_ERROR_MSG,
  type GroupResource,
} from '../api/status';
import type { ResourceInfo } from '../api/resources';

/**
 * The request path's errors, as ResourceInfo-friendly wrappers over the apimachinery
 * constructors in api/status.ts (one source for every message text).
 */
function gr(info: ResourceInfo): GroupResource {
  return { group: info.group, resource: info.resource };
}

export const OBJECT_MODIFIED = OPTIMISTIC_LOCK_ERROR_MSG;

export function notFound(info: ResourceInfo, name: string): Status {
  return newNotFound(gr(info), name);
}

export function alreadyExists(info: ResourceInfo, name: string): Status {
  return newAlreadyExists(gr(info), name);
}

/** conflict is a 409 whose message ends with `why` (the optimistic-lock text by default). */
export function conflict(info: ResourceInfo, name: string, why: string = OBJECT_MODIFIED): Status {
  return newConflict(gr(info), name, why);
}

export function badRequest(message: string): Status {
  return newBadRequest(message);
}

export function methodNotAllowed(info: ResourceInfo, action: string): Status {
  return newMethodNotSupported(gr(info), action);
}

/**
 * forbiddenPath is the authorizer's 403 for a non-resource path (`/metrics`, `/logs`): the
 * message names the user and the path, the details are empty.
 */
export function forbiddenPath(username: string, path: string): Status {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `forbidden: User "${username}" cannot get path "${path}"`, reason: 'Forbidden', details: {}, code: 403 };
}
