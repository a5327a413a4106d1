// crictl's table output (cri-tools v1.32 cmd/crictl: container.go, sandbox.go, image.go): a Go
// tabwriter with minwidth 20 and padding 3, IDs cut to 13 characters, newest first.
import { formatTabbed } from '../kubectl/printers/table/tabwriter';
import type { ContainerRuntime } from '../runtime/containerRuntime';
import type { ContainerRecord, PodSandbox } from '../runtime/types';
import { humanDuration, humanSize } from './goUnits';

const CRICTL_TABWRITER = { minWidth: 20, padding: 3 };
const TRUNCATED_ID_LEN = 13;

export const truncatedID = (id: string, prefix = '') => (id.startsWith(prefix) ? id.slice(prefix.length) : id).slice(0, TRUNCATED_ID_LEN);

const table = (rows: string[][]) => formatTabbed(rows.map((r) => r.join('\t')).join('\n') + '\n', CRICTL_TABWRITER);

const CONTAINER_STATES: Record<ContainerRecord['state'], string> = { CONTAINER_CREATED: 'Created', CONTAINER_RUNNING: 'Running', CONTAINER_EXITED: 'Exited' };
const SANDBOX_STATES: Record<PodSandbox['state'], string> = { SANDBOX_READY: 'Ready', SANDBOX_NOTREADY: 'NotReady' };

export interface ListOptions {
  all?: boolean;
  quiet?: boolean;
  noTrunc?: boolean;
  name?: RegExp;
  namespace?: RegExp;
  pod?: string;
  state?: string;
  latest?: boolean;
}

/** containerImageId: the image ID the kubelet created the container from (ListContainers' image). */
function containerImageId(runtime: ContainerRuntime, c: ContainerRecord): string {
  return runtime.images.status(c.imageRef)?.id ?? c.imageRef;
}

export function listContainers(runtime: ContainerRuntime, nowMs: number, options: ListOptions): string {
  const state = options.state?.toLowerCase();
  let containers = runtime
    .listContainers()
    .filter((c) => (options.all || options.latest || state ? true : c.state === 'CONTAINER_RUNNING'))
    .filter((c) => !state || CONTAINER_STATES[c.state].toLowerCase() === state)
    .filter((c) => !options.pod || c.sandboxId.startsWith(options.pod))
    .filter((c) => (!options.name || options.name.test(c.name)) && (!options.namespace || options.namespace.test(c.podNamespace)))
    .sort((a, b) => b.createdAtMs - a.createdAtMs);
  if (options.latest) containers = containers.slice(0, 1);
  if (options.quiet) return containers.map((c) => `${c.id}\n`).join('');
  const rows = [['CONTAINER', 'IMAGE', 'CREATED', 'STATE', 'NAME', 'ATTEMPT', 'POD ID', 'POD', 'NAMESPACE']];
  for (const c of containers) {
    const image = containerImageId(runtime, c);
    rows.push([
      options.noTrunc ? c.id : truncatedID(c.id),
      options.noTrunc ? image : truncatedID(image, 'sha256:'),
      `${humanDuration(nowMs - c.createdAtMs)} ago`,
      CONTAINER_STATES[c.state],
      c.name,
      String(c.attempt),
      options.noTrunc ? c.sandboxId : truncatedID(c.sandboxId),
      c.podName,
      c.podNamespace,
    ]);
  }
  return table(rows);
}

export function listPods(runtime: ContainerRuntime, nowMs: number, options: ListOptions): string {
  const state = options.state?.toLowerCase();
  let sandboxes = runtime
    .listSandboxes()
    .filter((s) => !state || SANDBOX_STATES[s.state].toLowerCase() === state)
    .filter((s) => (!options.name || options.name.test(s.name)) && (!options.namespace || options.namespace.test(s.namespace)))
    .sort((a, b) => b.createdAtMs - a.createdAtMs);
  if (options.latest) sandboxes = sandboxes.slice(0, 1);
  if (options.quiet) return sandboxes.map((s) => `${s.id}\n`).join('');
  const rows = [['POD ID', 'CREATED', 'STATE', 'NAME', 'NAMESPACE', 'ATTEMPT', 'RUNTIME']];
  for (const s of sandboxes) {
    rows.push([options.noTrunc ? s.id : truncatedID(s.id), `${humanDuration(nowMs - s.createdAtMs)} ago`, SANDBOX_STATES[s.state], s.name, s.namespace, String(s.attempt), '(default)']);
  }
  return table(rows);
}

export function listImages(runtime: ContainerRuntime, options: { quiet?: boolean; noTrunc?: boolean; digests?: boolean }): string {
  const images = runtime.images.list().sort((a, b) => (a.repoTags[0] ?? a.id).localeCompare(b.repoTags[0] ?? b.id));
  if (options.quiet) return images.map((i) => `${i.id}\n`).join('');
  const rows = [['IMAGE', 'TAG', ...(options.digests ? ['DIGEST'] : []), 'IMAGE ID', 'SIZE']];
  for (const image of images) {
    const [name, digest] = image.repoDigests[0]?.split('@') ?? ['<none>', '<none>'];
    const id = options.noTrunc ? image.id : truncatedID(image.id, 'sha256:');
    const shownDigest = options.noTrunc ? digest : truncatedID(digest, 'sha256:');
    const pairs = image.repoTags.length > 0 ? image.repoTags.map((t) => [t.slice(0, t.lastIndexOf(':')), t.slice(t.lastIndexOf(':') + 1)]) : [[name, '<none>']];
    for (const [repo, tag] of pairs) rows.push([repo, tag, ...(options.digests ? [shownDigest] : []), id, humanSize(image.sizeBytes)]);
  }
  return table(rows);
}
