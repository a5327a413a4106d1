import type { KubeObject, Stored } from '../../api/object';
import type { WatchEvent } from '../../apiserver/cacher/types';
import { Future } from '../../sim/future';
import { wait, type Task } from '../../sim/task';
import { boolFlag, listFlag, stringFlag } from '../args/commandSpec';
import { resolveResourceArgs } from '../args/resourceArgs';
import type { ResourceType } from '../args/resources';
import { ALL_CATEGORY, RESOURCES, noResourcesFound, printGet, type GetOptions, type PrintableResource, type ResourceObjects } from '../printers/table';
import { statusErrorText } from './checkErr';
import { failStatus, type KubectlContext } from './context';
import { printGeneric } from './genericTable';
import { getRaw } from './getRaw';
import { printObjects, qualifiedName } from './output';
import { namespaceFor } from './targets';
import { printTemplate, templateOutput } from './templateOutput';

interface Fetched {
  type: ResourceType;
  objects: Stored<KubeObject>[];
  resourceVersion?: string;
}

/**
 * get mirrors staging/src/k8s.io/kubectl/pkg/cmd/get/get.go: resolve the arguments (with the
 * `all` category), GET named objects or LIST types (namespace, -A, -l, --field-selector), then
 * print tables (server-side columns), -o json|yaml|name, and with -w keep printing changes.
 */
export function* get(ctx: KubectlContext): Task<number> {
  const cmd = ctx.cmd;
  if (cmd.changed.includes('raw')) return yield* getRaw(ctx);
  const labelSelector = stringFlag(cmd, 'selector') || undefined;
  const fieldSelector = stringFlag(cmd, 'field-selector') || undefined;
  const outputProblem = templateOutput(cmd);
  if (typeof outputProblem === 'string') {
    ctx.io.err(outputProblem);
    return 1;
  }
  const words = expandAll(cmd.positionals);
  const selection = resolveResourceArgs(words, { selector: Boolean(labelSelector || fieldSelector), allowEmptySelector: true });
  if (selection instanceof Error) {
    ctx.io.err(`error: ${selection.message}\n`);
    return 1;
  }
  const fetched: Fetched[] = [];
  let errors = '';
  if (selection.kind === 'names') {
    for (const item of selection.items) {
      const result = yield* wait(ctx.client.get(item.type.plural, namespaceFor(ctx, item.type), item.name));
      if (!result.ok) {
        if (!(result.status.code === 404 && boolFlag(cmd, 'ignore-not-found'))) errors += statusErrorText(result.status);
        continue;
      }
      const last = fetched[fetched.length - 1];
      if (last && last.type === item.type) last.objects.push(result.object);
      else fetched.push({ type: item.type, objects: [result.object] });
    }
  } else {
    for (const type of selection.types) {
      const listed = yield* wait(ctx.client.list(type.plural, namespaceFor(ctx, type), { labelSelector, fieldSelector }));
      if (!listed.ok) return failStatus(ctx, listed.status);
      fetched.push({ type, objects: listed.object.items, resourceVersion: listed.object.metadata.resourceVersion });
    }
  }
  const output = stringFlag(cmd, 'output');
  if (!boolFlag(cmd, 'watch-only')) errors += print(ctx, fetched, output, selection.kind === 'names', errors === '');
  if (errors) ctx.io.err(errors);
  if (!boolFlag(cmd, 'watch') && !boolFlag(cmd, 'watch-only')) return errors ? 1 : 0;
  return yield* watchChanges(ctx, fetched, { labelSelector, fieldSelector }, output);
}

/** print writes the fetched objects as -o says; it returns an error text a template failed with. */
function print(ctx: KubectlContext, fetched: Fetched[], output: string, named: boolean, noNotFound: boolean): string {
  const template = templateOutput(ctx.cmd);
  if (template && typeof template === 'object') {
    const objects = fetched.flatMap((f) => f.objects);
    const printed = printTemplate(template, objects, named && objects.length === 1);
    ctx.io.out(printed.stdout);
    return printed.stderr;
  }
  if (output === 'json' || output === 'yaml' || output === 'name') {
    const objects = fetched.flatMap((f) => f.objects);
    if (output === 'name') ctx.io.out(objects.map((o) => `${qualifiedName(o)}\n`).join(''));
    else if (objects.length > 0 || !named) ctx.io.out(printObjects(objects, output, 'unstructured', '', 'none', !(named && objects.length === 1)));
    return '';
  }
  const options = { ...tableOptions(ctx, output), withKind: fetched.length > 1 };
  // One table per requested type, in the order asked, a blank line between (get.go's printer
  // loop); kinds without a server-side printer get the generic NAME/AGE table.
  let stdout = '';
  for (const f of fetched) {
    const table = f.type.plural in RESOURCES
      ? printGet([{ resource: f.type.plural as PrintableResource, objects: f.objects } satisfies ResourceObjects], options).stdout
      : printGeneric(f.type, f.objects, options);
    if (table === '') continue;
    if (stdout !== '' && !options.noHeaders) stdout += '\n';
    stdout += table;
  }
  ctx.io.out(stdout);
  if (stdout === '' && noNotFound && !named) ctx.io.err(noResourcesFound(!options.allNamespaces && fetched.every((f) => f.type.namespaced), options.namespace));
  return '';
}

function tableOptions(ctx: KubectlContext, output: string): GetOptions {
  return {
    nowMs: ctx.env.sim.nowMs,
    wide: output === 'wide',
    showLabels: boolFlag(ctx.cmd, 'show-labels'),
    labelColumns: listFlag(ctx.cmd, 'label-columns'),
    allNamespaces: ctx.allNamespaces,
    noHeaders: boolFlag(ctx.cmd, 'no-headers'),
    namespace: ctx.namespace,
  };
}

/** watchChanges prints one row per watch event until interrupted (kubectl get -w). */
function* watchChanges(ctx: KubectlContext, fetched: Fetched[], selectors: { labelSelector?: string; fieldSelector?: string }, output: string): Task<number> {
  const forever = new Future<number>();
  for (const f of fetched) {
    const handle = ctx.client.watch(
      f.type.plural,
      { namespace: namespaceFor(ctx, f.type), resourceVersion: f.resourceVersion, ...selectors },
      (events: WatchEvent[]) => {
        for (const event of events) {
          if (event.type === 'ERROR') {
            ctx.io.err(statusErrorText(event.object));
            forever.resolve(1);
            return;
          }
          if (event.type === 'BOOKMARK') continue;
          printWatchRow(ctx, f.type, event.object, output);
        }
      },
    );
    ctx.io.onInterrupt(() => handle.stop());
  }
  return yield* wait(forever);
}

function printWatchRow(ctx: KubectlContext, type: ResourceType, obj: Stored<KubeObject>, output: string): void {
  if (output === 'json' || output === 'yaml' || output === 'name') {
    ctx.io.out(output === 'name' ? `${qualifiedName(obj)}\n` : printObjects([obj], output, 'unstructured'));
    return;
  }
  const options = { ...tableOptions(ctx, output), noHeaders: true };
  if (type.plural in RESOURCES) ctx.io.out(printGet([{ resource: type.plural as PrintableResource, objects: [obj] }], options).stdout);
  else ctx.io.out(printGeneric(type, [obj], options));
}

/** expandAll replaces the `all` category with its resource types (get.go / categories). */
function expandAll(words: string[]): string[] {
  if (words.length === 0) return words;
  const types = words[0].split(',');
  if (!types.includes('all')) return words;
  const expanded = types.flatMap((t) => (t === 'all' ? ALL_CATEGORY : [t]));
  return [[...new Set(expanded)].join(','), ...words.slice(1)];
}
