// How containerd's CRI plugin builds a container's environment (pkg/cri/server
// container_create_linux.go, containerd 1.7): the default PATH, then HOSTNAME, then the image's
// ENV, then the kubelet's variables — a later value replaces an earlier one in place.

/** DEFAULT_PATH is oci.WithDefaultPathEnv's PATH. */
export const DEFAULT_PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** processEnv returns the container process's environ as KEY=VALUE strings, in order. */
export function processEnv(hostname: string, imageEnv: readonly string[], kubeletEnv: ReadonlyArray<{ name: string; value: string }>): string[] {
  const env = [DEFAULT_PATH];
  const replaceOrAppend = (entry: string) => {
    const key = entry.slice(0, entry.indexOf('=') < 0 ? entry.length : entry.indexOf('='));
    const at = env.findIndex((e) => e === key || e.startsWith(`${key}=`));
    if (!entry.includes('=')) {
      if (at >= 0) env.splice(at, 1);
    } else if (at >= 0) env[at] = entry;
    else env.push(entry);
  };
  replaceOrAppend(`HOSTNAME=${hostname}`);
  for (const entry of imageEnv) replaceOrAppend(entry);
  for (const { name, value } of kubeletEnv) replaceOrAppend(intern(`${name}=${value}`));
  return env;
}

/**
 * Most of the kubelet's variables (KUBERNETES_SERVICE_HOST, the Service links) are the same in
 * every container of a cluster: one shared string each instead of a copy per container. Bounded,
 * as a browser tab may run many clusters.
 */
const interned = new Map<string, string>();
function intern(text: string): string {
  const known = interned.get(text);
  if (known !== undefined) return known;
  if (interned.size >= 4096) interned.clear();
  interned.set(text, text);
  return text;
}
