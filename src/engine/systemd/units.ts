// The systemd units kubeadm's machines run: kubelet.service (from the pkgs.k8s.io kubelet
// package, with kubeadm's 10-kubeadm.conf drop-in) and containerd.service (Ubuntu 24.04's
// containerd package). Everything else on a kubeadm node runs as a static pod.
import type { Journal } from './journal';
import type { ServiceProcess } from './serviceProcess';

/** UnitFile: what `systemctl status` shows of a unit's configuration. */
export interface UnitFile {
  /** name: `kubelet.service`. */
  name: string;
  description: string;
  fragmentPath: string;
  dropIns?: { dir: string; files: string[] };
  docs: string;
  /** execStartPre: the command run before the main process (containerd loads the overlay module). */
  execStartPre?: string;
  /** execStart as written in the unit file (its variables unexpanded). */
  execStart: string;
  /** cmdline: the running main process, as the CGroup tree lists it. */
  cmdline: string;
  /** comm: the process name in `Main PID: 1234 (kubelet)`. */
  comm: string;
  /** notify: Type=notify services log "Starting …" before "Started …". */
  notify: boolean;
}

export const KUBELET_UNIT: UnitFile = {
  name: 'kubelet.service',
  description: 'kubelet: The Kubernetes Node Agent',
  fragmentPath: '/usr/lib/systemd/system/kubelet.service',
  dropIns: { dir: '/usr/lib/systemd/system/kubelet.service.d', files: ['10-kubeadm.conf'] },
  docs: 'https://kubernetes.io/docs/',
  execStart: '/usr/bin/kubelet $KUBELET_KUBECONFIG_ARGS $KUBELET_CONFIG_ARGS $KUBELET_KUBEADM_ARGS $KUBELET_EXTRA_ARGS',
  cmdline: '/usr/bin/kubelet --bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf --kubeconfig=/etc/kubernetes/kubelet.conf --config=/var/lib/kubelet/config.yaml --container-runtime-endpoint=unix:///var/run/containerd/containerd.sock --pod-infra-container-image=registry.k8s.io/pause:3.10',
  comm: 'kubelet',
  notify: false,
};

export const CONTAINERD_UNIT: UnitFile = {
  name: 'containerd.service',
  description: 'containerd container runtime',
  fragmentPath: '/usr/lib/systemd/system/containerd.service',
  docs: 'https://containerd.io',
  execStartPre: '/sbin/modprobe overlay',
  execStart: '/usr/bin/containerd',
  cmdline: '/usr/bin/containerd',
  comm: 'containerd',
  notify: true,
};

/** UnitUsage: the main process's cgroup counters (Tasks, Memory, CPU lines). */
export interface UnitUsage {
  tasks: number;
  memoryBytes: number;
  cpuMs: number;
}

/** ServiceUnit is a unit on one machine: its file, its process, and how to start and stop it. */
export interface ServiceUnit {
  file: UnitFile;
  process: ServiceProcess;
  start(): void;
  stop(): void;
  /** usage while active (a model of the daemon's footprint, growing with the pods it handles). */
  usage(): UnitUsage;
  /** execStartPrePid: the PID the ExecStartPre command ran as, for the `Process:` line. */
  execStartPrePid?: number;
}

/** MachineServices: what `systemctl`, `journalctl` and `crictl` see on one machine. */
export interface MachineServices {
  hostname: string;
  units: ServiceUnit[];
  journal: Journal;
  /** tasksMax: systemd's DefaultTasksMax, 15 % of the kernel's thread limit (memory / 128 KiB). */
  tasksMax: number;
}

/** findUnit resolves `kubelet` or `kubelet.service` among a machine's units. */
export function findUnit(services: MachineServices, name: string): ServiceUnit | undefined {
  const full = name.includes('.') ? name : `${name}.service`;
  return services.units.find((u) => u.file.name === full);
}

/** logStarted / logStopped write systemd's own journal lines for a start or a stop (PID 1). */
export function logStarted(journal: Journal, file: UnitFile): void {
  if (file.notify) journal.write(file.name, 'systemd', 1, `Starting ${file.name} - ${file.description}...`);
  journal.write(file.name, 'systemd', 1, `Started ${file.name} - ${file.description}.`);
}

export function logStopping(journal: Journal, file: UnitFile): void {
  journal.write(file.name, 'systemd', 1, `Stopping ${file.name} - ${file.description}...`);
}

export function logStopped(journal: Journal, file: UnitFile, cpu: string): void {
  journal.write(file.name, 'systemd', 1, `${file.name}: Deactivated successfully.`);
  journal.write(file.name, 'systemd', 1, `Stopped ${file.name} - ${file.description}.`);
  journal.write(file.name, 'systemd', 1, `${file.name}: Consumed ${cpu} CPU time.`);
}
