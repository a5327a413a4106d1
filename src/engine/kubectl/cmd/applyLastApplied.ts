// `kubectl apply view-last-applied | set-last-applied | edit-last-applied` (v1.32): the
// last-applied-configuration annotation that `kubectl apply`'s three-way merge starts from.
// Mirrors staging/src/k8s.io/kubectl/pkg/cmd/apply/apply_{view,set,edit}_last_applied.go.
import type { KubeObject } from '../../api/object';
import { wait, type Task } from '../../sim/task';
import { boolFlag, stringFlag } from '../args/commandSpec';
import { LAST_APPLIED_ANNOTATION } from '../generate';
import { printYaml } from '../printers/yaml';
import { withLastApplied } from './apply';
import { fail, failStatus, type KubectlContext } from './context';
import { edit } from './edit';
import { manifestsFromFiles, manifestTarget } from './manifests';
import { printObjects } from './output';
import { fetchTargets } from './targets';

export function* lastApplied(ctx: KubectlContext): Task<number> {
  const sub = ctx.cmd.path[1];
  if (sub === 'edit-last-applied') return yield* edit(ctx, true);
  if (sub === 'set-last-applied') return yield* setLastApplied(ctx);
  return yield* viewLastApplied(ctx);
}

/** viewLastApplied prints each annotation as YAML (JSONToYAML) or as indented JSON. */
function* viewLastApplied(ctx: KubectlContext): Task<number> {
  const output = stringFlag(ctx.cmd, 'output') || 'yaml';
  const words = [...ctx.cmd.positionals];
  if (ctx.cmd.flags['filename'] !== undefined && (ctx.cmd.flags['filename'] as string[]).length > 0) {
    const files = yield* manifestsFromFiles(ctx);
    if (!files.ok) return files.exit;
    for (const m of files.manifests) {
      const target = manifestTarget(ctx, m);
      if ('error' in target) return fail(ctx, target.error);
      words.push(`${target.info.resource}/${m.metadata?.name ?? ''}`);
    }
  }
  const targets = yield* fetchTargets(ctx, words, { allowSelector: true });
  if (!targets.ok) return targets.exit;
  const configs: string[] = [];
  for (const obj of targets.objects) {
    // Upstream builds the "no annotation" error with AddSourceToErr over a nil error, which
    // yields nil: an object without one is silently skipped.
    const config = obj.metadata.annotations?.[LAST_APPLIED_ANNOTATION];
    if (config !== undefined) configs.push(config);
  }
  if (output !== 'yaml' && output !== 'json') {
    return fail(ctx, `error: Unexpected -o output mode: ${output}, the flag 'output' must be one of yaml|json\nSee 'kubectl apply view-last-applied -h' for help and examples\n`);
  }
  for (const config of configs) ctx.io.out(output === 'json' ? indentJson(config, '  ') : printYaml(JSON.parse(config)));
  return 0;
}

/** setLastApplied makes the annotation the file's content, as `kubectl apply` would record it. */
function* setLastApplied(ctx: KubectlContext): Task<number> {
  const files = yield* manifestsFromFiles(ctx);
  if (!files.ok) return files.exit;
  const create = boolFlag(ctx.cmd, 'create-annotation');
  const dryRun = stringFlag(ctx.cmd, 'dry-run');
  for (const manifest of files.manifests) {
    const target = manifestTarget(ctx, manifest);
    if ('error' in target) return fail(ctx, target.error);
    const { info, namespace } = target;
    const name = manifest.metadata?.name ?? '';
    const live = yield* wait(ctx.client.get(info.resource, namespace, name));
    if (!live.ok) return failStatus(ctx, live.status);
    if (live.object.metadata.annotations?.[LAST_APPLIED_ANNOTATION] === undefined && !create) {
      return fail(ctx, `error: no last-applied-configuration annotation found on resource: ${name}, to create the annotation, run the command with --create-annotation\n`);
    }
    const config = withLastApplied(target.object).metadata?.annotations?.[LAST_APPLIED_ANNOTATION] ?? '';
    let shown: KubeObject = live.object;
    if (dryRun !== 'client') {
      const patch = { metadata: { annotations: { [LAST_APPLIED_ANNOTATION]: config } } };
      const answer = yield* wait(ctx.client.patch(info.resource, namespace, name, 'merge', patch, { dryRun: dryRun === 'server' }));
      if (!answer.ok) return failStatus(ctx, answer.status);
      shown = answer.object;
    }
    ctx.io.out(printObjects([shown], stringFlag(ctx.cmd, 'output'), 'unstructured', 'configured', dryRun === 'client' ? 'client' : dryRun === 'server' ? 'server' : 'none'));
  }
  return 0;
}

/** indentJson is Go's json.Indent: the text's own tokens (escapes kept as written), re-spaced. */
export function indentJson(text: string, indent: string): string {
  let out = '';
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      out += c;
      if (c === '\\') out += text[++i];
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') {
      inString = true;
      out += c;
    } else if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      if (text[i + 1] === close) {
        out += c + close;
        i++;
      } else out += `${c}\n${indent.repeat(++depth)}`;
    } else if (c === '}' || c === ']') out += `\n${indent.repeat(--depth)}${c}`;
    else if (c === ',') out += `,\n${indent.repeat(depth)}`;
    else if (c === ':') out += ': ';
    else if (c === ' ' || c === '\t' || c === '\r') continue;
    else out += c;
  }
  return out;
}
