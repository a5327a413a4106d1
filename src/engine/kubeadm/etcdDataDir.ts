// Where kubeadm's etcd static pod keeps its data on the host: the --data-dir flag of the etcd
// container, mapped through the hostPath volume mounted over it (etcd-data: /var/lib/etcd). The
// restore runbook changes one or both (`--data-dir=/var/lib/etcd-restore`, or the volume's path).
import { parseAllDocuments } from 'yaml';
import type { Pod } from 'kubernetes-types/core/v1';

export const DEFAULT_ETCD_DATA_DIR = '/var/lib/etcd';

/**
 * etcdHostDataDir reads an etcd.yaml manifest: the host directory etcd's data lives in, or
 * undefined when the file is not an etcd pod with --data-dir. A data dir no hostPath volume
 * covers lives in the container's own filesystem (a new, empty directory on every start).
 */
export function etcdHostDataDir(text: string): { hostDir: string } | { containerDir: string } | undefined {
  const docs = parseAllDocuments(text, { prettyErrors: false });
  if (docs.length !== 1 || docs[0].errors.length > 0) return undefined;
  const pod = docs[0].toJS() as Pod | null;
  const container = pod?.spec?.containers?.find((c) => c.name === 'etcd') ?? pod?.spec?.containers?.[0];
  const words = [...(container?.command ?? []), ...(container?.args ?? [])];
  const flag = words.find((w) => w.startsWith('--data-dir='));
  if (!container || !flag) return undefined;
  const dataDir = flag.slice('--data-dir='.length).replace(/\/+$/, '');
  for (const mount of container.volumeMounts ?? []) {
    const mountPath = mount.mountPath.replace(/\/+$/, '');
    if (dataDir !== mountPath && !dataDir.startsWith(`${mountPath}/`)) continue;
    const hostPath = pod?.spec?.volumes?.find((v) => v.name === mount.name)?.hostPath?.path;
    if (hostPath) return { hostDir: hostPath.replace(/\/+$/, '') + dataDir.slice(mountPath.length) };
  }
  return { containerDir: dataDir };
}
