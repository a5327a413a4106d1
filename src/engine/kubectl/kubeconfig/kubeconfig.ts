// The terminal's kubeconfig (clientcmd api v1 Config), as kubeadm writes it for its admin
// (/etc/kubernetes/admin.conf copied to $HOME/.kube/config): cluster `kubernetes`, user
// `kubernetes-admin`, context `kubernetes-admin@kubernetes`. `kubectl config` edits it; every
// kubectl invocation reads its current context's namespace. Plain data, kept by the Cluster.

export interface KubeContext {
  cluster: string;
  user: string;
  namespace?: string;
}

export interface KubeConfig {
  clusters: Array<{ name: string; server: string }>;
  users: string[];
  contexts: Array<{ name: string; context: KubeContext }>;
  currentContext: string;
}

/** KUBECONFIG_PATH is where the terminal's kubectl reads its kubeconfig (messages name it). */
export const KUBECONFIG_PATH = '/root/.kube/config';
export const DEFAULT_CLUSTER = 'kubernetes';
export const DEFAULT_USER = 'kubernetes-admin';
export const DEFAULT_CONTEXT = `${DEFAULT_USER}@${DEFAULT_CLUSTER}`;

/** defaultKubeConfig is kubeadm's admin kubeconfig for the cluster's apiserver URL. */
export function defaultKubeConfig(server: string): KubeConfig {
  return {
    clusters: [{ name: DEFAULT_CLUSTER, server }],
    users: [DEFAULT_USER],
    contexts: [{ name: DEFAULT_CONTEXT, context: { cluster: DEFAULT_CLUSTER, user: DEFAULT_USER } }],
    currentContext: DEFAULT_CONTEXT,
  };
}

export function findContext(config: KubeConfig, name: string): KubeContext | undefined {
  return config.contexts.find((c) => c.name === name)?.context;
}

/**
 * setContext creates or modifies a context; only the fields given change (an empty string
 * clears the namespace, as `--namespace=` does).
 */
export function setContext(config: KubeConfig, name: string, fields: Partial<KubeContext>): { config: KubeConfig; created: boolean } {
  const existing = findContext(config, name);
  const merged: KubeContext = { cluster: '', user: '', ...existing };
  if (fields.cluster !== undefined) merged.cluster = fields.cluster;
  if (fields.user !== undefined) merged.user = fields.user;
  if (fields.namespace !== undefined) {
    if (fields.namespace === '') delete merged.namespace;
    else merged.namespace = fields.namespace;
  }
  const contexts = existing ? config.contexts.map((c) => (c.name === name ? { name, context: merged } : c)) : [...config.contexts, { name, context: merged }];
  return { config: { ...config, contexts }, created: !existing };
}
