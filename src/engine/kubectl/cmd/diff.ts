// Mirrors staging/src/k8s.io/kubectl/pkg/cmd/diff/diff.go (v1.32): for each object of -f, the
// live object (LIVE) and what `kubectl apply` would make of it (MERGED: the same three-way patch,
// sent as a server-side dry run; a dry-run create for a new object), printed as YAML into
// /tmp/LIVE-N and /tmp/MERGED-N and compared with `diff -u -N` (GNU diff's directory output).
// The exit status is diff's: 0 no differences, 1 differences.
import type { KubeObject } from '../../api/object';
import { diffStamp, diffTexts } from '../../commands/bash/utils/diff';
import { wait, type Task } from '../../sim/task';
import { boolFlag } from '../args/commandSpec';
import { LAST_APPLIED_ANNOTATION, marshalUnstructured } from '../generate';
import type { JsonValue } from '../printers/json';
import { printYaml } from '../printers/yaml';
import { withLastApplied } from './apply';
import { fail, failStatus, type KubectlContext } from './context';
import { manifestsFromFiles, manifestTarget } from './manifests';
import { createThreeWayMergePatch } from './mergePatch';

/** Masks of diff.go's Masker for a Secret's data. */
const MASK = '***';

export function* diff(ctx: KubectlContext): Task<number> {
  if (boolFlag(ctx.cmd, 'server-side')) return fail(ctx, 'kubectl diff --server-side is not simulated by k8sim yet (client-side apply is)');
  const files = yield* manifestsFromFiles(ctx);
  if (!files.ok) return files.exit;
  const versions = new Map<string, { live?: string; merged: string }>();
  for (const manifest of files.manifests) {
    const target = manifestTarget(ctx, manifest);
    if ('error' in target) return fail(ctx, target.error);
    const { info, namespace } = target;
    const name = manifest.metadata?.name ?? '';
    const modified = withLastApplied(target.object);
    const live = yield* wait(ctx.client.get(info.resource, namespace, name));
    if (!live.ok && live.status.code !== 404) return failStatus(ctx, live.status);
    let merged: KubeObject;
    if (!live.ok) {
      const created = yield* wait(ctx.client.create(info.resource, modified, { dryRun: true }));
      if (!created.ok) return failStatus(ctx, created.status);
      merged = created.object;
    } else {
      const lastApplied = live.object.metadata.annotations?.[LAST_APPLIED_ANNOTATION];
      const patch = createThreeWayMergePatch(lastApplied ? JSON.parse(lastApplied) : {}, modified, live.object, info.kind);
      merged = live.object;
      if (patch) {
        const patched = yield* wait(ctx.client.patch(info.resource, namespace, name, 'strategic', patch, { dryRun: true }));
        if (!patched.ok) return failStatus(ctx, patched.status);
        merged = patched.object;
      }
    }
    let from: KubeObject | undefined = live.ok ? live.object : undefined;
    let to = merged;
    if (info.kind === 'Secret') [from, to] = maskSecrets(from, to);
    const showManaged = boolFlag(ctx.cmd, 'show-managed-fields');
    versions.set(fileName(info.group, info.version, info.kind, namespace, name), {
      ...(from ? { live: yamlOf(from, showManaged) } : {}),
      merged: yamlOf(to, showManaged),
    });
  }
  const liveDir = `/tmp/LIVE-${ctx.env.rng.int(2 ** 32)}`;
  const mergedDir = `/tmp/MERGED-${ctx.env.rng.int(2 ** 32)}`;
  const now = diffStamp(ctx.env.epochMs + ctx.env.sim.nowMs);
  let status = 0;
  for (const name of [...versions.keys()].sort()) {
    const { live, merged } = versions.get(name)!;
    const paths: [string, string] = [`${liveDir}/${name}`, `${mergedDir}/${name}`];
    if (live === merged) continue;
    ctx.io.out(`diff -u -N ${paths[0]} ${paths[1]}\n`);
    const stamp = (file: string) => (file === paths[0] && live === undefined ? '1970-01-01 00:00:00.000000000 +0000' : now);
    status = Math.max(status, diffTexts(paths, [live ?? '', merged], { unified: 3, brief: false, newFile: true, stamp }, (t) => ctx.io.out(t)));
  }
  return status;
}

/** fileName is InfoObject.Name(): `apps.v1.Deployment.default.web`, `v1.Service.default.web`. */
function fileName(group: string, version: string, kind: string, namespace: string | undefined, name: string): string {
  return `${group ? `${group}.` : ''}${version}.${kind}.${namespace ?? ''}.${name}`;
}

/** yamlOf prints an object as diff.go's Printer does (sigs.k8s.io/yaml), without managedFields unless asked. */
function yamlOf(obj: KubeObject, showManagedFields: boolean): string {
  const metadata = { ...obj.metadata };
  if (!showManagedFields) delete (metadata as { managedFields?: unknown }).managedFields;
  return printYaml(marshalUnstructured({ ...obj, metadata } as unknown as JsonValue));
}

/** maskSecrets hides a Secret's values, marking the keys whose value changed (diff.go Masker). */
function maskSecrets(from: KubeObject | undefined, to: KubeObject): [KubeObject | undefined, KubeObject] {
  const before = (from as { data?: Record<string, string> } | undefined)?.data;
  const after = (to as { data?: Record<string, string> }).data;
  const maskedFrom: Record<string, string> = {};
  const maskedTo: Record<string, string> = {};
  for (const key of Object.keys(before ?? {})) {
    if (after && key in after && after[key] !== before![key]) {
      maskedFrom[key] = `${MASK} (before)`;
      maskedTo[key] = `${MASK} (after)`;
    } else {
      maskedFrom[key] = MASK;
      if (after && key in after) maskedTo[key] = MASK;
    }
  }
  for (const key of Object.keys(after ?? {})) if (!(key in maskedTo)) maskedTo[key] = MASK;
  return [from && before ? { ...from, data: maskedFrom } as KubeObject : from, after ? ({ ...to, data: maskedTo } as KubeObject) : to];
}
