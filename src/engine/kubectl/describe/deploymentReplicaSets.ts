// Mirrors k8s.io/kubectl pkg/util/deployment/deployment.go (v1.32) GetAllReplicaSets: the
// ReplicaSets a Deployment controls, the new one (template equal ignoring pod-template-hash,
// oldest first) and the old ones. Used by describe and `rollout history`.
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import { fromRFC3339 } from '../../sim/time';
import { compareStrings } from '../printers/table/labels';
import { listSorted, type DescribeLookup } from './lookup';

const POD_TEMPLATE_HASH = 'pod-template-hash';

/** isEmpty treats undefined, null, '', [], {} and false-y zero values alike (Semantic.DeepEqual treats nil and empty alike). */
function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).every((k) => isEmpty((value as Record<string, unknown>)[k]));
  return false;
}

/** semanticEqual compares JSON values, treating missing and empty collections as equal. */
export function semanticEqual(left: unknown, right: unknown): boolean {
  if (isEmpty(left) && isEmpty(right)) return true;
  if (typeof left !== 'object' || typeof right !== 'object' || left === null || right === null) return left === right;
  if (Array.isArray(left) !== Array.isArray(right)) return false;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  return [...keys].every((k) => semanticEqual((left as Record<string, unknown>)[k], (right as Record<string, unknown>)[k]));
}

function withoutHash(template: PodTemplateSpec | undefined): PodTemplateSpec {
  const labels = { ...(template?.metadata?.labels ?? {}) };
  delete labels[POD_TEMPLATE_HASH];
  return { ...template, metadata: { ...template?.metadata, labels } };
}

/** isControlledBy reports a controller owner reference with the deployment's uid. */
function isControlledBy(rs: ReplicaSet, deployment: Deployment): boolean {
  return (rs.metadata?.ownerReferences ?? []).some((o) => o.controller && o.uid === deployment.metadata?.uid);
}

/** DeploymentReplicaSets: `old` holds the old sets with replicas > 0, `allOld` every old set (describe, history). */
export interface DeploymentReplicaSets {
  newRS?: ReplicaSet;
  old: ReplicaSet[];
  allOld: ReplicaSet[];
}

/** getAllReplicaSets finds the ReplicaSets `deployment` controls, split as kubectl does. */
export function getAllReplicaSets(deployment: Deployment, lookup: DescribeLookup): DeploymentReplicaSets {
  const owned = listSorted<ReplicaSet>(lookup, 'replicasets', deployment.metadata?.namespace ?? '').filter((rs) => isControlledBy(rs, deployment));
  const byAge = [...owned].sort((a, b) => {
    const delta = fromRFC3339(a.metadata?.creationTimestamp ?? '') - fromRFC3339(b.metadata?.creationTimestamp ?? '');
    return delta !== 0 ? delta : compareStrings(a.metadata?.name ?? '', b.metadata?.name ?? '');
  });
  const target = withoutHash(deployment.spec?.template);
  const newRS = byAge.find((rs) => semanticEqual(withoutHash(rs.spec?.template), target));
  const allOld = byAge.filter((rs) => rs !== newRS);
  return { newRS, allOld, old: allOld.filter((rs) => (rs.spec?.replicas ?? 1) !== 0) };
}
