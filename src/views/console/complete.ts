import type { ClusterView } from '../../player/clusterView';

const PROGRAMS = ['kubectl', 'etcdctl', 'sim', 'curl', 'ssh', 'openssl', 'systemctl', 'journalctl', 'crictl', 'iptables', 'iptables-save', 'ipvsadm', 'vi'];
const KUBECTL_VERBS = ['get', 'describe', 'create', 'apply', 'edit', 'delete', 'scale', 'rollout', 'set', 'expose', 'logs', 'exec', 'attach', 'cp', 'diff', 'debug', 'port-forward', 'top', 'cordon', 'uncordon', 'drain', 'autoscale', 'run', 'label', 'annotate', 'patch', 'events', 'auth', 'version', 'cluster-info', 'api-resources', 'api-versions', 'config'];
const RESOURCES = ['pods', 'deployments', 'replicasets', 'services', 'nodes', 'events', 'endpoints', 'endpointslices', 'namespaces', 'hpa', 'leases', 'configmaps', 'secrets', 'jobs', 'cronjobs', 'daemonsets', 'statefulsets', 'persistentvolumes', 'persistentvolumeclaims', 'storageclasses', 'controllerrevisions'];
const ETCDCTL_VERBS = ['get', 'put', 'endpoint', 'member', 'snapshot'];
const SIM_VERBS = ['etcd', 'node', 'load', 'image', 'curl'];
const SYSTEMCTL_VERBS = ['status', 'start', 'stop', 'restart', 'is-active', 'is-enabled', 'list-units'];
const UNITS = ['kubelet', 'containerd'];
const CRICTL_VERBS = ['ps', 'pods', 'images', 'logs', 'version'];
const IPTABLES_TABLES = ['filter', 'nat', 'mangle'];

/**
 * completeLine completes the last word of a console line: the program, kubectl's verbs, resource
 * types, and the names of objects in the current view. It returns the candidates; one candidate
 * means the caller can complete the word.
 */
export function completeLine(line: string, view: ClusterView | undefined): string[] {
  const words = line.split(/\s+/);
  const last = words[words.length - 1];
  const position = words.length - 1;
  const candidates = candidatesFor(words, position, view);
  return [...new Set(candidates.filter((c) => c.startsWith(last)))].sort();
}

function candidatesFor(words: string[], position: number, view: ClusterView | undefined): string[] {
  if (position === 0) return PROGRAMS;
  const program = words[0];
  if (program === 'etcdctl') return position === 1 ? ETCDCTL_VERBS : [];
  if (program === 'sim') return position === 1 ? SIM_VERBS : [];
  if (program === 'ssh') return position === 1 ? namesFor('nodes', view) : [];
  if (program === 'systemctl') return position === 1 ? SYSTEMCTL_VERBS : UNITS;
  if (program === 'journalctl') return words[position - 1] === '-u' ? UNITS : [];
  if (program === 'crictl') return position === 1 ? CRICTL_VERBS : [];
  if (program === 'iptables' || program === 'iptables-save') return words[position - 1] === '-t' ? IPTABLES_TABLES : [];
  if (program !== 'kubectl') return [];
  if (position === 1) return KUBECTL_VERBS;
  if (position === 2 && ['cordon', 'uncordon', 'drain'].includes(words[1])) return namesFor('nodes', view);
  if (position === 2 && words[1] === 'logs') return namesFor('pods', view);
  if (position === 2) return words[1] === 'rollout' ? ['status', 'history', 'undo', 'restart', 'pause', 'resume'] : RESOURCES;
  const type = words[words[1] === 'rollout' ? 3 : 2] ?? '';
  return namesFor(type, view);
}

function namesFor(type: string, view: ClusterView | undefined): string[] {
  if (!view) return [];
  if (/^(po|pod|pods)$/.test(type)) return [...view.nodes.flatMap((n) => n.pods), ...view.pending].map((p) => p.name);
  if (/^(no|node|nodes)$/.test(type)) return view.nodes.map((n) => n.name);
  if (/^(deploy|deployment|deployments)$/.test(type)) return view.deployments.map((d) => d.name);
  if (type.startsWith('deployment/')) return view.deployments.map((d) => `deployment/${d.name}`);
  return [];
}
