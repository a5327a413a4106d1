import type { KubeObject, Stored } from '../../api/object';
import { resourceForKind } from '../../api/resources';
import { wait, type Task } from '../../sim/task';
import { checkErrAggregate } from '../args/errors';
import { generateFromCommand, type Generated } from '../generate';
import { renderGenerated } from '../generate/oracleHarness';
import type { JsonObject } from '../printers/json';
import { failStatus, type KubectlContext } from './context';
import { createTwoWayMergePatch } from './mergePatch';
import { printObjects } from './output';
import { recordChangeCause } from './record';
import { attachRun, wantsAttach } from './runAttach';
import { fetchTargets, resourceWords } from './targets';

/** Commands whose generator edits or reads an existing object (kubectl fetches it first). */
const ON_EXISTING = new Set(['expose', 'autoscale', 'set image', 'set resources', 'set env', 'label', 'annotate']);
/**
 * How the create subcommands wrap a failed Create (`fmt.Errorf("failed to create deployment:
 * %v", err)`): the server's Status then prints as a plain `error: ...` line.
 */
const CREATE_ERROR_CONTEXT: Record<string, (obj: KubeObject) => string> = {
  'create deployment': () => 'failed to create deployment: ',
  'create configmap': () => 'failed to create configmap: ',
  'create cronjob': () => 'failed to create cronjob: ',
  'create job': () => 'failed to create job: ',
  'create poddisruptionbudget': () => 'failed to create poddisruptionbudgets: ',
  'create priorityclass': () => 'failed to create priorityclass: ',
  'create quota': () => 'failed to create quota: ',
  'create secret generic': () => 'failed to create secret ',
  'create service clusterip': (obj) => `failed to create ${(obj.spec as { type?: string }).type} service: `,
  'create service nodeport': (obj) => `failed to create ${(obj.spec as { type?: string }).type} service: `,
  'create service loadbalancer': (obj) => `failed to create ${(obj.spec as { type?: string }).type} service: `,
  'create service externalname': (obj) => `failed to create ${(obj.spec as { type?: string }).type} service: `,
};

/** The ones among them that send a patch instead of creating a new object. */
const PATCHING = new Set(['set image', 'set resources', 'set env', 'label', 'annotate']);

/**
 * runGenerated is the Run of every command with a client-side generator (create *, run, expose,
 * autoscale, set *, label, annotate): build the object as kubectl does, then print it
 * (--dry-run=client, --local) or send it (create, or a two-way merge patch for edits) and print
 * the server's answer.
 */
export function* runGenerated(ctx: KubectlContext): Task<number> {
  const path = ctx.cmd.path.join(' ');
  const local = ctx.cmd.flags['local'] === true;
  const from = path === 'create job' ? String(ctx.cmd.flags['from'] ?? '') : '';
  if (from !== '' && !ctx.cmd.flags['image'] && ctx.cmd.args.length <= 1) {
    // create job --from=cronjob/NAME reads the CronJob first (the builder's GET), then copies its template.
    const targets = yield* fetchTargets(ctx, [from], { allowSelector: false });
    if (!targets.ok) return targets.exit;
    return yield* finish(ctx, path, generate(ctx, targets.objects[0]), undefined);
  }
  if (!ON_EXISTING.has(path) || local) return yield* finish(ctx, path, generate(ctx, undefined), undefined);
  const words = resourceWords(ctx);
  if (words instanceof Error) {
    ctx.io.err(`error: ${words.message}\n`);
    return 1;
  }
  const targets = yield* fetchTargets(ctx, path === 'expose' || path === 'autoscale' ? words.slice(0, 2) : words, { allowSelector: PATCHING.has(path) });
  if (!targets.ok) return targets.exit;
  let exit = 0;
  // The builder continues on error (ContinueOnError): an object that fails (a label clash) is
  // reported after the others, all together as CheckErr prints an aggregate.
  const failures: string[] = [];
  for (const source of targets.objects) {
    const result = generate(ctx, source);
    const message = result.kind === 'error' && !result.stdout ? /^error: ([^\n]*)\n$/.exec(result.stderr)?.[1] : undefined;
    if (message !== undefined) failures.push(message);
    else exit = Math.max(exit, yield* finish(ctx, path, result, source));
  }
  if (failures.length === 0) return exit;
  ctx.io.err(checkErrAggregate(failures));
  return 1;
}

function generate(ctx: KubectlContext, source: Stored<KubeObject> | undefined) {
  return generateFromCommand(ctx.cmd, {
    namespace: ctx.namespace,
    source: source as unknown as JsonObject | undefined,
    randomString: (n) => ctx.env.rng.string(n, 'bcdfghjklmnpqrstvwxz2456789'),
  });
}

function* finish(ctx: KubectlContext, path: string, result: ReturnType<typeof generate>, source: Stored<KubeObject> | undefined): Task<number> {
  if (result.kind === 'error') {
    if (result.stdout) ctx.io.out(result.stdout);
    ctx.io.err(result.stderr);
    return result.exitCode;
  }
  if (result.warnings) ctx.io.err(result.warnings);
  if (result.text !== undefined) ctx.io.out(result.text);
  const exit = result.dryRun === 'client' ? printClientSide(ctx, result) : yield* send(ctx, path, result, source);
  if (exit !== 0) return exit;
  if (result.error) {
    if (result.error.stdout) ctx.io.out(result.error.stdout);
    ctx.io.err(result.error.stderr);
    return result.error.exitCode;
  }
  return 0;
}

function printClientSide(ctx: KubectlContext, result: Generated): number {
  if (result.output === 'json' || result.output === 'yaml') ctx.io.out(renderGenerated(result, result.output));
  else ctx.io.out(printObjects(result.objects as unknown as KubeObject[], result.output, 'typed', result.operation, 'client'));
  return 0;
}

function* send(ctx: KubectlContext, path: string, result: Generated, source: Stored<KubeObject> | undefined): Task<number> {
  const dryRun = result.dryRun === 'server';
  const printed: KubeObject[] = [];
  for (const built of result.objects as unknown as KubeObject[]) {
    const generated = recordChangeCause(ctx.cmd, built);
    const info = resourceForKind(generated.kind ?? '');
    if (!info) return 1;
    const namespace = info.namespaced ? (generated.metadata?.namespace ?? ctx.namespace) : undefined;
    let answer;
    if (PATCHING.has(path) && source) {
      const patch = createTwoWayMergePatch(source, generated, info.kind);
      if (!patch) {
        printed.push(source);
        continue;
      }
      const type = path === 'label' || path === 'annotate' ? 'merge' : 'strategic';
      answer = yield* wait(ctx.client.patch(info.resource, namespace, source.metadata.name, type, patch, { dryRun }));
    } else {
      const obj = { ...generated, metadata: { ...generated.metadata, namespace } };
      answer = yield* wait(ctx.client.create(info.resource, obj, { dryRun }));
    }
    if (!answer.ok) {
      const context = CREATE_ERROR_CONTEXT[path]?.(generated);
      if (!context) return failStatus(ctx, answer.status);
      ctx.io.err(`error: ${context}${answer.status.message ?? ''}\n`);
      return 1;
    }
    if (path === 'run' && !dryRun && wantsAttach(ctx) && answer.object.kind === 'Pod') return yield* attachRun(ctx, answer.object as never);
    printed.push(answer.object);
  }
  const mode = PATCHING.has(path) && (path === 'label' || path === 'annotate') ? 'unstructured' : 'typed';
  ctx.io.out(printObjects(printed, result.output, mode, result.operation, result.dryRun));
  return 0;
}
