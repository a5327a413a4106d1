import type { DaemonSet, Deployment, ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1';
import type { KubeObject, Stored } from '../../api/object';
import { Future } from '../../sim/future';
import { toRFC3339 } from '../../sim/time';
import { wait, type Task } from '../../sim/task';
import { boolFlag, numberFlag, stringFlag } from '../args/commandSpec';
import { lookupFromObjects } from '../describe';
import { daemonSetRolloutStatus, deploymentRolloutStatus, statefulSetRolloutStatus, type RolloutStatus } from '../printers/rollout/rolloutStatus';
import { rolloutHistory } from '../printers/rollout/rolloutHistory';
import { statusErrorText } from './checkErr';
import { fail, failStatus, type KubectlContext } from './context';
import { printObjects } from './output';
import { revisionHistory, revisionUndo } from './rolloutRevisions';
import { fetchTargets } from './targets';

const REVISION = 'deployment.kubernetes.io/revision';
const HASH_LABEL = 'pod-template-hash';

/** rollout dispatches `kubectl rollout status|history|undo|restart|pause|resume` (pkg/cmd/rollout) for Deployments, DaemonSets and StatefulSets. */
export function* rollout(ctx: KubectlContext): Task<number> {
  const targets = yield* fetchTargets(ctx, ctx.cmd.positionals, { allowSelector: true });
  if (!targets.ok) return targets.exit;
  if (targets.objects.length === 0) {
    ctx.io.err(`No resources found in ${ctx.namespace} namespace.\n`);
    return 0;
  }
  let exit = 0;
  for (const obj of targets.objects) {
    const kind = obj.kind ?? '';
    if (kind === 'DaemonSet' || kind === 'StatefulSet') {
      exit = Math.max(exit, yield* rolloutRevisioned(ctx, obj as Stored<DaemonSet> | Stored<StatefulSet>));
      continue;
    }
    if (kind !== 'Deployment') {
      exit = fail(ctx, `error: rollout of ${kind.toLowerCase()}s is not simulated by k8sim yet`);
      continue;
    }
    const deployment = obj as Stored<Deployment>;
    switch (ctx.cmd.path[1]) {
      case 'status':
        exit = Math.max(exit, yield* status(ctx, deployment, 'deployments', (d) => deploymentRolloutStatus(d as Deployment, numberFlag(ctx.cmd, 'revision'))));
        break;
      case 'history':
        exit = Math.max(exit, yield* history(ctx, deployment));
        break;
      case 'undo':
        exit = Math.max(exit, yield* undo(ctx, deployment));
        break;
      case 'restart':
        exit = Math.max(exit, yield* restart(ctx, deployment, 'deployments'));
        break;
      case 'pause':
      case 'resume':
        exit = Math.max(exit, yield* pauseOrResume(ctx, deployment, ctx.cmd.path[1] === 'pause'));
        break;
    }
  }
  return exit;
}

/**
 * rolloutRevisioned: DaemonSets and StatefulSets keep their history in ControllerRevisions; they
 * cannot be paused (kubectl answers `pausing is not supported`).
 */
function* rolloutRevisioned(ctx: KubectlContext, workload: Stored<DaemonSet> | Stored<StatefulSet>): Task<number> {
  const isDaemonSet = workload.kind === 'DaemonSet';
  const resource = isDaemonSet ? 'daemonsets' : 'statefulsets';
  const qualified = isDaemonSet ? 'daemonset.apps' : 'statefulset.apps';
  switch (ctx.cmd.path[1]) {
    case 'status':
      return yield* status(ctx, workload, resource, (o) => (isDaemonSet ? daemonSetRolloutStatus(o as DaemonSet) : statefulSetRolloutStatus(o as StatefulSet)));
    case 'history':
      return yield* revisionHistory(ctx, workload, qualified);
    case 'undo':
      return yield* revisionUndo(ctx, workload, resource);
    case 'restart':
      return yield* restart(ctx, workload, resource);
    default:
      return fail(ctx, `error: ${resource}.apps "${workload.metadata.name}" ${ctx.cmd.path[1] === 'pause' ? 'pausing' : 'resuming'} is not supported`);
  }
}

/** restart stamps kubectl.kubernetes.io/restartedAt on the pod template (a new revision). */
function* restart(ctx: KubectlContext, workload: Stored<KubeObject>, resource: string): Task<number> {
  const patch = { spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': toRFC3339(ctx.env.sim.nowMs, ctx.env.epochMs) } } } } };
  return yield* patchAndPrint(ctx, workload, resource, patch, 'restarted');
}

/** status prints the status viewer's message for each observed state until done (or --watch=false). */
function* status(ctx: KubectlContext, workload: Stored<KubeObject>, resource: string, view: (obj: KubeObject) => RolloutStatus): Task<number> {
  const watchUntilDone = boolFlag(ctx.cmd, 'watch');
  const timeoutMs = numberFlag(ctx.cmd, 'timeout');
  const finished = new Future<number>();
  const observe = (obj: KubeObject): void => {
    if (finished.isSettled) return;
    const result = view(obj);
    if (result.error !== undefined) {
      ctx.io.err(`error: ${result.error}\n`);
      finished.resolve(1);
      return;
    }
    ctx.io.out(result.message!);
    if (result.done || !watchUntilDone) finished.resolve(0);
  };
  observe(workload);
  if (finished.isSettled) return finished.value;
  const handle = ctx.client.watch(resource, { namespace: workload.metadata.namespace, fieldSelector: `metadata.name=${workload.metadata.name}`, resourceVersion: workload.metadata.resourceVersion }, (events) => {
    for (const event of events) {
      if (event.type === 'DELETED') {
        ctx.io.err('error: object has been deleted\n');
        finished.resolve(1);
      } else if (event.type === 'ERROR') {
        ctx.io.err(statusErrorText(event.object));
        finished.resolve(1);
      } else if (event.type !== 'BOOKMARK') observe(event.object as KubeObject);
    }
  });
  ctx.io.onInterrupt(() => handle.stop());
  if (timeoutMs > 0) ctx.env.sim.after(timeoutMs, () => {
    if (!finished.isSettled) ctx.io.err('error: timed out waiting for the condition\n');
    finished.resolve(1);
  });
  const exit = yield* wait(finished);
  handle.stop();
  return exit;
}

function* replicaSetsOf(ctx: KubectlContext, deployment: Stored<Deployment>): Task<Stored<ReplicaSet>[] | undefined> {
  const listed = yield* wait(ctx.client.list<ReplicaSet>('replicasets', deployment.metadata.namespace));
  if (!listed.ok) {
    failStatus(ctx, listed.status);
    return undefined;
  }
  return listed.object.items.filter((rs) => rs.metadata.ownerReferences?.some((o) => o.uid === deployment.metadata.uid && o.controller));
}

function* history(ctx: KubectlContext, deployment: Stored<Deployment>): Task<number> {
  const replicaSets = yield* replicaSetsOf(ctx, deployment);
  if (!replicaSets) return 1;
  const out = rolloutHistory(deployment, lookupFromObjects(replicaSets as KubeObject[]), numberFlag(ctx.cmd, 'revision'));
  ctx.io.out(out.stdout);
  if (out.stderr) ctx.io.err(out.stderr);
  return out.stderr ? 1 : 0;
}

/**
 * undo mirrors polymorphichelpers DeploymentRollbacker: find the ReplicaSet of --to-revision (or
 * the one before the current revision), then replace the Deployment's template with its template
 * minus the pod-template-hash label (a JSON patch), unless it already matches.
 */
function* undo(ctx: KubectlContext, deployment: Stored<Deployment>): Task<number> {
  if (deployment.spec?.paused) return fail(ctx, "error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again");
  const toRevision = numberFlag(ctx.cmd, 'to-revision');
  const replicaSets = yield* replicaSetsOf(ctx, deployment);
  if (!replicaSets) return 1;
  const revisionOf = (rs: ReplicaSet) => Number(rs.metadata?.annotations?.[REVISION] ?? '0');
  const current = Number(deployment.metadata.annotations?.[REVISION] ?? '0');
  let target: Stored<ReplicaSet> | undefined;
  if (toRevision > 0) target = replicaSets.find((rs) => revisionOf(rs) === toRevision);
  else target = [...replicaSets].filter((rs) => revisionOf(rs) < current).sort((a, b) => revisionOf(b) - revisionOf(a))[0];
  if (!target) return fail(ctx, toRevision > 0 ? `error: unable to find specified revision ${toRevision} in history` : `error: no rollout history found for deployment "${deployment.metadata.name}"`);
  const template = structuredClone(target.spec!.template!) as NonNullable<ReplicaSet['spec']>['template'] & object;
  if (template.metadata?.labels) delete template.metadata.labels[HASH_LABEL];
  if (JSON.stringify(template) === JSON.stringify(deployment.spec?.template)) {
    ctx.io.out(printObjects([deployment], stringFlag(ctx.cmd, 'output'), 'unstructured', `skipped rollback (current template already matches revision ${revisionOf(target)})`));
    return 0;
  }
  const patch = [{ op: 'replace', path: '/spec/template', value: template }];
  const result = yield* wait(ctx.client.patch('deployments', deployment.metadata.namespace, deployment.metadata.name, 'json', patch, { dryRun: stringFlag(ctx.cmd, 'dry-run') === 'server' }));
  if (!result.ok) return failStatus(ctx, result.status);
  ctx.io.out(printObjects([deployment], stringFlag(ctx.cmd, 'output'), 'unstructured', 'rolled back'));
  return 0;
}

function* pauseOrResume(ctx: KubectlContext, deployment: Stored<Deployment>, pause: boolean): Task<number> {
  if (Boolean(deployment.spec?.paused) === pause) {
    ctx.io.out(printObjects([deployment], stringFlag(ctx.cmd, 'output'), 'unstructured', pause ? 'already paused' : 'already resumed'));
    return 0;
  }
  return yield* patchAndPrint(ctx, deployment, 'deployments', { spec: { paused: pause ? true : null } }, pause ? 'paused' : 'resumed');
}

function* patchAndPrint(ctx: KubectlContext, workload: Stored<KubeObject>, resource: string, patch: unknown, operation: string): Task<number> {
  const result = yield* wait(ctx.client.patch(resource, workload.metadata.namespace, workload.metadata.name, 'strategic', patch));
  if (!result.ok) return failStatus(ctx, result.status);
  ctx.io.out(printObjects([workload], stringFlag(ctx.cmd, 'output'), 'unstructured', operation));
  return 0;
}
