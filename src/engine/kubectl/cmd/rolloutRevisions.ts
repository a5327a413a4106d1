// Mirrors k8s.io/kubectl pkg/polymorphichelpers history.go (DaemonSetHistoryViewer,
// StatefulSetHistoryViewer, printHistory) and rollback.go (DaemonSetRollbacker,
// StatefulSetRollbacker, findHistory), v1.32: `kubectl rollout history|undo` for the workloads
// whose history is kept in ControllerRevisions.
import type { ControllerRevision, DaemonSet, StatefulSet } from 'kubernetes-types/apps/v1';
import type { Stored } from '../../api/object';
import { getControllerOf } from '../../controllers/controllerUtils';
import { goMarshalSorted } from '../../controllers/history/goMarshal';
import { templatePatch, templateOfRevision } from '../../controllers/history/templatePatch';
import { wait, type Task } from '../../sim/task';
import { numberFlag, stringFlag } from '../args/commandSpec';
import { describePodTemplate } from '../describe/describePodTemplate';
import { PrefixWriter } from '../describe/prefixWriter';
import { DESCRIBE_TABWRITER, formatTabbed } from '../printers/table/tabwriter';
import { fail, failStatus, type KubectlContext } from './context';
import { printObjects } from './output';

const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause';

type RevisionedWorkload = Stored<DaemonSet> | Stored<StatefulSet>;

/** controllerRevisionsOf lists the revisions the workload controls (controlledHistories). */
function* controllerRevisionsOf(ctx: KubectlContext, workload: RevisionedWorkload): Task<Stored<ControllerRevision>[] | undefined> {
  const listed = yield* wait(ctx.client.list<ControllerRevision>('controllerrevisions', workload.metadata.namespace));
  if (!listed.ok) {
    failStatus(ctx, listed.status);
    return undefined;
  }
  return listed.object.items.filter((r) => getControllerOf(r)?.uid === workload.metadata.uid);
}

/** revisionHistory is `kubectl rollout history daemonset/x [--revision=N]`. */
export function* revisionHistory(ctx: KubectlContext, workload: RevisionedWorkload, qualified: string): Task<number> {
  const revisions = yield* controllerRevisionsOf(ctx, workload);
  if (!revisions) return 1;
  const byRevision = new Map<number, Stored<ControllerRevision>>();
  for (const r of revisions) byRevision.set(r.revision, r);
  const revision = numberFlag(ctx.cmd, 'revision');
  let text: string;
  if (byRevision.size === 0) text = 'No rollout history found.';
  else if (revision > 0) {
    const found = byRevision.get(revision);
    if (!found) return fail(ctx, 'error: unable to find the specified revision');
    const w = new PrefixWriter();
    describePodTemplate(templateOfRevision(found.data), w);
    text = w.raw();
  } else {
    const lines = ['REVISION\tCHANGE-CAUSE'];
    for (const r of [...byRevision.keys()].sort((a, b) => a - b)) lines.push(`${r}\t${byRevision.get(r)!.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION] || '<none>'}`);
    text = formatTabbed(`${lines.join('\n')}\n`, DESCRIBE_TABWRITER);
  }
  ctx.io.out(`${qualified}/${workload.metadata.name} ${revision > 0 ? `with revision #${revision}` : ''}\n${text}\n`);
  return 0;
}

/**
 * revisionUndo patches the workload with the revision's data (a strategic merge patch replacing
 * spec.template): --to-revision, or the second-highest revision.
 */
export function* revisionUndo(ctx: KubectlContext, workload: RevisionedWorkload, resource: 'daemonsets' | 'statefulsets'): Task<number> {
  const toRevision = numberFlag(ctx.cmd, 'to-revision');
  if (toRevision < 0) return fail(ctx, `error: unable to find specified revision ${toRevision} in history`);
  const revisions = yield* controllerRevisionsOf(ctx, workload);
  if (!revisions) return 1;
  if (toRevision === 0 && revisions.length <= 1) return fail(ctx, 'error: no last revision to roll back to');
  const sorted = [...revisions].sort((a, b) => a.revision - b.revision);
  const target = toRevision === 0 ? sorted[sorted.length - 2] : sorted.find((r) => r.revision === toRevision);
  if (!target) return fail(ctx, `error: unable to find specified revision ${toRevision} in history`);
  if (goMarshalSorted(templatePatch(workload)) === goMarshalSorted(target.data)) {
    ctx.io.out(printObjects([workload], stringFlag(ctx.cmd, 'output'), 'unstructured', `skipped rollback (current template already matches revision ${target.revision})`));
    return 0;
  }
  const result = yield* wait(ctx.client.patch(resource, workload.metadata.namespace, workload.metadata.name, 'strategic', target.data, { dryRun: stringFlag(ctx.cmd, 'dry-run') === 'server' }));
  if (!result.ok) return failStatus(ctx, result.status);
  ctx.io.out(printObjects([workload], stringFlag(ctx.cmd, 'output'), 'unstructured', 'rolled back'));
  return 0;
}
