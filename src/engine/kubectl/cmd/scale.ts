import { resourceForKind } from '../../api/resources';
import { wait, type Task } from '../../sim/task';
import { numberFlag, stringFlag } from '../args/commandSpec';
import { failStatus, type KubectlContext } from './context';
import { printObjects } from './output';
import { fetchTargets } from './targets';

const SCALABLE = new Set(['deployments', 'replicasets', 'statefulsets', 'replicationcontrollers']);

/**
 * scale mirrors pkg/cmd/scale: for each target, an optional --current-replicas /
 * --resource-version precondition, then a merge patch of the scale subresource; prints
 * `deployment.apps/web scaled`.
 */
export function* scale(ctx: KubectlContext): Task<number> {
  const replicas = numberFlag(ctx.cmd, 'replicas');
  const targets = yield* fetchTargets(ctx, ctx.cmd.positionals, { allowSelector: true });
  if (!targets.ok) return targets.exit;
  const current = ctx.cmd.changed.includes('current-replicas') ? numberFlag(ctx.cmd, 'current-replicas') : -1;
  let exit = 0;
  for (const obj of targets.objects) {
    const resource = resourceForKind(obj.kind ?? '')?.resource ?? '';
    if (!SCALABLE.has(resource)) {
      ctx.io.err(`error: cannot scale ${obj.kind?.toLowerCase()} "${obj.metadata.name}": no scale subresource\n`);
      exit = 1;
      continue;
    }
    const spec = obj.spec as { replicas?: number };
    if (current >= 0 && (spec.replicas ?? 1) !== current) {
      ctx.io.err(`error: Expected replicas to be ${current}, was ${spec.replicas ?? 1}\n`);
      exit = 1;
      continue;
    }
    const rv = stringFlag(ctx.cmd, 'resource-version');
    const patch = { spec: { replicas }, ...(rv ? { metadata: { resourceVersion: rv } } : {}) };
    const result = yield* wait(ctx.client.patch(resource, obj.metadata.namespace, obj.metadata.name, 'merge', patch, { subresource: 'scale', dryRun: stringFlag(ctx.cmd, 'dry-run') === 'server' }));
    if (!result.ok) {
      exit = failStatus(ctx, result.status);
      continue;
    }
    ctx.io.out(printObjects([obj], stringFlag(ctx.cmd, 'output'), 'unstructured', 'scaled'));
  }
  return exit;
}
