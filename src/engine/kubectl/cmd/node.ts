import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject, Stored } from '../../api/object';
import { wait, type Task } from '../../sim/task';
import { boolFlag, stringFlag } from '../args/commandSpec';
import { statusErrorText } from './checkErr';
import { failStatus, type KubectlContext } from './context';
import { fetchTargets } from './targets';
import { waitFor } from './waitFor';

/** cordon / uncordon mirror pkg/cmd/drain RunCordonOrUncordon: patch spec.unschedulable. */
export function* cordon(ctx: KubectlContext): Task<number> {
  const desired = ctx.cmd.path[0] === 'cordon';
  const nodes = yield* nodeTargets(ctx);
  if (!nodes.ok) return nodes.exit;
  let exit = 0;
  for (const node of nodes.objects) exit = Math.max(exit, yield* setUnschedulable(ctx, node, desired));
  return exit;
}

function* setUnschedulable(ctx: KubectlContext, node: Stored<KubeObject>, desired: boolean): Task<number> {
  const verb = desired ? 'cordoned' : 'uncordoned';
  const current = Boolean((node.spec as { unschedulable?: boolean } | undefined)?.unschedulable);
  if (current === desired) {
    ctx.io.out(`node/${node.metadata.name} already ${verb}\n`);
    return 0;
  }
  const result = yield* wait(ctx.client.patch('nodes', undefined, node.metadata.name, 'strategic', { spec: { unschedulable: desired ? true : null } }));
  if (!result.ok) return failStatus(ctx, result.status);
  ctx.io.out(`node/${node.metadata.name} ${verb}\n`);
  return 0;
}

/**
 * drain mirrors pkg/cmd/drain + pkg/drain: cordon, pick the node's pods with the upstream
 * filters (DaemonSet-managed, unmanaged, emptyDir local storage), evict them (waiting for each
 * to be gone), then `node/NAME drained`.
 */
export function* drain(ctx: KubectlContext): Task<number> {
  const nodes = yield* nodeTargets(ctx);
  if (!nodes.ok) return nodes.exit;
  for (const node of nodes.objects) {
    const cordoned = yield* setUnschedulable(ctx, node, true);
    if (cordoned !== 0) return cordoned;
    const listed = yield* wait(ctx.client.list<Pod>('pods', undefined, { fieldSelector: `spec.nodeName=${node.metadata.name}` }));
    if (!listed.ok) return failStatus(ctx, listed.status);
    const plan = filterPods(ctx, listed.object.items);
    if (plan.errors.length > 0) {
      // utilerrors.Aggregate prints one error as is and several as "[a, b]".
      const text = plan.errors.length === 1 ? plan.errors[0] : `[${plan.errors.join(', ')}]`;
      ctx.io.err(`error: unable to drain node "${node.metadata.name}" due to error: ${text}, continuing command...\nThere are pending nodes to be drained:\n ${node.metadata.name}\nerror: ${text}\n`);
      return 1;
    }
    if (plan.warnings.length > 0) ctx.io.err(`Warning: ${plan.warnings.join('; ')}\n`);
    for (const pod of plan.evict) {
      ctx.io.out(`evicting pod ${pod.metadata.namespace}/${pod.metadata.name}\n`);
      const evicted = yield* wait(ctx.client.evict(pod.metadata.namespace ?? 'default', pod.metadata.name));
      if (!evicted.ok) {
        ctx.io.err(statusErrorText(evicted.status));
        return 1;
      }
    }
    for (const pod of plan.evict) {
      yield* waitFor(ctx, 'pods', pod.metadata.namespace, pod.metadata.name, (o) => o === undefined || o.metadata.uid !== pod.metadata.uid);
      ctx.io.out(`pod/${pod.metadata.name} evicted\n`);
    }
    ctx.io.out(`node/${node.metadata.name} drained\n`);
  }
  return 0;
}

function filterPods(ctx: KubectlContext, pods: Stored<Pod>[]): { evict: Stored<Pod>[]; warnings: string[]; errors: string[] } {
  const evict: Stored<Pod>[] = [];
  const daemonSet: string[] = [];
  const unmanaged: string[] = [];
  const local: string[] = [];
  for (const pod of pods) {
    if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') {
      evict.push(pod);
      continue;
    }
    const name = `${pod.metadata.namespace}/${pod.metadata.name}`;
    const controller = pod.metadata.ownerReferences?.find((o) => o.controller);
    if (controller?.kind === 'DaemonSet') {
      daemonSet.push(name);
      continue;
    }
    if (!controller) unmanaged.push(name);
    if (pod.spec?.volumes?.some((v) => v.emptyDir)) local.push(name);
    evict.push(pod);
  }
  const warnings: string[] = [];
  const errors: string[] = [];
  const check = (list: string[], allowed: boolean, fatal: string, warning: string) => {
    if (list.length === 0) return;
    if (allowed) warnings.push(`${warning}: ${list.join(', ')}`);
    else errors.push(`cannot delete ${fatal}: ${list.join(', ')}`);
  };
  // pkg/drain/filters.go: the "cannot delete " prefix is added to every fatal message, which is
  // why real kubectl prints "cannot delete cannot delete Pods that declare no controller".
  check(daemonSet, boolFlag(ctx.cmd, 'ignore-daemonsets'), 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)', 'ignoring DaemonSet-managed Pods');
  check(unmanaged, boolFlag(ctx.cmd, 'force'), 'cannot delete Pods that declare no controller (use --force to override)', 'deleting Pods that declare no controller');
  check(local, boolFlag(ctx.cmd, 'delete-emptydir-data'), 'Pods with local storage (use --delete-emptydir-data to override)', 'deleting Pods with local storage');
  return { evict, warnings, errors };
}

function* nodeTargets(ctx: KubectlContext) {
  const words = ctx.cmd.positionals.map((w) => (w.includes('/') ? w : `nodes/${w}`));
  if (stringFlag(ctx.cmd, 'selector')) return yield* fetchTargets(ctx, ['nodes'], { allowSelector: true });
  return yield* fetchTargets(ctx, words, { allowSelector: false });
}
