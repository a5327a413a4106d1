import type { KubeObject } from '../../api/object';
import { groupResource } from '../../api/resources';
import { wait, type Task } from '../../sim/task';
import { boolFlag, stringFlag } from '../args/commandSpec';
import { addSourceToErr, withLastApplied } from './apply';
import { fail, failStatus, type KubectlContext } from './context';
import { manifestsFromFiles, manifestTarget } from './manifests';
import { printObjects } from './output';

/**
 * replace mirrors pkg/cmd/replace (v1.32): PUT each document in place of the live object. A
 * document without resourceVersion takes the live one (helper.Replace with overwrite), so the
 * update is unconditional. --force deletes the object, waits for it to be gone, and creates it.
 */
export function* replace(ctx: KubectlContext): Task<number> {
  const files = yield* manifestsFromFiles(ctx);
  if (!files.ok) return files.exit;
  if (files.manifests.length === 0) return fail(ctx, 'error: no objects passed to replace');
  const output = stringFlag(ctx.cmd, 'output');
  const dryRun = stringFlag(ctx.cmd, 'dry-run') as 'none' | 'client' | 'server';
  const force = boolFlag(ctx.cmd, 'force');
  let exit = 0;
  for (const [index, manifest] of files.manifests.entries()) {
    const source = files.sources[index];
    const target = manifestTarget(ctx, manifest);
    if ('error' in target) return fail(ctx, target.error);
    const { info, namespace } = target;
    const name = manifest.metadata?.name ?? '';
    let obj: KubeObject = target.object;
    if (boolFlag(ctx.cmd, 'save-config')) obj = withLastApplied(obj);
    if (dryRun === 'client') {
      ctx.io.out(printObjects([obj], output, 'unstructured', 'replaced', dryRun));
      continue;
    }
    if (force) {
      const deleted = yield* wait(ctx.client.delete(info.resource, namespace, name));
      if (!deleted.ok && deleted.status.code !== 404) {
        exit = failStatus(ctx, deleted.status);
        continue;
      }
      if (deleted.ok) ctx.io.out(`${(info.group ? `${info.kind}.${info.group}` : info.kind).toLowerCase()} "${name}" deleted\n`);
      const gone = yield* waitUntilGone(ctx, info.resource, namespace, name);
      if (!gone) {
        exit = fail(ctx, `error: timed out waiting for the condition on ${groupResource(info)}/${name}`);
        continue;
      }
      const { resourceVersion: _rv, uid: _uid, ...metadata } = obj.metadata ?? {};
      const created = yield* wait(ctx.client.create(info.resource, { ...obj, metadata }));
      if (!created.ok) {
        exit = failStatus(ctx, addSourceToErr('replacing', source, created.status));
        continue;
      }
      ctx.io.out(printObjects([created.object], output, 'unstructured', 'replaced', dryRun));
      continue;
    }
    if (!obj.metadata?.resourceVersion) {
      const live = yield* wait(ctx.client.get(info.resource, namespace, name));
      if (!live.ok) {
        exit = failStatus(ctx, addSourceToErr('replacing', source, live.status));
        continue;
      }
      obj = { ...obj, metadata: { ...obj.metadata, resourceVersion: live.object.metadata.resourceVersion } };
    }
    const updated = yield* wait(ctx.client.update(info.resource, obj, { dryRun: dryRun === 'server' }));
    if (!updated.ok) {
      exit = failStatus(ctx, addSourceToErr('replacing', source, updated.status));
      continue;
    }
    ctx.io.out(printObjects([updated.object], output, 'unstructured', 'replaced', dryRun));
  }
  return exit;
}

/** waitUntilGone polls (1 s, as the delete wait's watch would notice) until the object is not found; 60 s at most. */
function* waitUntilGone(ctx: KubectlContext, resource: string, namespace: string | undefined, name: string): Task<boolean> {
  for (let i = 0; i < 60; i++) {
    const got = yield* wait(ctx.client.get(resource, namespace, name));
    if (!got.ok && got.status.code === 404) return true;
    yield* wait(ctx.env.sim.sleep(1000));
  }
  return false;
}
