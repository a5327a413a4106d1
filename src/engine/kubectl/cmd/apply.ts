import type { Status } from 'kubernetes-types/meta/v1';
import type { KubeObject } from '../../api/object';
import { wait, type Task } from '../../sim/task';
import { stringFlag } from '../args/commandSpec';
import { LAST_APPLIED_ANNOTATION, marshalUnstructured } from '../generate';
import { marshalJsonCompact, type JsonValue } from '../printers/json';
import { failStatus, fail, type KubectlContext } from './context';
import { manifestsFromFiles, manifestTarget } from './manifests';
import { lastApplied } from './applyLastApplied';
import { createThreeWayMergePatch } from './mergePatch';
import { printObjects } from './output';
import { recordChangeCause } from './record';

/**
 * apply mirrors pkg/cmd/apply (client-side apply, the default): for each document, store the
 * file's content in the last-applied-configuration annotation; create the object when it does
 * not exist, otherwise send the three-way strategic merge patch between the last applied
 * configuration, the file and the live object ("configured"), or nothing ("unchanged").
 */
export function* apply(ctx: KubectlContext): Task<number> {
  if (ctx.cmd.path.length > 1) return yield* lastApplied(ctx);
  const files = yield* manifestsFromFiles(ctx);
  if (!files.ok) return files.exit;
  if (files.manifests.length === 0) return fail(ctx, 'error: must specify one of -f and -k');
  const output = stringFlag(ctx.cmd, 'output');
  const dryRun = stringFlag(ctx.cmd, 'dry-run') as 'none' | 'client' | 'server';
  let exit = 0;
  for (const [index, manifest] of files.manifests.entries()) {
    const source = files.sources[index];
    const target = manifestTarget(ctx, manifest);
    if ('error' in target) return fail(ctx, target.error);
    const { info, namespace } = target;
    // --record annotates before the last-applied configuration is computed, so it is part of it.
    const modified = withLastApplied(recordChangeCause(ctx.cmd, target.object));
    const name = manifest.metadata?.name ?? '';
    const live = yield* wait(ctx.client.get(info.resource, namespace, name));
    if (!live.ok && live.status.code !== 404) return failStatus(ctx, live.status);
    let operation: string;
    let result: KubeObject = modified;
    if (!live.ok) {
      operation = 'created';
      if (dryRun !== 'client') {
        const created = yield* wait(ctx.client.create(info.resource, modified, { dryRun: dryRun === 'server' }));
        if (!created.ok) {
          exit = failStatus(ctx, addSourceToErr('creating', source, created.status));
          continue;
        }
        result = created.object;
      }
    } else {
      const lastApplied = live.object.metadata.annotations?.[LAST_APPLIED_ANNOTATION];
      // An object made by `create` without --save-config: apply still patches (and adds the annotation).
      if (lastApplied === undefined) ctx.io.err(`Warning: resource ${info.resource}/${name} is missing the ${LAST_APPLIED_ANNOTATION} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`);
      const original = lastApplied ? (JSON.parse(lastApplied) as unknown) : {};
      const patch = createThreeWayMergePatch(original, modified, live.object, info.kind);
      operation = patch ? 'configured' : 'unchanged';
      result = live.object;
      if (patch && dryRun !== 'client') {
        const patched = yield* wait(ctx.client.patch(info.resource, namespace, name, 'strategic', patch, { dryRun: dryRun === 'server' }));
        if (!patched.ok) {
          exit = failStatus(ctx, addSourceToErr('patching', source, patched.status));
          continue;
        }
        result = patched.object;
      }
    }
    ctx.io.out(printObjects([result], output, 'unstructured', operation, dryRun));
  }
  return exit;
}

/** withLastApplied is GetModifiedConfiguration: the object's own sorted JSON plus a newline. */
export function withLastApplied(obj: KubeObject): KubeObject {
  const annotations = { ...(obj.metadata?.annotations ?? {}) };
  delete annotations[LAST_APPLIED_ANNOTATION];
  const bare = { ...obj, metadata: { ...obj.metadata, annotations } };
  if (Object.keys(annotations).length === 0) delete (bare.metadata as { annotations?: unknown }).annotations;
  const json = `${marshalJsonCompact(marshalUnstructured(bare as unknown as JsonValue))}\n`;
  return { ...obj, metadata: { ...obj.metadata, annotations: { ...annotations, [LAST_APPLIED_ANNOTATION]: json } } };
}

/**
 * addSourceToErr is cmdutil.AddSourceToErr: the apiserver's message gains `error when creating
 * "STDIN": ` (an Invalid status is printed from its details, so it shows no prefix).
 */
export function addSourceToErr(verb: string, source: string, status: Status): Status {
  if (!source || status.reason === 'Invalid') return status;
  return { ...status, message: `error when ${verb} ${JSON.stringify(source)}: ${status.message ?? ''}` };
}
