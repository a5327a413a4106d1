import type { KubeObject, Stored } from '../../api/object';
import { findResource, resourceForKind } from '../../api/resources';
import { wait, type Task } from '../../sim/task';
import { boolFlag, numberFlag, stringFlag } from '../args/commandSpec';
import { resolveResourceArgs } from '../args/resourceArgs';
import type { DeleteOptions } from '../../apiserver/request';
import { statusErrorText } from './checkErr';
import { type KubectlContext } from './context';
import { manifestsFromFiles } from './manifests';
import { namespaceFor } from './targets';
import { waitFor } from './waitFor';

/**
 * delete mirrors pkg/cmd/delete: visit `TYPE NAME`, `TYPE/NAME`, `-l`, `--all` or `-f`; send
 * DELETE with the cascade policy (background by default) and grace period (--now = 1 s,
 * --grace-period=0 without --force becomes 1, --force = 0); print `deployment.apps "web" deleted`;
 * then, with --wait (default), wait until every deleted object is really gone.
 */
export function* deleteCommand(ctx: KubectlContext): Task<number> {
  const targets = yield* visit(ctx);
  if (!targets.ok) return targets.exit;
  if (targets.objects.length === 0) {
    ctx.io.out('No resources found\n');
    return 0;
  }
  const force = boolFlag(ctx.cmd, 'force');
  let grace = numberFlag(ctx.cmd, 'grace-period');
  if (boolFlag(ctx.cmd, 'now')) grace = 1;
  if (grace === 0 && !force) grace = 1;
  if (force && grace < 0) grace = 0;
  if (force) ctx.io.err('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n');
  const dryRun = stringFlag(ctx.cmd, 'dry-run');
  const cascade = stringFlag(ctx.cmd, 'cascade');
  const options: DeleteOptions & { dryRun?: boolean } = {
    propagationPolicy: cascade === 'foreground' ? 'Foreground' : cascade === 'orphan' || cascade === 'false' ? 'Orphan' : 'Background',
    ...(grace >= 0 ? { gracePeriodSeconds: grace } : {}),
    dryRun: dryRun === 'server',
  };
  const deleted: Array<{ resource: string; obj: Stored<KubeObject> }> = [];
  let exit = 0;
  for (const obj of targets.objects) {
    const info = resourceForKind(obj.kind ?? '')!;
    const suffix = dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '';
    const operation = `${grace === 0 ? 'force deleted' : 'deleted'}${suffix}`;
    if (dryRun !== 'client') {
      const result = yield* wait(ctx.client.delete(info.resource, obj.metadata.namespace, obj.metadata.name, options));
      if (!result.ok) {
        if (result.status.code === 404 && boolFlag(ctx.cmd, 'ignore-not-found')) continue;
        // ContinueOnError: the other objects are still deleted; the command fails at the end.
        ctx.io.err(statusErrorText(result.status));
        exit = 1;
        continue;
      }
      deleted.push({ resource: info.resource, obj: result.object });
    }
    const kindString = info.group ? `${info.kind.toLowerCase()}.${info.group}` : info.kind.toLowerCase();
    ctx.io.out(stringFlag(ctx.cmd, 'output') === 'name' ? `${kindString}/${obj.metadata.name}\n` : `${kindString} "${obj.metadata.name}" ${operation}\n`);
  }
  if (!boolFlag(ctx.cmd, 'wait') || dryRun !== 'none') return exit;
  const timeoutMs = numberFlag(ctx.cmd, 'timeout');
  for (const { resource, obj } of deleted) {
    const gone = yield* waitFor(ctx, resource, obj.metadata.namespace, obj.metadata.name, (o) => o === undefined || o.metadata.uid !== obj.metadata.uid, timeoutMs);
    if (!gone) {
      ctx.io.err(`error: timed out waiting for the condition on ${resource}/${obj.metadata.name}\n`);
      return 1;
    }
  }
  return exit;
}

type Visited = { ok: true; objects: Stored<KubeObject>[] } | { ok: false; exit: number };

/** visit resolves what to delete; a missing named object stops the command (builder error). */
function* visit(ctx: KubectlContext): Task<Visited> {
  const files = yield* manifestsFromFiles(ctx);
  if (!files.ok) return files;
  const selector = stringFlag(ctx.cmd, 'selector');
  const fieldSelector = stringFlag(ctx.cmd, 'field-selector');
  const all = boolFlag(ctx.cmd, 'all');
  const objects: Stored<KubeObject>[] = [];
  const named: Array<{ plural: string; namespaced: boolean; name: string }> = files.manifests.map((m) => {
    const info = resourceForKind(m.kind ?? '');
    return { plural: info?.resource ?? '', namespaced: info?.namespaced ?? true, name: m.metadata?.name ?? '' };
  });
  if (files.manifests.length === 0) {
    const selection = resolveResourceArgs(ctx.cmd.positionals, { selector: selector !== '' || fieldSelector !== '' || all });
    if (selection instanceof Error) {
      ctx.io.err(`error: ${selection.message}\n`);
      return { ok: false, exit: 1 };
    }
    if (selection.kind === 'selector') {
      for (const type of selection.types) {
        const listed = yield* wait(ctx.client.list(type.plural, namespaceFor(ctx, type), { labelSelector: selector || undefined, fieldSelector: fieldSelector || undefined }));
        if (!listed.ok) return { ok: false, exit: fail(ctx, statusErrorText(listed.status)) };
        objects.push(...listed.object.items);
      }
      return { ok: true, objects };
    }
    named.push(...selection.items.map((i) => ({ plural: i.type.plural, namespaced: i.type.namespaced, name: i.name })));
  }
  // Named objects are not fetched first (the builder's RequireObject(false)): the DELETE answers
  // for them, NotFound and Forbidden included.
  for (const item of named) {
    const kind = findResource(item.plural)?.kind ?? '';
    objects.push({ kind, metadata: { name: item.name, ...(item.namespaced ? { namespace: ctx.namespace } : {}) } } as Stored<KubeObject>);
  }
  return { ok: true, objects };
}

function fail(ctx: KubectlContext, text: string): number {
  ctx.io.err(text);
  return 1;
}
