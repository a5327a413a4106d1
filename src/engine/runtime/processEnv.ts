// How containerd's CRI plugin builds a container's environment (pkg/cri/server
// container_create_linux.go, containerd 1.7): the default PATH, then HOSTNAME, then the image's
// ENV, then the kubelet's variables — a later value replaces an earlier one in place.

/** DEFAULT_PATH is oci.WithDefaultPathEnv's PATH. */
export const DEFAULT_PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** processEnv returns the container process's environ as KEY=VALUE strings, in order. */
export function processEnv(hostname: string, imageEnv: readonly string[], kubeletEnv: ReadonlyArray<{ name: string; value: string }>): string[] {
  // KEY → entry; a Map keeps a replaced key where it was and appends a new one, as the list does.
  const env = new Map<string, string>([['PATH', DEFAULT_PATH]]);
  const replaceOrAppend = (entry: string) => {
    const equals = entry.indexOf('=');
    // A bare KEY (no "=") unsets the variable.
    if (equals < 0) env.delete(entry);
    else env.set(entry.slice(0, equals), entry);
  };
  replaceOrAppend(`HOSTNAME=${hostname}`);
  for (const entry of imageEnv) replaceOrAppend(entry);
  for (const { name, value } of kubeletEnv) replaceOrAppend(intern(`${name}=${value}`));
  // Sized up front: a container keeps its environment while it lives, and a spread of an
  // iterator grows its array like push does (room for 10 when it holds 6).
  const out = new Array<string>(env.size);
  let i = 0;
  for (const entry of env.values()) out[i++] = entry;
  return out;
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
