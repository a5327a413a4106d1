import { parseAllDocuments } from 'yaml';
import type { KubeObject } from '../../api/object';
import { resourceForKind, type ResourceInfo } from '../../api/resources';
import type { Task } from '../../sim/task';
import { listFlag } from '../args/commandSpec';
import { marshalJsonCompact, type JsonValue } from '../printers/json';
import type { KubectlContext } from './context';
import { goYamlError } from './yamlErrors';

export type Manifests = { ok: true; manifests: KubeObject[]; sources: string[] } | { ok: false; exit: number };

/**
 * manifestsFromFiles reads -f: `-f -` is the command's stdin (a scenario step's `stdin:`), any
 * other path a file of the terminal's session (written with `>`), a directory its .json, .yaml
 * and .yml files in name order, as kubectl's builder visits them. Documents are YAML or JSON,
 * several per stream, and `kind: List` expands to its items. `sources` names each document's
 * file for error messages (`error when creating "web.yaml": ...`).
 */
export function* manifestsFromFiles(ctx: KubectlContext): Task<Manifests> {
  const files = ctx.cmd.flags['filename'] !== undefined ? listFlag(ctx.cmd, 'filename') : [];
  const manifests: KubeObject[] = [];
  const sources: string[] = [];
  for (const file of files) {
    // The simulated machines have no internet: fetching a URL fails at the DNS lookup, as
    // kubectl's URL visitor (net/http with Go's resolver) reports it on an offline node.
    const url = /^https?:\/\/([^/:?#]+)/.exec(file);
    if (url) {
      ctx.io.err(`error: Get "${file}": dial tcp: lookup ${url[1]} on 127.0.0.53:53: no such host\n`);
      return { ok: false, exit: 1 };
    }
    const inputs = file === '-' ? [{ name: 'STDIN', text: ctx.io.stdin }] : readPath(ctx, file);
    if (inputs === undefined) {
      ctx.io.err(`error: the path "${file}" does not exist\n`);
      return { ok: false, exit: 1 };
    }
    for (const input of inputs) {
      const parsed = parseManifests(input.text, input.name);
      if (typeof parsed === 'string') {
        ctx.io.err(parsed);
        return { ok: false, exit: 1 };
      }
      manifests.push(...parsed);
      sources.push(...parsed.map(() => input.name));
    }
  }
  return { ok: true, manifests, sources };
}

/** readPath reads a session file, or a directory's manifest files; undefined when nothing is there. */
function readPath(ctx: KubectlContext, path: string): Array<{ name: string; text: string }> | undefined {
  const session = ctx.env.shell;
  const content = session?.readFile(path);
  if (typeof content === 'string') return [{ name: path, text: content }];
  const entries = session?.listDirectory(path);
  if (!session || !entries) return undefined;
  const prefix = path.replace(/\/*$/, '/');
  return entries
    .filter((name) => /\.(json|ya?ml)$/.test(name))
    .flatMap((name) => {
      const text = session.readFile(`${prefix}${name}`);
      return typeof text === 'string' ? [{ name: `${prefix}${name}`, text }] : [];
    });
}

/**
 * manifestTarget is where a document goes: its resource and namespace (the file's, else the
 * command's; none for cluster-scoped kinds), and the document with that namespace set. A file namespace that contradicts an explicit -n is
 * kubectl's enforceNamespace error.
 */
export function manifestTarget(ctx: KubectlContext, manifest: KubeObject): { info: ResourceInfo; namespace: string | undefined; object: KubeObject } | { error: string } {
  const info = resourceForKind(manifest.kind ?? '')!;
  const fileNamespace = manifest.metadata?.namespace;
  if (ctx.explicitNamespace && fileNamespace && fileNamespace !== ctx.namespace) {
    return { error: `error: the namespace from the provided object "${fileNamespace}" does not match the namespace "${ctx.namespace}". You must pass '--namespace=${fileNamespace}' to perform this operation.` };
  }
  const namespace = info.namespaced ? (fileNamespace ?? ctx.namespace) : undefined;
  // object is the document as sent: with the namespace it goes to.
  return { info, namespace, object: { ...manifest, metadata: { ...manifest.metadata, ...(namespace ? { namespace } : {}) } } };
}

/** parseManifests returns the objects of a stream, or kubectl's error text for the first bad one. */
export function parseManifests(text: string, source: string): KubeObject[] | string {
  const out: KubeObject[] = [];
  for (const doc of parseAllDocuments(text, { prettyErrors: false })) {
    if (doc.errors.length > 0) {
      return `error: error parsing ${source}: error converting YAML to JSON: yaml: ${goYamlError(text, doc.errors[0])}\n`;
    }
    const value = doc.toJS() as unknown;
    if (value === null || value === undefined) continue;
    if (typeof value !== 'object' || Array.isArray(value)) {
      return `error: error parsing ${source}: error unmarshaling JSON: json: cannot unmarshal ${Array.isArray(value) ? 'array' : typeof value} into Go value of type map[string]interface {}\n`;
    }
    const obj = value as KubeObject & { items?: KubeObject[] };
    const problem = decodeProblem(obj, source);
    if (problem) return problem;
    if (obj.kind === 'List' || obj.kind?.endsWith('List')) out.push(...(obj.items ?? []));
    else out.push(obj);
  }
  return out;
}

function decodeProblem(obj: KubeObject, source: string): string | undefined {
  const json = marshalJsonCompact(obj as unknown as JsonValue);
  if (!obj.kind) return `error: unable to decode "${source}": Object 'Kind' is missing in '${json}'\n`;
  if (!obj.apiVersion) return `error: unable to decode "${source}": Object 'apiVersion' is missing in '${json}'\n`;
  if (obj.kind === 'List' || obj.kind.endsWith('List')) return undefined;
  const info = resourceForKind(obj.kind);
  const group = obj.apiVersion.includes('/') ? obj.apiVersion.split('/')[0] : '';
  if (!info || info.group !== group) {
    const ns = obj.metadata?.namespace ?? '';
    return `error: resource mapping not found for name: "${obj.metadata?.name ?? ''}" namespace: "${ns}" from "${source}": no matches for kind "${obj.kind}" in version "${obj.apiVersion}"\nensure CRDs are installed first\n`;
  }
  return undefined;
}
