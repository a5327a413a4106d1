import type { KubeObject } from '../../api/object';
import { wait, type Task } from '../../sim/task';
import { boolFlag, stringFlag } from '../args/commandSpec';
import { addSourceToErr, withLastApplied } from './apply';
import { fail, failStatus, type KubectlContext } from './context';
import { manifestsFromFiles, manifestTarget } from './manifests';
import { printObjects } from './output';
import { recordChangeCause } from './record';

/**
 * create mirrors pkg/cmd/create RunCreate (`kubectl create -f FILE`): POST every document; an
 * object that exists is an AlreadyExists error for that document only (the others are still
 * created, exit 1). --save-config stores the last-applied annotation so a later `apply` can
 * patch three-way; without it `apply` warns that the annotation is missing.
 */
export function* create(ctx: KubectlContext): Task<number> {
  const files = yield* manifestsFromFiles(ctx);
  if (!files.ok) return files.exit;
  if (files.manifests.length === 0) return fail(ctx, 'error: no objects passed to create');
  const output = stringFlag(ctx.cmd, 'output');
  const dryRun = stringFlag(ctx.cmd, 'dry-run') as 'none' | 'client' | 'server';
  const saveConfig = boolFlag(ctx.cmd, 'save-config');
  let exit = 0;
  for (const [index, manifest] of files.manifests.entries()) {
    const source = files.sources[index];
    const target = manifestTarget(ctx, manifest);
    if ('error' in target) return fail(ctx, target.error);
    const { info } = target;
    let obj: KubeObject = recordChangeCause(ctx.cmd, target.object);
    if (saveConfig) obj = withLastApplied(obj);
    let result: KubeObject = obj;
    if (dryRun !== 'client') {
      const created = yield* wait(ctx.client.create(info.resource, obj, { dryRun: dryRun === 'server' }));
      if (!created.ok) {
        exit = failStatus(ctx, addSourceToErr('creating', source, created.status));
        continue;
      }
      result = created.object;
    }
    ctx.io.out(printObjects([result], output, 'unstructured', 'created', dryRun));
  }
  return exit;
}
