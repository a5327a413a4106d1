import type { Status, StatusCause } from 'kubernetes-types/meta/v1';
import { groupResource, type ResourceInfo } from '../api/resources';

/**
 * Status errors with the apiserver's texts (k8s.io/apimachinery pkg/api/errors). The admission
 * work (src/engine/api/status.ts) carries the full set; these are the ones the request path needs.
 */
function status(code: number, reason: string, message: string, details?: Status['details']): Status {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, details, code };
}

export function notFound(info: ResourceInfo, name: string): Status {
  return status(404, 'NotFound', `${groupResource(info)} "${name}" not found`, { name, group: info.group || undefined, kind: info.resource });
}

export function alreadyExists(info: ResourceInfo, name: string): Status {
  return status(409, 'AlreadyExists', `${groupResource(info)} "${name}" already exists`, { name, group: info.group || undefined, kind: info.resource });
}

export function conflict(info: ResourceInfo, name: string, why: string): Status {
  return status(409, 'Conflict', `Operation cannot be fulfilled on ${groupResource(info)} "${name}": ${why}`, { name, group: info.group || undefined, kind: info.resource });
}

export const OBJECT_MODIFIED = 'the object has been modified; please apply your changes to the latest version and try again';

export function badRequest(message: string): Status {
  return status(400, 'BadRequest', message);
}

export function forbidden(message: string): Status {
  return status(403, 'Forbidden', message);
}

export function methodNotAllowed(message: string): Status {
  return status(405, 'MethodNotAllowed', message);
}

export function internalError(message: string): Status {
  return status(500, 'InternalError', `Internal error occurred: ${message}`, { causes: [{ message } as StatusCause] });
}

/** timeout is what a write answers when etcd did not commit in time (`etcdserver: request timed out`). */
export function serverTimeout(message: string): Status {
  return status(500, 'InternalError', message);
}

export function namespaceNotFound(namespace: string): Status {
  return status(404, 'NotFound', `namespaces "${namespace}" not found`, { name: namespace, kind: 'namespaces' });
}

export function namespaceTerminating(namespace: string): Status {
  return status(403, 'Forbidden', `unable to create new content in namespace ${namespace} because it is being terminated`, {
    name: namespace,
    kind: 'namespaces',
    causes: [{ reason: 'NamespaceTerminating', message: `namespace ${namespace} is being terminated`, field: 'metadata.namespace' }],
  });
}
