// Mirrors staging/src/k8s.io/apiserver/pkg/registry/rest/{create,update}.go BeforeCreate /
// BeforeUpdate (v1.32): the kind's strategy Validate runs first; only when it passes does the
// generic ObjectMeta check (path-segment names, namespace scoping) run, so kind-specific messages win.
import { resourceForKind } from '../../api/resources';
import { KIND_INFO, newInvalid, type FieldError, type Status } from '../../api/status';
import { validateDeployment, validateDeploymentUpdate, validateReplicaSet, validateReplicaSetUpdate } from './apps';
import { validateHPA, validateHPAUpdate } from './autoscaling';
import { validateCronJobCreate, validateCronJobUpdate, validateJob, validateJobUpdate } from './batch';
import {
  validateConfigMap,
  validateConfigMapUpdate,
  validateNamespace,
  validateNode,
  validatePodDisruptionBudget,
  validatePriorityClass,
  validatePriorityClassUpdate,
  validateResourceQuota,
  validateResourceQuotaUpdate,
  validateSecret,
  validateSecretUpdate,
} from './misc';
import { nameIsDNSSubdomain, validatePathSegmentName } from './names';
import { validateObjectMeta, validateObjectMetaGeneric, validateObjectMetaUpdate, type Meta } from './objectMeta';
import { validatePodCreate, validatePodUpdate } from './podSpec';
import { validateService, validateServiceUpdate } from './service';

/** KubeObject is any object with kind and metadata (the JSON the store keeps). */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata?: Meta;
  [field: string]: unknown;
}

type CreateFn = (obj: never) => FieldError[];
type UpdateFn = (obj: never, old: never) => FieldError[];

const CREATE: Record<string, CreateFn> = {
  Pod: validatePodCreate,
  Deployment: validateDeployment,
  ReplicaSet: validateReplicaSet,
  Service: validateService,
  ConfigMap: validateConfigMap,
  Secret: validateSecret,
  Namespace: validateNamespace,
  Job: validateJob,
  CronJob: validateCronJobCreate,
  HorizontalPodAutoscaler: validateHPA,
  PodDisruptionBudget: validatePodDisruptionBudget,
  ResourceQuota: validateResourceQuota,
  PriorityClass: validatePriorityClass,
  Node: validateNode,
};

const UPDATE: Record<string, UpdateFn> = {
  Pod: validatePodUpdate,
  Deployment: validateDeploymentUpdate,
  ReplicaSet: validateReplicaSetUpdate,
  Service: validateServiceUpdate,
  ConfigMap: validateConfigMapUpdate,
  Secret: validateSecretUpdate,
  Job: validateJobUpdate,
  CronJob: validateCronJobUpdate,
  HorizontalPodAutoscaler: validateHPAUpdate,
  ResourceQuota: validateResourceQuotaUpdate,
  PriorityClass: validatePriorityClassUpdate,
};

function namespaced(kind: string): boolean {
  return KIND_INFO[kind]?.namespaced ?? resourceForKind(kind)?.namespaced ?? true;
}

/**
 * validateObjectCreate returns the field errors the apiserver reports when creating `obj` (already
 * defaulted, admitted, with its name generated). Empty means valid.
 *
 * @example
 * validateObjectCreate({ kind: 'ConfigMap', metadata: { name: 'Bad_Name', namespace: 'default' } })[0].field // 'metadata.name'
 */
export function validateObjectCreate(obj: KubeObject): FieldError[] {
  const kind = obj.kind ?? '';
  const fn = CREATE[kind];
  const meta = obj.metadata ?? {};
  // RBAC names are path segments (pkg/apis/rbac/validation ValidateRBACName): `kubeadm:cluster-admins`.
  const nameCheck = RBAC_KINDS.has(kind) ? validatePathSegmentName : nameIsDNSSubdomain;
  const errs = fn ? fn(obj as never) : validateObjectMeta(meta, namespaced(kind), nameCheck);
  if (errs.length > 0) return errs;
  return validateObjectMetaGeneric(meta, namespaced(kind), validatePathSegmentName);
}

const RBAC_KINDS = new Set(['Role', 'RoleBinding', 'ClusterRole', 'ClusterRoleBinding']);

/** validateObjectUpdate returns the field errors for replacing `oldObj` with `obj`. */
export function validateObjectUpdate(obj: KubeObject, oldObj: KubeObject): FieldError[] {
  const kind = obj.kind ?? '';
  const fn = UPDATE[kind];
  if (fn) return fn(obj as never, oldObj as never);
  const errs = validateObjectMetaUpdate(obj.metadata ?? {}, oldObj.metadata ?? {});
  // Node and PodDisruptionBudget updates re-run their spec checks; other kinds only check metadata.
  if (kind === 'Node' || kind === 'PodDisruptionBudget') {
    errs.push(...CREATE[kind](obj as never).filter((e) => !e.field.startsWith('metadata.')));
  }
  return errs;
}

/**
 * invalidError builds the 422 Status: message `Deployment.apps "web" is invalid: [a, b]` and
 * details.causes as the apiserver sends them.
 */
export function invalidError(kind: string, group: string, name: string, errors: readonly FieldError[]): Status {
  return newInvalid(kind, group, name, errors);
}

/** invalidErrorFor derives the group from the kind table. */
export function invalidErrorFor(obj: KubeObject, errors: readonly FieldError[]): Status {
  const kind = obj.kind ?? '';
  return newInvalid(kind, KIND_INFO[kind]?.group ?? resourceForKind(kind)?.group ?? '', obj.metadata?.name ?? '', errors);
}
