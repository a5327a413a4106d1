// Mirrors kubernetes pkg/controller/statefulset/stateful_set_utils.go (v1.32) getPatch,
// newRevision, ApplyRevision and nextRevision: a StatefulSet's revisions are strategic merge
// patches that put back its pod template.

import type { ControllerRevision, StatefulSet } from 'kubernetes-types/apps/v1';
import { deepClone, type Stored } from '../../api/object';
import { applyStrategicMergePatch } from '../../apiserver/patch/strategicMerge';
import { newControllerRevision } from '../history/controllerHistory';
import { templatePatch, type TemplatePatch } from '../history/templatePatch';

/** getPatch is the revision's data: the pod template as a replacing strategic merge patch. */
export function getPatch(set: StatefulSet): TemplatePatch {
  return templatePatch(set);
}

/**
 * newRevision is the revision `revision` of the set as it is now: named `<set>-<hash>` (the hash
 * covers the data and the collision count), labelled with the template's labels, and carrying
 * the set's annotations.
 */
export function newRevision(set: Stored<StatefulSet>, revision: number, collisionCount: number): ControllerRevision {
  const cr = newControllerRevision(set, 'apps/v1', 'StatefulSet', set.spec?.template?.metadata?.labels, getPatch(set), revision, collisionCount);
  cr.metadata!.annotations = { ...(set.metadata.annotations ?? {}) };
  return cr;
}

/** applyRevision is the set with its template restored from `revision` (ApplyRevision). */
export function applyRevision<T extends StatefulSet>(set: T, revision: ControllerRevision): T {
  return applyStrategicMergePatch(deepClone(set), revision.data, 'StatefulSet') as T;
}

/** nextRevision is one more than the highest revision (1 for none); `revisions` are sorted. */
export function nextRevision(revisions: readonly ControllerRevision[]): number {
  return revisions.length === 0 ? 1 : revisions[revisions.length - 1].revision + 1;
}
