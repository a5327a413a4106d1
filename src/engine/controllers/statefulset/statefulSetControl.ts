// Mirrors kubernetes pkg/controller/statefulset/stateful_set_control.go (v1.32)
// defaultStatefulSetControl: UpdateStatefulSet, performUpdate, ListRevisions, AdoptOrphanRevisions,
// truncateHistory and getStatefulSetRevisions. The pod loop (updateStatefulSet) is in
// updateStatefulSet.ts.

import type { ControllerRevision, StatefulSet, StatefulSetStatus } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { fromLabelSelector } from '../../api/labels';
import { deepClone, type Stored } from '../../api/object';
import type { SharedIndexInformer } from '../../client/cache/sharedInformer';
import type { Simulator } from '../../sim/simulator';
import type { Task } from '../../sim/task';
import { equalRevision, findEqualRevisions, type History, sortControllerRevisions } from '../history/controllerHistory';
import type { ControllerClient, SyncError } from '../types';
import { newRevision, nextRevision } from './revision';
import { aggregate, type StatefulPodControl } from './statefulPodControl';
import { getPodRevision } from './statefulSetUtils';
import { updateStatefulSetStatus } from './statefulSetStatusUpdater';
import { completeRollingUpdate, inconsistentStatus } from './status';
import { updateStatefulSet } from './updateStatefulSet';

type Revision = Stored<ControllerRevision>;

/**
 * DefaultStatefulSetControl applies a StatefulSet's ordering and update semantics: pods are created
 * in ordinal order and none while another is unhealthy, removed highest ordinal first, and updated
 * highest ordinal first; podManagementPolicy Parallel relaxes the ordering of creation and removal.
 */
export class DefaultStatefulSetControl {
  constructor(
    readonly sim: Simulator,
    readonly epochMs: number,
    readonly client: ControllerClient,
    readonly sets: SharedIndexInformer<StatefulSet>,
    readonly podControl: StatefulPodControl,
    readonly controllerHistory: History,
  ) {}

  /**
   * updateStatefulSet (UpdateStatefulSet) syncs the revisions, the pods and the status, then trims
   * the history, also after an error. Returns the status it computed.
   */
  *updateStatefulSet(cached: Stored<StatefulSet>, pods: readonly Stored<Pod>[]): Task<{ status?: StatefulSetStatus; err: SyncError }> {
    // A copy: performUpdate stores a new collision count on it.
    const set = deepClone(cached);
    const revisions = sortControllerRevisions(this.listRevisions(set));
    const updated = yield* this.performUpdate(set, pods, revisions);
    const truncateErr = yield* this.truncateHistory(set, pods, revisions, updated.currentRevision, updated.updateRevision);
    if (updated.err) return { err: aggregate(truncateErr ? [updated.err, truncateErr] : [updated.err]) };
    return { status: updated.status, err: truncateErr };
  }

  private *performUpdate(set: Stored<StatefulSet>, pods: readonly Stored<Pod>[], revisions: Revision[]): Task<{ currentRevision?: Revision; updateRevision?: Revision; status?: StatefulSetStatus; err: SyncError }> {
    const got = yield* this.getStatefulSetRevisions(set, revisions);
    if (got.err) return { err: got.err };
    const { currentRevision, updateRevision, collisionCount } = got;
    const { status, err } = yield* updateStatefulSet(this, set, currentRevision!, updateRevision!, collisionCount, pods);
    if (err && !status) return { currentRevision, updateRevision, err };
    // The status is written even when the pod loop failed part-way.
    const statusErr = yield* this.updateStatefulSetStatus(set, status!);
    return { currentRevision, updateRevision, status, err: err ?? statusErr };
  }

  /** listRevisions: the revisions the set's selector matches, owned by it or orphaned. */
  listRevisions(set: Stored<StatefulSet>): Revision[] {
    return this.controllerHistory.listControllerRevisions(set, fromLabelSelector(set.spec?.selector));
  }

  /** adoptOrphanRevisions gives the set the revisions nobody controls. */
  *adoptOrphanRevisions(set: Stored<StatefulSet>, revisions: Revision[]): Task<SyncError> {
    for (const revision of revisions) {
      const adopted = yield* this.controllerHistory.adoptControllerRevision(set, 'apps/v1', 'StatefulSet', revision);
      if (adopted.err) return adopted.err;
    }
    return undefined;
  }

  /**
   * truncateHistory deletes the oldest revisions beyond revisionHistoryLimit, never a live one: the
   * current and update revisions and any revision a pod still runs.
   */
  private *truncateHistory(set: StatefulSet, pods: readonly Pod[], revisions: readonly Revision[], current?: Revision, update?: Revision): Task<SyncError> {
    const live = new Set<string>(pods.map(getPodRevision));
    if (current) live.add(current.metadata.name);
    if (update) live.add(update.metadata.name);
    const history = revisions.filter((r) => !live.has(r.metadata.name));
    const historyLimit = set.spec?.revisionHistoryLimit ?? 10;
    if (historyLimit < 0 || history.length <= historyLimit) return undefined;
    for (const revision of history.slice(0, history.length - historyLimit)) {
      const err = yield* this.controllerHistory.deleteControllerRevision(revision);
      if (err) return err;
    }
    return undefined;
  }

  /**
   * getStatefulSetRevisions finds the update revision (the set's template now) and the current
   * one (status.currentRevision, else the update revision). When the template equals an older
   * revision that revision is renumbered to the newest (a rollback, no new object); when it equals
   * none a new revision is created, bumping the collision count on a hash clash.
   */
  private *getStatefulSetRevisions(set: Stored<StatefulSet>, revisions: Revision[]): Task<{ currentRevision?: Revision; updateRevision?: Revision; collisionCount: number; err: SyncError }> {
    let collisionCount = set.status?.collisionCount ?? 0;
    const candidate = newRevision(set, nextRevision(revisions), collisionCount);
    const equalRevisions = findEqualRevisions(revisions, candidate);
    let updateRevision: Revision | undefined;
    const last = revisions[revisions.length - 1];
    if (equalRevisions.length > 0 && equalRevision(last, equalRevisions[equalRevisions.length - 1])) {
      updateRevision = last;
    } else if (equalRevisions.length > 0) {
      const renumbered = yield* this.controllerHistory.updateControllerRevision(equalRevisions[equalRevisions.length - 1], candidate.revision);
      if (renumbered.err) return { collisionCount, err: renumbered.err };
      updateRevision = renumbered.revision;
    } else {
      const created = yield* this.controllerHistory.createControllerRevision(set, candidate, collisionCount);
      collisionCount = created.collisionCount;
      if (created.err) return { collisionCount, err: created.err };
      updateRevision = created.revision;
    }
    const currentRevision = revisions.find((r) => r.metadata.name === set.status?.currentRevision) ?? updateRevision;
    return { currentRevision, updateRevision, collisionCount, err: undefined };
  }

  /** updateStatefulSetStatus completes a finished rolling update, then writes the status if it changed. */
  private *updateStatefulSetStatus(set: Stored<StatefulSet>, status: StatefulSetStatus): Task<SyncError> {
    completeRollingUpdate(set, status);
    if (!inconsistentStatus(set, status)) return undefined;
    return yield* updateStatefulSetStatus(this.client, this.sets, set, status);
  }
}
