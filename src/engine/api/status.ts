// Mirrors kubernetes staging/src/k8s.io/apimachinery/pkg/api/errors/errors.go (StatusError
// constructors) and staging/src/k8s.io/apiserver/pkg/endpoints/handlers/responsewriters/status.go
// (ErrorToAPIStatus), at v1.32. Message texts, reasons and HTTP codes are the apiserver's. The
// field errors an Invalid status carries are in fieldError.ts (re-exported here: one import for
// the apimachinery errors package).

import { goQuote } from '../go/strconv';
import { aggregateMessage, errorBody, type FieldError } from './fieldError';

export * from './fieldError';

/** StatusReason is metav1.StatusReason; '' is StatusReasonUnknown. */
export type StatusReason =
  | ''
  | 'Unauthorized'
  | 'Forbidden'
  | 'NotFound'
  | 'AlreadyExists'
  | 'Conflict'
  | 'Gone'
  | 'Invalid'
  | 'ServerTimeout'
  | 'StoreReadError'
  | 'Timeout'
  | 'TooManyRequests'
  | 'BadRequest'
  | 'MethodNotAllowed'
  | 'NotAcceptable'
  | 'RequestEntityTooLarge'
  | 'UnsupportedMediaType'
  | 'InternalError'
  | 'Expired'
  | 'ServiceUnavailable';

/** StatusCause is metav1.StatusCause; `reason` carries the field.ErrorType for Invalid errors. */
export interface StatusCause {
  reason?: string;
  message?: string;
  field?: string;
}

/** StatusDetails is metav1.StatusDetails; `kind` holds the resource (NotFound) or the Kind (Invalid). */
export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  uid?: string;
  causes?: StatusCause[];
  retryAfterSeconds?: number;
}

/** Status is the metav1.Status body the apiserver writes for every failed request. */
export interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure' | 'Success';
  message: string;
  reason?: StatusReason;
  details?: StatusDetails;
  code: number;
}

/** GroupResource is schema.GroupResource: `deployments` in group `apps`. */
export interface GroupResource {
  group: string;
  resource: string;
}

/**
 * qualifiedResource prints a GroupResource as the apiserver does (schema.GroupResource.String):
 * `pods` for the core group, `deployments.apps`, `horizontalpodautoscalers.autoscaling`.
 */
export function qualifiedResource(gr: GroupResource): string {
  return gr.group === '' ? gr.resource : `${gr.resource}.${gr.group}`;
}

/** qualifiedKind prints a GroupKind (schema.GroupKind.String): `Service`, `Deployment.apps`. */
export function qualifiedKind(kind: string, group: string): string {
  return group === '' ? kind : `${kind}.${group}`;
}

/** KindInfo is where a kind lives: API group, plural resource, namespaced or cluster scoped. */
export interface KindInfo {
  group: string;
  version: string;
  resource: string;
  namespaced: boolean;
}

/** KIND_INFO lists the v1.32 built-in kinds k8sim serves (from the apiserver's discovery). */
export const KIND_INFO: Readonly<Record<string, KindInfo>> = {
  Pod: { group: '', version: 'v1', resource: 'pods', namespaced: true },
  Service: { group: '', version: 'v1', resource: 'services', namespaced: true },
  Endpoints: { group: '', version: 'v1', resource: 'endpoints', namespaced: true },
  Node: { group: '', version: 'v1', resource: 'nodes', namespaced: false },
  Namespace: { group: '', version: 'v1', resource: 'namespaces', namespaced: false },
  ConfigMap: { group: '', version: 'v1', resource: 'configmaps', namespaced: true },
  Secret: { group: '', version: 'v1', resource: 'secrets', namespaced: true },
  ServiceAccount: { group: '', version: 'v1', resource: 'serviceaccounts', namespaced: true },
  Event: { group: '', version: 'v1', resource: 'events', namespaced: true },
  ResourceQuota: { group: '', version: 'v1', resource: 'resourcequotas', namespaced: true },
  LimitRange: { group: '', version: 'v1', resource: 'limitranges', namespaced: true },
  PersistentVolumeClaim: { group: '', version: 'v1', resource: 'persistentvolumeclaims', namespaced: true },
  PersistentVolume: { group: '', version: 'v1', resource: 'persistentvolumes', namespaced: false },
  ReplicationController: { group: '', version: 'v1', resource: 'replicationcontrollers', namespaced: true },
  Deployment: { group: 'apps', version: 'v1', resource: 'deployments', namespaced: true },
  ReplicaSet: { group: 'apps', version: 'v1', resource: 'replicasets', namespaced: true },
  StatefulSet: { group: 'apps', version: 'v1', resource: 'statefulsets', namespaced: true },
  DaemonSet: { group: 'apps', version: 'v1', resource: 'daemonsets', namespaced: true },
  ControllerRevision: { group: 'apps', version: 'v1', resource: 'controllerrevisions', namespaced: true },
  Job: { group: 'batch', version: 'v1', resource: 'jobs', namespaced: true },
  CronJob: { group: 'batch', version: 'v1', resource: 'cronjobs', namespaced: true },
  HorizontalPodAutoscaler: { group: 'autoscaling', version: 'v2', resource: 'horizontalpodautoscalers', namespaced: true },
  PodDisruptionBudget: { group: 'policy', version: 'v1', resource: 'poddisruptionbudgets', namespaced: true },
  PriorityClass: { group: 'scheduling.k8s.io', version: 'v1', resource: 'priorityclasses', namespaced: false },
  Lease: { group: 'coordination.k8s.io', version: 'v1', resource: 'leases', namespaced: true },
  StorageClass: { group: 'storage.k8s.io', version: 'v1', resource: 'storageclasses', namespaced: false },
  EndpointSlice: { group: 'discovery.k8s.io', version: 'v1', resource: 'endpointslices', namespaced: true },
  Ingress: { group: 'networking.k8s.io', version: 'v1', resource: 'ingresses', namespaced: true },
  IngressClass: { group: 'networking.k8s.io', version: 'v1', resource: 'ingressclasses', namespaced: false },
  NetworkPolicy: { group: 'networking.k8s.io', version: 'v1', resource: 'networkpolicies', namespaced: true },
};

/** groupResourceForKind gives the GroupResource errors name a kind by (`Deployment` → deployments.apps). */
export function groupResourceForKind(kind: string): GroupResource {
  const info = KIND_INFO[kind];
  return info ? { group: info.group, resource: info.resource } : { group: '', resource: `${kind.toLowerCase()}s` };
}

/** isStatus tells a thrown/returned value apart from an object. */
export function isStatus(value: unknown): value is Status {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'Status';
}

function failure(code: number, reason: StatusReason, message: string, details?: StatusDetails): Status {
  const status: Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, code };
  if (reason !== '') status.reason = reason;
  if (details) status.details = details;
  return status;
}

function resourceDetails(gr: GroupResource, name: string): StatusDetails {
  const details: StatusDetails = {};
  if (name !== '') details.name = name;
  if (gr.group !== '') details.group = gr.group;
  if (gr.resource !== '') details.kind = gr.resource;
  return details;
}

/** newNotFound: 404 `deployments.apps "web" not found`. */
export function newNotFound(gr: GroupResource, name: string): Status {
  return failure(404, 'NotFound', `${qualifiedResource(gr)} ${goQuote(name)} not found`, resourceDetails(gr, name));
}

/** newAlreadyExists: 409 `deployments.apps "web" already exists`. */
export function newAlreadyExists(gr: GroupResource, name: string): Status {
  return failure(409, 'AlreadyExists', `${qualifiedResource(gr)} ${goQuote(name)} already exists`, resourceDetails(gr, name));
}

/** newGenerateNameConflict: 409 when generateName produced a taken name (retry after 1 s). */
export function newGenerateNameConflict(gr: GroupResource, name: string, retryAfterSeconds = 1): Status {
  const message = `${qualifiedResource(gr)} ${goQuote(name)} already exists, the server was not able to generate a unique name for the object`;
  return failure(409, 'AlreadyExists', message, { ...resourceDetails(gr, name), retryAfterSeconds });
}

/** OPTIMISTIC_LOCK_ERROR_MSG is the registry's text for a stale resourceVersion on update. */
export const OPTIMISTIC_LOCK_ERROR_MSG =
  'the object has been modified; please apply your changes to the latest version and try again';

/** newConflict: 409 `Operation cannot be fulfilled on deployments.apps "web": <err>`. */
export function newConflict(gr: GroupResource, name: string, err = OPTIMISTIC_LOCK_ERROR_MSG): Status {
  const message = `Operation cannot be fulfilled on ${qualifiedResource(gr)} ${goQuote(name)}: ${err}`;
  return failure(409, 'Conflict', message, resourceDetails(gr, name));
}

/** newForbidden: 403 `pods "web" is forbidden: <err>` (three forms as upstream). */
export function newForbidden(gr: GroupResource, name: string, err: string): Status {
  let message: string;
  if (gr.group === '' && gr.resource === '') message = `forbidden: ${err}`;
  else if (name === '') message = `${qualifiedResource(gr)} is forbidden: ${err}`;
  else message = `${qualifiedResource(gr)} ${goQuote(name)} is forbidden: ${err}`;
  return failure(403, 'Forbidden', message, resourceDetails(gr, name));
}

/** newGone: 410 with reason Gone. */
export function newGone(message: string): Status {
  return failure(410, 'Gone', message);
}

/** newResourceExpired: 410 with reason Expired (what watch and list use for compacted versions). */
export function newResourceExpired(message: string): Status {
  return failure(410, 'Expired', message);
}

/**
 * tooOldResourceVersion is the watch cache's 410 when a watch starts before its window:
 * `too old resource version: 5 (120)`, the second number being the oldest kept version minus one.
 */
export function tooOldResourceVersion(requestedRV: number, oldestKeptRV: number): Status {
  return newResourceExpired(`too old resource version: ${requestedRV} (${oldestKeptRV - 1})`);
}

/** newBadRequest: 400 with the reason text as message. */
export function newBadRequest(reason: string): Status {
  return failure(400, 'BadRequest', reason);
}

/** newMethodNotSupported: 405 `<action> is not supported on resources of kind "pods"`. */
export function newMethodNotSupported(gr: GroupResource, action: string): Status {
  const message = `${action} is not supported on resources of kind ${goQuote(qualifiedResource(gr))}`;
  return failure(405, 'MethodNotAllowed', message, resourceDetails(gr, ''));
}

/** newServerTimeout: 500 ServerTimeout, `The create operation against pods could not be completed…`. */
export function newServerTimeout(gr: GroupResource, operation: string, retryAfterSeconds: number): Status {
  const message = `The ${operation} operation against ${qualifiedResource(gr)} could not be completed at this time, please try again.`;
  return failure(500, 'ServerTimeout', message, { ...resourceDetails(gr, operation), retryAfterSeconds });
}

/** newTimeoutError: 504 `Timeout: <message>`. */
export function newTimeoutError(message: string, retryAfterSeconds: number): Status {
  return failure(504, 'Timeout', `Timeout: ${message}`, { retryAfterSeconds });
}

/** newInternalError: 500 `Internal error occurred: <err>` with the error as the single cause. */
export function newInternalError(err: string): Status {
  return failure(500, 'InternalError', `Internal error occurred: ${err}`, { causes: [{ message: err }] });
}

/** newServiceUnavailable: 503 with the reason text as message. */
export function newServiceUnavailable(reason: string): Status {
  return failure(503, 'ServiceUnavailable', reason);
}

/** newTooManyRequests: 429 with Retry-After. */
export function newTooManyRequests(message: string, retryAfterSeconds: number): Status {
  return failure(429, 'TooManyRequests', message, { retryAfterSeconds });
}

/**
 * unknownError is responsewriters.ErrorToAPIStatus for an error that is not a Status: code 500,
 * no reason, the raw text. A timed-out etcd request reaches clients exactly like this, and kubectl
 * prints `Error from server: etcdserver: request timed out`.
 */
export function unknownError(message: string, code = 500): Status {
  return failure(code, '', message);
}

/** ETCD_REQUEST_TIMED_OUT is etcd's rpctypes.ErrTimeout text as the apiserver forwards it. */
export const ETCD_REQUEST_TIMED_OUT = 'etcdserver: request timed out';

/**
 * newInvalid is errors.NewInvalid: 422 `Deployment.apps "Bad_Name" is invalid: <aggregate>`, with
 * one cause per field error.
 *
 * @example
 * newInvalid('Deployment', 'apps', 'web', [fieldInvalid('spec.replicas', -1, 'must be greater than or equal to 0')]).message
 * // 'Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0'
 */
export function newInvalid(kind: string, group: string, name: string, errors: readonly FieldError[]): Status {
  const causes = errors.map((err) => ({ reason: err.type, message: errorBody(err), field: err.field }));
  const head = `${qualifiedKind(kind, group)} ${goQuote(name)} is invalid`;
  const message = errors.length === 0 ? head : `${head}: ${aggregateMessage(errors)}`;
  const details: StatusDetails = {};
  if (name !== '') details.name = name;
  if (group !== '') details.group = group;
  if (kind !== '') details.kind = kind;
  details.causes = causes;
  return failure(422, 'Invalid', message, details);
}

/**
 * kubectlErrorText is what kubectl 1.32 prints on stderr for a Status (cmdutil.CheckErr):
 * Invalid errors as `The Deployment "x" is invalid: …` (one cause inline, several as `* ` lines),
 * others as `Error from server (Reason): <context>: <message>`. `context` is kubectl's wrapper,
 * e.g. `error when creating "d.yaml"`.
 */
export function kubectlErrorText(status: Status, context = ''): string {
  const prefix = context === '' ? '' : `${context}: `;
  if (status.reason === 'Invalid' && status.details) {
    const d = status.details;
    const head = d.kind || d.name ? `The ${d.kind ?? ''} ${goQuote(d.name ?? '')} is invalid` : 'The request is invalid';
    const causes = (d.causes ?? []).map((c) => (c.field ? `${c.field}: ${c.message ?? ''}` : (c.message ?? '')));
    if (causes.length === 0) return `${head}: ${status.message}`;
    if (causes.length === 1) return `${head}: ${causes[0]}`;
    return `${head}: \n${causes.map((c) => `* ${c}`).join('\n')}`;
  }
  if (status.reason === 'Unauthorized') return `error: You must be logged in to the server (${status.message})`;
  if (status.reason) return `Error from server (${status.reason}): ${prefix}${status.message}`;
  return `Error from server: ${prefix}${status.message}`;
}
