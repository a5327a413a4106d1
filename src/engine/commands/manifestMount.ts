// The terminal's view of kubeadm's /etc/kubernetes/manifests on the control-plane machine: the
// kubelet's static pod manifests as YAML files. Moving kube-scheduler.yaml or
// kube-controller-manager.yaml out stops that component (its static pod and the simulated
// process); writing it back starts both again, as on a kubeadm node.
import type { ManifestDirectory } from '../kubelet/config/file';
import { printYaml } from '../kubectl/printers/yaml';
import type { JsonValue } from '../kubectl/printers/json';
import type { MountedDir } from './bash/session';

/** Process is a control-plane component replica the manifest runs. */
export interface ManifestProcess {
  stop(): void;
  start(): void;
}

/**
 * manifestMount adapts a kubelet's manifest directory to the terminal: kubeadm's manifests read
 * as the YAML of their pod (kubeadm writes `creationTimestamp: null` and `status: {}` too).
 */
export function manifestMount(dir: ManifestDirectory, processFor: (file: string) => ManifestProcess | undefined, onWrite?: (file: string, text: string) => void): MountedDir {
  return {
    list: () => dir.list(),
    read(file) {
      const manifest = dir.read(file);
      if (!manifest) return undefined;
      if ('text' in manifest) return manifest.text;
      const { metadata, ...rest } = manifest.pod;
      return printYaml({ ...rest, metadata: { ...metadata, creationTimestamp: null }, status: {} } as unknown as JsonValue);
    },
    write(file, text) {
      dir.write(file, text);
      processFor(file)?.start();
      onWrite?.(file, text);
    },
    remove(file) {
      const removed = dir.remove(file);
      if (removed) processFor(file)?.stop();
      return removed;
    },
  };
}
