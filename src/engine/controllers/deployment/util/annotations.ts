// Mirrors kubernetes pkg/controller/deployment/util/deployment_util.go: revision and replica
// annotations on Deployments and their ReplicaSets.

import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';

export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY_ANNOTATION = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/max-replicas';
export const LAST_APPLIED_CONFIG_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';
/** DEPRECATED_ROLLBACK_TO is apps.DeprecatedRollbackTo (never copied to ReplicaSets). */
export const DEPRECATED_ROLLBACK_TO = 'deprecated.deployment.rollback.to';
/** MAX_REV_HISTORY_LENGTH_IN_CHARS limits revision-history to ~100 entries. */
export const MAX_REV_HISTORY_LENGTH_IN_CHARS = 2000;

const ANNOTATIONS_TO_SKIP = new Set([
  LAST_APPLIED_CONFIG_ANNOTATION, REVISION_ANNOTATION, REVISION_HISTORY_ANNOTATION,
  DESIRED_REPLICAS_ANNOTATION, MAX_REPLICAS_ANNOTATION, DEPRECATED_ROLLBACK_TO,
]);

type Annotated = { metadata?: { annotations?: Record<string, string> } };

/** parseGoInt is strconv.Atoi/ParseInt: optional sign and digits only. */
function parseGoInt(text: string | undefined): number | undefined {
  if (text === undefined || !/^[+-]?\d+$/.test(text)) return undefined;
  return Number(text);
}

/** revision is the object's revision annotation (0 when absent, undefined when unparsable). */
export function revision(obj: Annotated): number | undefined {
  const text = obj.metadata?.annotations?.[REVISION_ANNOTATION];
  return text === undefined ? 0 : parseGoInt(text);
}

/** maxRevision is the highest revision among the ReplicaSets (unparsable ones skipped). */
export function maxRevision(rss: readonly ReplicaSet[]): number {
  return rss.reduce((max, rs) => Math.max(max, revision(rs) ?? 0), 0);
}

/** setDeploymentRevision writes the revision annotation; true if it changed. */
export function setDeploymentRevision(d: Deployment, rev: string): boolean {
  const metadata = (d.metadata ??= {});
  const annotations = (metadata.annotations ??= {});
  if (annotations[REVISION_ANNOTATION] === rev) return false;
  annotations[REVISION_ANNOTATION] = rev;
  return true;
}

/**
 * setNewReplicaSetAnnotations copies the deployment's annotations (minus the skipped ones) to the
 * new RS and raises its revision to `newRevision`. Raising the revision of an RS that already had
 * one means a rollback to it: the old number is appended to revision-history, oldest entries
 * dropped beyond `limitChars`. A new RS also gets desired/max-replicas. Mutates `rs`.
 */
export function setNewReplicaSetAnnotations(d: Deployment, rs: ReplicaSet, newRevision: string, exists: boolean, surge: number, limitChars = MAX_REV_HISTORY_LENGTH_IN_CHARS): boolean {
  let changed = copyDeploymentAnnotationsToReplicaSet(d, rs);
  const annotations = ((rs.metadata ??= {}).annotations ??= {});
  const oldRevision = annotations[REVISION_ANNOTATION];
  const hadRevision = oldRevision !== undefined;
  const oldRevisionInt = oldRevision === undefined || oldRevision === '' ? 0 : parseGoInt(oldRevision);
  const newRevisionInt = parseGoInt(newRevision);
  if (oldRevisionInt === undefined || newRevisionInt === undefined) return false;
  if (oldRevisionInt < newRevisionInt) {
    annotations[REVISION_ANNOTATION] = newRevision;
    changed = true;
    if (hadRevision) appendRevisionHistory(annotations, oldRevision, limitChars);
  }
  if (!exists && setReplicasAnnotations(rs, d.spec?.replicas ?? 1, (d.spec?.replicas ?? 1) + surge)) changed = true;
  return changed;
}

function appendRevisionHistory(annotations: Record<string, string>, oldRevision: string, limitChars: number): void {
  const history = annotations[REVISION_HISTORY_ANNOTATION] ?? '';
  const oldRevisions = history.split(',');
  if (oldRevisions[0].length === 0) {
    annotations[REVISION_HISTORY_ANNOTATION] = oldRevision;
    return;
  }
  let totalLen = history.length + oldRevision.length + 1;
  let start = 0;
  while (totalLen > limitChars && start < oldRevisions.length) {
    totalLen -= oldRevisions[start].length + 1;
    start++;
  }
  if (totalLen <= limitChars) annotations[REVISION_HISTORY_ANNOTATION] = [...oldRevisions.slice(start), oldRevision].join(',');
}

/** copyDeploymentAnnotationsToReplicaSet copies all but the skipped annotations; true if any changed. */
export function copyDeploymentAnnotationsToReplicaSet(d: Deployment, rs: ReplicaSet): boolean {
  const annotations = ((rs.metadata ??= {}).annotations ??= {});
  let changed = false;
  for (const key of Object.keys(d.metadata?.annotations ?? {}).sort()) {
    const value = d.metadata!.annotations![key];
    if (ANNOTATIONS_TO_SKIP.has(key) || annotations[key] === value) continue;
    annotations[key] = value;
    changed = true;
  }
  return changed;
}

/** setReplicasAnnotations writes desired-replicas and max-replicas; true if either changed. */
export function setReplicasAnnotations(rs: ReplicaSet, desiredReplicas: number, maxReplicas: number): boolean {
  const annotations = ((rs.metadata ??= {}).annotations ??= {});
  let changed = false;
  if (annotations[DESIRED_REPLICAS_ANNOTATION] !== String(desiredReplicas)) {
    annotations[DESIRED_REPLICAS_ANNOTATION] = String(desiredReplicas);
    changed = true;
  }
  if (annotations[MAX_REPLICAS_ANNOTATION] !== String(maxReplicas)) {
    annotations[MAX_REPLICAS_ANNOTATION] = String(maxReplicas);
    changed = true;
  }
  return changed;
}

export function replicasAnnotationsNeedUpdate(rs: ReplicaSet, desiredReplicas: number, maxReplicas: number): boolean {
  const annotations = rs.metadata?.annotations;
  if (!annotations) return true;
  return annotations[DESIRED_REPLICAS_ANNOTATION] !== String(desiredReplicas) || annotations[MAX_REPLICAS_ANNOTATION] !== String(maxReplicas);
}

export function getDesiredReplicasAnnotation(rs: ReplicaSet): number | undefined {
  return parseGoInt(rs.metadata?.annotations?.[DESIRED_REPLICAS_ANNOTATION]);
}

export function getMaxReplicasAnnotation(rs: ReplicaSet): number | undefined {
  return parseGoInt(rs.metadata?.annotations?.[MAX_REPLICAS_ANNOTATION]);
}
