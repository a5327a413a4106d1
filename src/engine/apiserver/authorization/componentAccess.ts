import type { UserInfo } from '../request';

/**
 * componentAllowed stands in for what a kubeadm cluster grants its own components: the Node
 * authorizer for kubelets (group system:nodes) and the bootstrap policy's system:kube-scheduler,
 * system:kube-controller-manager, system:node-proxier and system:controller:* roles (k8sim
 * simplifies those to "everything"). system:masters is the privileged group upstream checks first.
 * A fast path: components make nearly every request.
 */
export function componentAllowed(user: UserInfo): string | undefined {
  if (user.groups.includes('system:masters')) return 'allowed: member of the system:masters group';
  if (user.groups.includes('system:nodes')) return 'allowed by the Node authorizer (k8sim: simplified)';
  if (COMPONENT_USERS.has(user.username)) return `allowed by the bootstrap policy for ${user.username}`;
  if (user.groups.includes('system:serviceaccounts:kube-system')) return `allowed by the bootstrap policy for controller ${user.username}`;
  return undefined;
}

const COMPONENT_USERS = new Set(['system:kube-scheduler', 'system:kube-controller-manager', 'system:kube-proxy']);
