// Mirrors staging/src/k8s.io/kubectl/pkg/cmd/patch/patch.go in v1.32.
import { parseDocument } from 'yaml';
import type { ApiRequest, PatchType } from '../../apiserver/request';
import { resourceForKind } from '../../api/resources';
import { wait, type Task } from '../../sim/task';
import { boolFlag, stringFlag } from '../args/commandSpec';
import { failStatus, type KubectlContext } from './context';
import { printObjects } from './output';
import { fetchTargets } from './targets';

/**
 * patch sends -p (JSON or YAML, converted to JSON as yaml.ToJSON does) to each named object as a
 * strategic merge, JSON merge or JSON patch, and prints `deployment.apps/web patched`, or
 * `patched (no change)` when the server changed nothing.
 */
export function* patch(ctx: KubectlContext): Task<number> {
  const { cmd } = ctx;
  if (cmd.flags['filename'] !== undefined && (cmd.flags['filename'] as string[]).length > 0) {
    ctx.io.err('error: kubectl patch -f is not supported by this simulator; name the object: kubectl patch TYPE NAME -p PATCH\n');
    return 1;
  }
  if (boolFlag(cmd, 'local')) {
    ctx.io.err('error: kubectl patch --local is not supported by this simulator\n');
    return 1;
  }
  const patchFile = stringFlag(cmd, 'patch-file');
  // --patch-file reads a file of the terminal's machine (written with `>` or an editor).
  const fromFile = patchFile ? ctx.env.shell?.readFile(patchFile) : undefined;
  if (patchFile && typeof fromFile !== 'string') {
    ctx.io.err(`error: unable to read patch file: ${fromFile === null ? `read ${patchFile}: is a directory` : `open ${patchFile}: no such file or directory`}\n`);
    return 1;
  }
  const text = fromFile ?? stringFlag(cmd, 'patch');
  const data = toJson(text);
  if (data instanceof Error) {
    ctx.io.err(`error: unable to parse "${text}": ${data.message}\n`);
    return 1;
  }
  const type = stringFlag(cmd, 'type').toLowerCase() as PatchType;
  const targets = yield* fetchTargets(ctx, cmd.positionals, { allowSelector: false });
  if (!targets.ok) return targets.exit;
  const dryRun = stringFlag(cmd, 'dry-run');
  const subresource = (stringFlag(cmd, 'subresource') || undefined) as ApiRequest['subresource'];
  let exit = 0;
  for (const obj of targets.objects) {
    const resource = resourceForKind(obj.kind ?? '')?.resource ?? '';
    const result = yield* wait(ctx.client.patch(resource, obj.metadata.namespace, obj.metadata.name, type, data, { subresource, dryRun: dryRun === 'server', fieldManager: stringFlag(cmd, 'field-manager') }));
    if (!result.ok) {
      exit = failStatus(ctx, result.status);
      continue;
    }
    const changed = result.object.metadata.resourceVersion !== obj.metadata.resourceVersion;
    const shown = dryRun === 'client' ? obj : result.object;
    const operation = changed || dryRun === 'server' ? 'patched' : 'patched (no change)';
    ctx.io.out(printObjects([shown], stringFlag(cmd, 'output'), 'unstructured', operation, dryRun === 'client' ? 'client' : dryRun === 'server' ? 'server' : 'none'));
  }
  return exit;
}

/** toJson is yaml.ToJSON: a JSON or YAML patch document as a value, or the parser's complaint. */
function toJson(text: string): unknown {
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0) {
    const error = doc.errors[0];
    const line = error.linePos ? `line ${error.linePos[0].line}: ` : '';
    return new Error(`yaml: ${line}${error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`);
  }
  return doc.toJS();
}
