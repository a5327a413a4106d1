// Mirrors k8s.io/kubectl pkg/polymorphichelpers/rollout_status.go (v1.32): the message
// `kubectl rollout status` prints for each observed state of a Deployment, DaemonSet or
// StatefulSet, and whether the rollout is done. kubectl prints `message` (it ends in a newline)
// on every watch event until `done`; an error is printed as `error: <error>` on stderr, exit 1.
import type { DaemonSet, Deployment, StatefulSet } from 'kubernetes-types/apps/v1';

/** RolloutStatus is one StatusViewer.Status result. */
export type RolloutStatus = { message: string; done: boolean; error?: undefined } | { error: string; done: boolean; message?: undefined };

const TIMED_OUT_REASON = 'ProgressDeadlineExceeded';
const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';

/**
 * deploymentRolloutStatus checks, in order: the requested revision, the observed generation, the
 * progress deadline, new replicas updated, old replicas terminated, updated replicas available.
 * @example deploymentRolloutStatus(web).message // 'Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...\n'
 */
export function deploymentRolloutStatus(d: Deployment, revision = 0): RolloutStatus {
  const name = d.metadata?.name ?? '';
  if (revision > 0) {
    const current = Number(d.metadata?.annotations?.[REVISION_ANNOTATION] ?? '0');
    if (!Number.isInteger(current)) return { error: `cannot get the revision of deployment "${name}"`, done: false };
    if (current !== revision) return { error: `desired revision (${revision}) is different from the running revision (${current})`, done: false };
  }
  const status = d.status ?? {};
  if ((d.metadata?.generation ?? 0) > (status.observedGeneration ?? 0)) return { message: 'Waiting for deployment spec update to be observed...\n', done: false };
  const progressing = (status.conditions ?? []).find((c) => c.type === 'Progressing');
  if (progressing?.reason === TIMED_OUT_REASON) return { error: `deployment "${name}" exceeded its progress deadline`, done: false };
  const replicas = status.replicas ?? 0;
  const updated = status.updatedReplicas ?? 0;
  const available = status.availableReplicas ?? 0;
  const prefix = `Waiting for deployment "${name}" rollout to finish:`;
  if (d.spec?.replicas !== undefined && updated < d.spec.replicas) return { message: `${prefix} ${updated} out of ${d.spec.replicas} new replicas have been updated...\n`, done: false };
  if (replicas > updated) return { message: `${prefix} ${replicas - updated} old replicas are pending termination...\n`, done: false };
  if (available < updated) return { message: `${prefix} ${available} of ${updated} updated replicas are available...\n`, done: false };
  return { message: `deployment "${name}" successfully rolled out\n`, done: true };
}

/** daemonSetRolloutStatus: only RollingUpdate DaemonSets have a rollout status. */
export function daemonSetRolloutStatus(ds: DaemonSet): RolloutStatus {
  const name = ds.metadata?.name ?? '';
  if (ds.spec?.updateStrategy?.type !== 'RollingUpdate') return { error: 'rollout status is only available for RollingUpdate strategy type', done: true };
  const status = ds.status ?? { currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0 };
  if ((ds.metadata?.generation ?? 0) > (status.observedGeneration ?? 0)) return { message: 'Waiting for daemon set spec update to be observed...\n', done: false };
  const desired = status.desiredNumberScheduled ?? 0;
  if ((status.updatedNumberScheduled ?? 0) < desired) {
    return { message: `Waiting for daemon set "${name}" rollout to finish: ${status.updatedNumberScheduled ?? 0} out of ${desired} new pods have been updated...\n`, done: false };
  }
  if ((status.numberAvailable ?? 0) < desired) {
    return { message: `Waiting for daemon set "${name}" rollout to finish: ${status.numberAvailable ?? 0} of ${desired} updated pods are available...\n`, done: false };
  }
  return { message: `daemon set "${name}" successfully rolled out\n`, done: true };
}

/** statefulSetRolloutStatus covers readiness, partitioned rollouts and revision convergence. */
export function statefulSetRolloutStatus(sts: StatefulSet): RolloutStatus {
  if (sts.spec?.updateStrategy?.type !== 'RollingUpdate') return { error: 'rollout status is only available for RollingUpdate strategy type', done: true };
  const status = sts.status ?? { replicas: 0 };
  const observed = status.observedGeneration ?? 0;
  if (observed === 0 || (sts.metadata?.generation ?? 0) > observed) return { message: 'Waiting for statefulset spec update to be observed...\n', done: false };
  const replicas = sts.spec?.replicas;
  if (replicas !== undefined && (status.readyReplicas ?? 0) < replicas) return { message: `Waiting for ${replicas - (status.readyReplicas ?? 0)} pods to be ready...\n`, done: false };
  const rolling = sts.spec?.updateStrategy?.rollingUpdate;
  if (rolling) {
    const partition = rolling.partition;
    if (replicas !== undefined && partition !== undefined && (status.updatedReplicas ?? 0) < replicas - partition) {
      return { message: `Waiting for partitioned roll out to finish: ${status.updatedReplicas ?? 0} out of ${replicas - partition} new pods have been updated...\n`, done: false };
    }
    return { message: `partitioned roll out complete: ${status.updatedReplicas ?? 0} new pods have been updated...\n`, done: true };
  }
  if (status.updateRevision !== status.currentRevision) {
    return { message: `waiting for statefulset rolling update to complete ${status.updatedReplicas ?? 0} pods at revision ${status.updateRevision ?? ''}...\n`, done: false };
  }
  return { message: `statefulset rolling update complete ${status.currentReplicas ?? 0} pods at revision ${status.currentRevision ?? ''}...\n`, done: true };
}
