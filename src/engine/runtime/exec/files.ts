// The files an exec'd command can read: what the kubelet mounts into every container (hosts,
// resolv.conf, hostname, the service account), the cgroup limits, and the files the container's
// own script created (shellFs). Everything else reads as absent.
import { KUBE_DNS_IP, searchList } from '../../proxy/dns';
import { resolveFrom } from '../paths';
import type { ContainerLayer } from './layer';

/** ContainerView is what the files are made from. */
export interface ContainerView {
  hostname: string;
  namespace: string;
  podIP: string;
  /** automountServiceAccountToken (default true). */
  serviceAccount: boolean;
  memoryLimitBytes?: number;
  /** cpuLimitMillis: the CPU limit, for cpu.max. */
  cpuLimitMillis?: number;
  /** scriptFiles: paths the container's script has created by now. */
  scriptFiles: ReadonlySet<string>;
  /** imageFiles: files of the image's own layers, by absolute path. */
  imageFiles?: Readonly<Record<string, string>>;
  /** workingDir: where relative paths start (the image's WORKDIR, else /). */
  workingDir?: string;
  /** layer: the container's writable layer (exec writes), read before the image's files. */
  layer?: ContainerLayer;
}

const SA_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

/**
 * managedHostsFile is the kubelet's /etc/hosts (kubelet_pods.go managedHostsFileContent): the
 * header, the loopback and IPv6 lines, then the pod's own IP and hostname.
 */
export function managedHostsFile(podIP: string, hostname: string): string {
  return [
    '# Kubernetes-managed hosts file.',
    '127.0.0.1\tlocalhost',
    '::1\tlocalhost ip6-localhost ip6-loopback',
    'fe00::0\tip6-localnet',
    'fe00::0\tip6-mcastprefix',
    'fe00::1\tip6-allnodes',
    'fe00::2\tip6-allrouters',
    `${podIP}\t${hostname}`,
    '',
  ].join('\n');
}

/** resolvConf is dnsPolicy ClusterFirst's resolv.conf: the cluster DNS, the search path, ndots:5. */
export function resolvConf(namespace: string): string {
  return `search ${searchList(namespace).join(' ')}\nnameserver ${KUBE_DNS_IP}\noptions ndots:5\n`;
}

/** readFile returns a file's content, `null` for a directory, undefined when absent. */
export function readFile(view: ContainerView, path: string): string | null | undefined {
  const normalized = absolutePath(view, path);
  const layer = view.layer;
  if (layer) {
    if (layer.hides(normalized)) return undefined;
    const written = layer.read(normalized);
    if (written !== undefined) return written;
    if (layer.hasDir(normalized)) return null;
  }
  const own = view.imageFiles?.[normalized];
  if (own !== undefined) return own;
  switch (normalized) {
    case '/etc/hosts': return managedHostsFile(view.podIP, view.hostname);
    case '/etc/resolv.conf': return resolvConf(view.namespace);
    case '/etc/hostname': return `${view.hostname}\n`;
    case '/sys/fs/cgroup/memory.max': return `${view.memoryLimitBytes ?? 'max'}\n`;
    case '/sys/fs/cgroup/cpu.max': return view.cpuLimitMillis ? `${view.cpuLimitMillis * 100} 100000\n` : 'max 100000\n';
  }
  if (view.serviceAccount) {
    if (normalized === `${SA_DIR}/namespace`) return view.namespace;
    if (normalized === SA_DIR) return null;
  }
  if (view.scriptFiles.has(normalized)) return '';
  if (DIRECTORIES.has(normalized)) return null;
  // A directory of the image's own files (/usr/share/nginx/html) exists too.
  const prefix = `${normalized}/`;
  if (Object.keys(view.imageFiles ?? {}).some((f) => f.startsWith(prefix))) return null;
  return undefined;
}

/** listDirectory names a directory's entries (sorted, as ls prints them). */
export function listDirectory(view: ContainerView, path: string): string[] | undefined {
  const normalized = absolutePath(view, path);
  if (normalized === SA_DIR && view.serviceAccount) return ['ca.crt', 'namespace', 'token'];
  if (readFile(view, normalized) !== null) return undefined;
  const base = normalized === '/' ? '/' : `${normalized}/`;
  // Every known path under the directory names one entry: its first component below it.
  const names = [...view.scriptFiles, ...Object.keys(view.imageFiles ?? {}), ...(view.layer?.paths() ?? [])]
    .filter((f) => f.startsWith(base) && f.length > base.length)
    .map((f) => f.slice(base.length).split('/')[0])
    .filter((name) => !view.layer?.hides(`${base}${name}`));
  return [...new Set([...(DIRECTORIES.get(normalized) ?? []), ...names])].filter((name) => !view.layer?.hides(`${base}${name}`)).sort();
}

/** absolutePath resolves a path against the container's working directory (its shell's cwd, else /). */
export function absolutePath(view: ContainerView, path: string): string {
  return resolveFrom(view.workingDir ?? '/', path);
}

const DIRECTORIES = new Map<string, string[]>([
  ['/', ['bin', 'dev', 'etc', 'home', 'lib', 'proc', 'root', 'run', 'sbin', 'sys', 'tmp', 'usr', 'var']],
  ['/etc', ['hostname', 'hosts', 'passwd', 'resolv.conf']],
  ['/tmp', []],
  ['/var', ['run']],
  ['/var/run', ['secrets']],
  ['/var/run/secrets', ['kubernetes.io']],
  ['/var/run/secrets/kubernetes.io', ['serviceaccount']],
  ['/sys/fs/cgroup', ['cgroup.controllers', 'cpu.max', 'memory.current', 'memory.max']],
]);

