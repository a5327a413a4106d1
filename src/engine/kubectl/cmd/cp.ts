// `kubectl cp` (staging/src/k8s.io/kubectl/pkg/cmd/cp/cp.go, v1.32): a copy runs tar in the
// container through the exec endpoint. From a pod: `tar cf - SRC` there, unpacked here with the
// source's path stripped (tar's stderr goes to kubectl's stdout, so its "Removing leading `/'"
// shows there). To a pod: `test -d DEST` decides whether DEST is a directory to copy into, then
// `tar -xmf - -C DIR` unpacks what kubectl packed here.
import type { Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../../api/object';
import { terminalSession, type ShellSession } from '../../commands/bash/session';
import { decodeTar, encodeTar, type TarEntry } from '../../runtime/exec/tar';
import type { Task } from '../../sim/task';
import { stringFlag } from '../args/commandSpec';
import { fail, type KubectlContext } from './context';
import { execute } from './exec';
import { defaultContainer } from './podcmd';
import { fetchTargets } from './targets';

interface FileSpec {
  namespace?: string;
  pod?: string;
  file: string;
}

/** fileSpec is extractFileSpec: `[[namespace/]pod:]path`; undefined when it does not match. */
function fileSpec(arg: string): FileSpec | undefined {
  const colon = arg.indexOf(':');
  if (colon === 0) return undefined;
  if (colon < 0) return { file: arg };
  const pieces = arg.slice(0, colon).split('/');
  if (pieces.length > 2) return undefined;
  return pieces.length === 2 ? { namespace: pieces[0], pod: pieces[1], file: arg.slice(colon + 1) } : { pod: pieces[0], file: arg.slice(colon + 1) };
}

export function* cp(ctx: KubectlContext): Task<number> {
  const [src, dest] = ctx.cmd.args.map(fileSpec);
  if (!src || !dest) return fail(ctx, 'filespec must match the canonical format: [[namespace/]pod:]file/path');
  if (src.pod && dest.pod) return fail(ctx, 'one of src or dest must be a local file specification');
  if (!src.file || !dest.file) return fail(ctx, 'filepath can not be empty');
  if (src.pod) return yield* copyFromPod(ctx, src, dest.file);
  if (dest.pod) return yield* copyToPod(ctx, src.file, dest);
  return fail(ctx, 'one of src or dest must be a remote file specification');
}

/** inPod runs argv in the pod's container (-c, or the default one) as cp's exec does. */
function* inPod(ctx: KubectlContext, spec: FileSpec, argv: string[], stdin: string, errToOut: boolean) {
  const namespace = spec.namespace ?? ctx.namespace;
  const targets = yield* fetchTargets({ ...ctx, namespace }, [`pods/${spec.pod}`], { allowSelector: false });
  if (!targets.ok) return targets.exit;
  const pod = targets.objects[0] as Stored<Pod>;
  const say = (text: string) => (errToOut ? ctx.io.out(text) : ctx.io.err(text));
  const container = stringFlag(ctx.cmd, 'container') || defaultContainer(pod, say);
  const result = yield* execute({ ...ctx, namespace }, pod, container, argv, stdin);
  if (typeof result === 'number') return result;
  return { ...result, say };
}

function* copyFromPod(ctx: KubectlContext, src: FileSpec, destFile: string): Task<number> {
  const ran = yield* inPod(ctx, src, ['tar', 'cf', '-', src.file], '', true);
  if (typeof ran === 'number') return ran;
  if (ran.stderr) ran.say(ran.stderr);
  if (ran.exitCode !== 0) {
    ctx.io.err(`command terminated with exit code ${ran.exitCode}\n`);
    return ran.exitCode;
  }
  const entries = decodeTar(ran.stdout) ?? [];
  // The members are named as on the pod, without the leading slash; that prefix is stripped.
  const prefix = src.file.replace(/^\/+/, '').replace(/\/+$/, '');
  const local = terminalSession(ctx.env);
  const dest = local.resolvePath(destFile);
  for (const entry of entries) {
    const rest = entry.name.slice(prefix.length).replace(/^\/+/, '');
    const target = rest ? `${dest}/${rest}` : dest;
    // untarAll makes every member's directory (os.MkdirAll) before writing it.
    local.makeDirectories(entry.content === null ? target : target.slice(0, target.lastIndexOf('/')) || '/');
    if (entry.content !== null && !local.writeFile(target, entry.content, false)) return fail(ctx, `open ${target}: no such file or directory`);
  }
  return 0;
}

function* copyToPod(ctx: KubectlContext, srcFile: string, dest: FileSpec): Task<number> {
  const local = terminalSession(ctx.env);
  const src = local.resolvePath(srcFile);
  if (local.readFile(src) === undefined) return fail(ctx, `${srcFile} doesn't exist in local filesystem`);
  // checkDestinationIsDir: into a directory, the copy keeps its own name.
  const probe = yield* inPod(ctx, dest, ['test', '-d', dest.file], '', false);
  if (typeof probe === 'number') return probe;
  const target = (probe.exitCode === 0 ? `${dest.file.replace(/\/+$/, '')}/${baseOf(src)}` : dest.file).replace(/^\/\//, '/');
  const dir = target.includes('/') ? target.slice(0, target.lastIndexOf('/')) || '/' : '';
  const entries: TarEntry[] = [];
  pack(local, src, baseOf(target), entries);
  const ran = yield* inPod(ctx, dest, ['tar', '-xmf', '-', ...(dir ? ['-C', dir] : [])], encodeTar(entries), false);
  if (typeof ran === 'number') return ran;
  ctx.io.out(ran.stdout);
  if (ran.stderr) ctx.io.err(ran.stderr);
  if (ran.exitCode !== 0) {
    ctx.io.err(`command terminated with exit code ${ran.exitCode}\n`);
    return ran.exitCode;
  }
  return 0;
}

/** pack is makeTar/recursiveTar: the source file or tree, named from the destination's base name down. */
function pack(local: ShellSession, path: string, name: string, entries: TarEntry[]): void {
  const content = local.readFile(path);
  if (content === undefined) return;
  if (content !== null) {
    entries.push({ name, content });
    return;
  }
  const names = local.listDirectory(path) ?? [];
  if (names.length === 0) entries.push({ name, content: null });
  for (const child of names) pack(local, `${path}/${child}`, `${name}/${child}`, entries);
}

const baseOf = (path: string) => path.replace(/\/+$/, '').slice(path.replace(/\/+$/, '').lastIndexOf('/') + 1);
