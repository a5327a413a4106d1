// Mirrors kubernetes pkg/kubelet/apis/config/v1beta1/defaults.go and pkg/kubelet/kubelet.go
// constants (v1.32): the KubeletConfiguration values the simulated kubelet runs with (kubeadm
// defaults, no kube/system reserved).

export interface KubeletConfiguration {
  /** nodeStatusUpdateFrequency: how often the status is computed (posted only on change). */
  nodeStatusUpdateFrequencyMs: number;
  /** nodeStatusReportFrequency: post the status at least this often even unchanged. */
  nodeStatusReportFrequencyMs: number;
  nodeLeaseDurationSeconds: number;
  /** leaseRenewIntervalMs = 0.25 × nodeLeaseDurationSeconds (nodeLeaseRenewIntervalFraction). */
  leaseRenewIntervalMs: number;
  /** syncFrequency: a pod worker resyncs a healthy pod every 1 m (jitter 0.5). */
  syncFrequencyMs: number;
  /** backOffPeriod: a pod worker retries a failed sync after 10 s (jitter 0.5). */
  backOffPeriodMs: number;
  /** crash-loop back-off: 10 s doubling to MaxContainerBackOff 300 s. */
  containerBackOffInitialMs: number;
  containerBackOffMaxMs: number;
  /** image pull back-off: 10 s doubling to 300 s. */
  imageBackOffInitialMs: number;
  imageBackOffMaxMs: number;
  serializeImagePulls: boolean;
  maxPods: number;
  /** plegRelistPeriod: 1 s. */
  plegRelistPeriodMs: number;
  /** evictionHard memory.available<100Mi: subtracted from allocatable. */
  evictionHardMemoryBytes: number;
  /** evictionHard nodefs.available<10%: subtracted from allocatable ephemeral-storage. */
  evictionHardNodefsFraction: number;
  /** kubelet's port (daemonEndpoints.kubeletEndpoint.Port). */
  port: number;
}

export const DEFAULT_KUBELET_CONFIG: KubeletConfiguration = {
  nodeStatusUpdateFrequencyMs: 10_000,
  nodeStatusReportFrequencyMs: 300_000,
  nodeLeaseDurationSeconds: 40,
  leaseRenewIntervalMs: 10_000,
  syncFrequencyMs: 60_000,
  backOffPeriodMs: 10_000,
  containerBackOffInitialMs: 10_000,
  containerBackOffMaxMs: 300_000,
  imageBackOffInitialMs: 10_000,
  imageBackOffMaxMs: 300_000,
  serializeImagePulls: true,
  maxPods: 110,
  plegRelistPeriodMs: 1_000,
  evictionHardMemoryBytes: 100 * 1024 * 1024,
  evictionHardNodefsFraction: 0.1,
  port: 10250,
};

/** Versions the simulated node reports (node.status.nodeInfo). */
export const KUBELET_VERSION = 'v1.32.4';
export const OS_IMAGE = 'Ubuntu 24.04.1 LTS';
export const KERNEL_VERSION = '6.8.0-51-generic';
/** DEFAULT_DISK_BYTES: the node's root filesystem (NodeSpec has no disk size). */
export const DEFAULT_DISK_BYTES = 100 * 1024 ** 3;
