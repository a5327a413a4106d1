import type { KubeObject, Stored } from '../../api/object';
import { findResource } from '../../api/resources';
import { wait, type Task } from '../../sim/task';
import { listFlag, stringFlag } from '../args/commandSpec';
import { getResourcesAndPairs, splitEnvironmentFromResources } from '../args/pairs';
import { resolveResourceArgs } from '../args/resourceArgs';
import type { ResourceType } from '../args/resources';
import { failStatus, type KubectlContext } from './context';

export type Targets = { ok: true; objects: Stored<KubeObject>[] } | { ok: false; exit: number };

/** resourceWords picks the resource arguments of a command that also takes pairs (set, label…). */
export function resourceWords(ctx: KubectlContext): string[] | Error {
  const path = ctx.cmd.path.join(' ');
  const args = ctx.cmd.positionals;
  if (path === 'set image') return pairsSplit(args, 'image');
  if (path === 'label') return pairsSplit(args, 'label');
  if (path === 'annotate') return pairsSplit(args, 'annotation');
  if (path === 'set env') return splitEnvironmentFromResources(args)?.resources ?? new Error('all resources must be specified before environment changes');
  return args;
}

function pairsSplit(args: string[], pairType: string): string[] | Error {
  const split = getResourcesAndPairs(args, pairType);
  return split instanceof Error ? split : split.resources;
}

/**
 * fetchTargets is the resource builder's visit: GET every `TYPE NAME` / `TYPE/NAME`, or LIST the
 * types with -l / --all, in the order given. The first failed GET ends the command with the
 * server's error, as kubectl does.
 */
export function* fetchTargets(ctx: KubectlContext, words: string[], options: { allowSelector: boolean }): Task<Targets> {
  const selector = options.allowSelector && ctx.cmd.flags['selector'] !== undefined ? stringFlag(ctx.cmd, 'selector') : '';
  const all = options.allowSelector && ctx.cmd.flags['all'] === true;
  const selection = resolveResourceArgs(words, { selector: selector !== '' || all });
  if (selection instanceof Error) {
    ctx.io.err(`error: ${selection.message}\n`);
    return { ok: false, exit: 1 };
  }
  const objects: Stored<KubeObject>[] = [];
  if (selection.kind === 'names') {
    for (const item of selection.items) {
      const result = yield* wait(ctx.client.get(item.type.plural, namespaceFor(ctx, item.type), item.name));
      if (!result.ok) return { ok: false, exit: failStatus(ctx, result.status) };
      objects.push(result.object);
    }
    return { ok: true, objects };
  }
  for (const type of selection.types) {
    const listed = yield* wait(ctx.client.list(type.plural, namespaceFor(ctx, type), { labelSelector: selector || undefined }));
    if (!listed.ok) return { ok: false, exit: failStatus(ctx, listed.status) };
    objects.push(...listed.object.items);
  }
  return { ok: true, objects };
}

/** namespaceFor: the request namespace for a type (none for cluster-scoped ones, none with -A). */
export function namespaceFor(ctx: KubectlContext, type: ResourceType | string): string | undefined {
  const namespaced = typeof type === 'string' ? (findResource(type)?.namespaced ?? true) : type.namespaced;
  if (!namespaced) return undefined;
  return ctx.allNamespaces ? undefined : ctx.namespace;
}

/** filenames returns -f values (kubectl's FilenameOptions). */
export function filenames(ctx: KubectlContext): string[] {
  return ctx.cmd.flags['filename'] !== undefined ? listFlag(ctx.cmd, 'filename') : [];
}
