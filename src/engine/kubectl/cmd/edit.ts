// Mirrors staging/src/k8s.io/kubectl/pkg/cmd/util/editor/editoptions.go (EditOptions.Run in
// NormalEditMode, v1.32): fetch the latest objects, hand them to $KUBE_EDITOR / $EDITOR / vi in a
// temporary file, and PATCH what changed (a strategic merge patch per object, as
// visitToPatch computes it). A save that fails to parse or that the server rejects as invalid
// reopens the file with the reasons in its header; saving it unchanged again gives up.
import { parseDocument } from 'yaml';
import type { KubeObject, Stored } from '../../api/object';
import { groupResource, resourceForKind } from '../../api/resources';
import type { Status } from 'kubernetes-types/meta/v1';
import { wait, type Task } from '../../sim/task';
import { boolFlag, stringFlag } from '../args/commandSpec';
import { LAST_APPLIED_ANNOTATION, marshalUnstructured } from '../generate';
import { marshalJsonCompact, printJson, type JsonValue } from '../printers/json';
import { printYaml } from '../printers/yaml';
import { fail, type KubectlContext } from './context';
import { editHeader, hasLines, manualStrip, type EditReason } from './editFile';
import { launchEditor } from './editorLaunch';
import { manifestsFromFiles, parseManifests } from './manifests';
import { createTwoWayMergePatch } from './mergePatch';
import { printObjects } from './output';
import { fetchTargets } from './targets';

/** Results of one save: objects to edit again, and failures that end the command. */
interface EditResults {
  reasons: EditReason[];
  retryable: number;
  notFound: number;
  again: number;
  file: string;
}

/**
 * edit is `kubectl edit`; with `lastApplied` it is `kubectl apply edit-last-applied`
 * (ApplyEditMode): the objects' last-applied-configuration annotations are edited instead, and a
 * change is saved as a merge patch of the annotation.
 */
export function* edit(ctx: KubectlContext, lastApplied = false): Task<number> {
  const subresource = lastApplied ? '' : stringFlag(ctx.cmd, 'subresource');
  if (subresource && subresource !== 'status') return fail(ctx, `invalid subresource value: "${subresource}". Must be one of [status]`);
  const output = stringFlag(ctx.cmd, 'output');
  const json = output === 'json';
  const targets = yield* editTargets(ctx);
  if (!targets) return 1;
  if (targets.length === 0) return fail(ctx, 'edit cancelled, no objects found');
  const originals = lastApplied ? lastAppliedOf(targets) : targets;
  if (originals.length === 0) return fail(ctx, 'no last-applied-configuration annotation found on resources, to create the annotation, use command `kubectl apply set-last-applied --create-annotation`');
  const shown = originals.map(withoutManagedFields);
  const document = marshalUnstructured((shown.length === 1 ? shown[0] : { apiVersion: 'v1', items: shown, kind: 'List', metadata: {} }) as unknown as JsonValue);
  const original = (json ? '' : editHeader([], lastApplied)) + (json ? printJson(document) : printYaml(document));
  let results: EditResults = { reasons: [], retryable: 0, notFound: 0, again: 0, file: '' };
  let edited = '';
  let containsError = false;
  for (;;) {
    const text = containsError ? editHeader(results.reasons, lastApplied) + manualStrip(edited) : original;
    const previous = edited;
    const launched = yield* launchEditor(ctx, json ? '.json' : '.yaml', text);
    if ('error' in launched) return preserved(ctx, launched.error, results.file);
    edited = launched.text;
    if (containsError && stripComments(previous) === stripComments(edited)) return preserved(ctx, 'Edit cancelled, no valid changes were saved.', launched.file);
    if (results.file && results.file !== launched.file) ctx.env.shell?.files.delete(results.file);
    if (stripComments(original) === stripComments(edited)) {
      ctx.env.shell?.files.delete(launched.file);
      ctx.io.err('Edit cancelled, no changes made.\n');
      return 0;
    }
    if (!hasLines(edited)) {
      ctx.env.shell?.files.delete(launched.file);
      ctx.io.err('Edit cancelled, saved file was empty.\n');
      return 0;
    }
    results = { reasons: [], retryable: 0, notFound: 0, again: 0, file: launched.file };
    const updated = parseManifests(edited, 'edited-file');
    if (typeof updated === 'string') {
      // A syntax error: the file comes back with the parser's complaint on top.
      containsError = true;
      results.reasons.push({ head: `The edited file had a syntax error: ${updated.replace(/^error: /, '').trimEnd()}`, other: [] });
      continue;
    }
    containsError = false;
    for (const obj of updated) {
      const ns = obj.metadata?.namespace;
      if (ns && resourceForKind(obj.kind ?? '')?.namespaced && ns !== ctx.namespace) {
        return preserved(ctx, `the namespace from the provided object "${ns}" does not match the namespace "${ctx.namespace}". You must pass '--namespace=${ns}' to perform this operation.`, launched.file);
      }
    }
    const patched = lastApplied ? yield* visitToApplyEditPatch(ctx, shown, updated, results) : yield* visitToPatch(ctx, shown, updated, results, subresource);
    if (typeof patched === 'string') return preserved(ctx, patched, launched.file);
    if (results.retryable > 0) {
      ctx.io.err(`You can run \`kubectl replace -f ${launched.file}\` to try this update again.\n`);
      return 1;
    }
    if (results.notFound > 0) {
      ctx.io.err(`The edits you made on deleted resources have been saved to "${launched.file}"\n`);
      return 1;
    }
    if (results.again === 0) {
      ctx.env.shell?.files.delete(launched.file);
      return 0;
    }
    containsError = results.reasons.length > 0;
  }
}

/** editTargets GETs the named objects (or those of -f) at their latest version, without the fields the editor hides. */
function* editTargets(ctx: KubectlContext): Task<Stored<KubeObject>[] | undefined> {
  const words = [...ctx.cmd.positionals];
  if (ctx.cmd.flags['filename'] !== undefined && (ctx.cmd.flags['filename'] as string[]).length > 0) {
    const files = yield* manifestsFromFiles(ctx);
    if (!files.ok) return undefined;
    for (const m of files.manifests) {
      const info = resourceForKind(m.kind ?? '');
      if (info) words.push(`${groupResource(info)}/${m.metadata?.name ?? ''}`);
    }
  }
  const targets = yield* fetchTargets(ctx, words, { allowSelector: false });
  return targets.ok ? targets.objects : undefined;
}

/** visitToPatch sends each changed object its patch; it returns an error that ends the edit. */
function* visitToPatch(ctx: KubectlContext, originals: KubeObject[], updated: KubeObject[], results: EditResults, subresource: string): Task<string | undefined> {
  for (const obj of updated) {
    const original = originals.find((o) => o.metadata?.uid === obj.metadata?.uid);
    if (!original) return `no original object found for ${marshalJsonCompact(obj as unknown as JsonValue)}`;
    const info = resourceForKind(original.kind ?? '')!;
    const before = normalized(original);
    const after = normalized(obj);
    if (before === after) {
      ctx.io.out(printObjects([obj], '', 'unstructured', 'skipped'));
      continue;
    }
    if (obj.apiVersion !== original.apiVersion || obj.kind !== original.kind || obj.metadata?.name !== original.metadata?.name || 'managedFields' in (obj.metadata ?? {})) {
      return 'At least one of apiVersion, kind and name was changed';
    }
    const patch = createTwoWayMergePatch(JSON.parse(before), JSON.parse(after), info.kind) ?? {};
    if (boolFlag(ctx.cmd, 'output-patch')) ctx.io.out(`Patch: ${normalized(patch)}\n`);
    const answer = yield* wait(
      ctx.client.patch(info.resource, original.metadata?.namespace, original.metadata?.name ?? '', 'strategic', patch, {
        fieldManager: stringFlag(ctx.cmd, 'field-manager'),
        subresource: (subresource || undefined) as 'status' | undefined,
      }),
    );
    if (!answer.ok) {
      ctx.io.err(`${addError(results, answer.status, `${groupResource(info)} "${original.metadata?.name ?? ''}"`)}\n`);
      continue;
    }
    ctx.io.out(printObjects([answer.object], stringFlag(ctx.cmd, 'output'), 'unstructured', 'edited'));
  }
  return undefined;
}

/** lastAppliedOf: the objects' last-applied configurations (those that have one). */
function lastAppliedOf(objects: readonly KubeObject[]): KubeObject[] {
  return objects.flatMap((o) => {
    const text = o.metadata?.annotations?.[LAST_APPLIED_ANNOTATION];
    return text ? [JSON.parse(text) as KubeObject] : [];
  });
}

/**
 * visitToApplyEditPatch saves each changed configuration into its object's annotation (a JSON
 * merge patch, the JSON without a final newline). Objects pair up by uid, which configurations
 * do not have: every edited one is compared with the first, as upstream does.
 */
function* visitToApplyEditPatch(ctx: KubectlContext, originals: KubeObject[], updated: KubeObject[], results: EditResults): Task<string | undefined> {
  for (const obj of updated) {
    const original = originals.find((o) => o.metadata?.uid === obj.metadata?.uid);
    if (!original) return `no original object found for ${marshalJsonCompact(obj as unknown as JsonValue)}`;
    if (normalized(original) === normalized(obj)) {
      ctx.io.out(printObjects([obj], '', 'unstructured', 'skipped'));
      continue;
    }
    const info = resourceForKind(obj.kind ?? '');
    if (!info) return `no matches for kind "${obj.kind ?? ''}" in version "${obj.apiVersion ?? ''}"`;
    const patch = { metadata: { annotations: { [LAST_APPLIED_ANNOTATION]: normalized(obj) } } };
    const name = obj.metadata?.name ?? '';
    const answer = yield* wait(ctx.client.patch(info.resource, info.namespaced ? ctx.namespace : undefined, name, 'merge', patch, { fieldManager: stringFlag(ctx.cmd, 'field-manager') }));
    if (!answer.ok) {
      ctx.io.err(`${addError(results, answer.status, `${groupResource(info)} "${name}"`)}\n`);
      continue;
    }
    ctx.io.out(printObjects([answer.object], stringFlag(ctx.cmd, 'output'), 'unstructured', 'edited'));
  }
  return undefined;
}

/** addError files a failed PATCH as editResults.addError does: invalid ones are edited again. */
function addError(results: EditResults, status: Status, name: string): string {
  if (status.reason === 'Invalid') {
    results.again++;
    results.reasons.push({ head: `${name} was not valid`, other: (status.details?.causes ?? []).map((c) => `${c.field ?? ''}: ${c.message ?? ''}`) });
    return `error: ${name} is invalid`;
  }
  if (status.reason === 'NotFound') {
    results.notFound++;
    return `error: ${name} could not be found on the server`;
  }
  results.retryable++;
  return `error: ${name} could not be patched: ${status.message ?? ''}`;
}

/** preserved ends the edit with an error, telling where the file with the changes is kept. */
function preserved(ctx: KubectlContext, message: string, file: string): number {
  if (file && ctx.env.shell?.readFile(file) !== undefined) ctx.io.err(`A copy of your changes has been stored to "${file}"\n`);
  return fail(ctx, message);
}

/** stripComments compares saves as kubectl does: as JSON when the text parses, else without its comment lines. */
function stripComments(text: string): string {
  const doc = parseDocument(text, { prettyErrors: false });
  return doc.errors.length > 0 ? manualStrip(text) : normalized(doc.toJS());
}

/** normalized is an object's JSON with sorted keys (Go's encoding of a map). */
function normalized(value: unknown): string {
  return marshalJsonCompact(marshalUnstructured(value as JsonValue));
}

function withoutManagedFields(obj: KubeObject): KubeObject {
  if (!obj.metadata || !('managedFields' in obj.metadata)) return obj;
  const { managedFields: _managedFields, ...metadata } = obj.metadata;
  return { ...obj, metadata };
}
