/** DEFAULT_CONTROL_PLANE_HOST is the control-plane machine's hostname (kubeadm's node name). */
export const DEFAULT_CONTROL_PLANE_HOST = 'control-plane';

/**
 * controlPlaneReplicas lists the hosts of 1 or 3 control-plane replicas (control-plane,
 * control-plane-2, control-plane-3), each running one kube-controller-manager and one
 * kube-scheduler as kubeadm's stacked HA topology does.
 */
export function controlPlaneReplicas(count = 1): Array<{ index: number; host: string }> {
  return Array.from({ length: count }, (_, i) => ({ index: i + 1, host: i === 0 ? DEFAULT_CONTROL_PLANE_HOST : `${DEFAULT_CONTROL_PLANE_HOST}-${i + 1}` }));
}
