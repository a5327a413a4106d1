// Mirrors k8s.io/kubectl pkg/describe/describe.go (v1.32) describeVolumes and the print*VolumeSource
// helpers for the volume types k8sim models (projected kube-api-access, configMap, secret,
// emptyDir, hostPath, persistentVolumeClaim, downwardAPI, ephemeral, image).
import type { Volume } from 'kubernetes-types/core/v1';
import { formatQuantity, parseQuantity } from '../printers/table/quantity';
import { goBoolPointer } from './goFormat';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type PrefixWriter } from './prefixWriter';

/** printVolumeSource writes the `Type:` block of one volume at LEVEL_2; false when the type is unknown. */
function printVolumeSource(volume: Volume, w: PrefixWriter): boolean {
  if (volume.hostPath) {
    w.write(LEVEL_2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${volume.hostPath.path}\n    HostPathType:\t${volume.hostPath.type ?? '<none>'}\n`);
  } else if (volume.emptyDir) {
    const limit = volume.emptyDir.sizeLimit;
    const sizeLimit = limit !== undefined && parseQuantity(limit).nano > 0n ? formatQuantity(parseQuantity(limit)) : '<unset>';
    w.write(LEVEL_2, `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${volume.emptyDir.medium ?? ''}\n    SizeLimit:\t${sizeLimit}\n`);
  } else if (volume.secret) {
    w.write(LEVEL_2, `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${volume.secret.secretName ?? ''}\n    Optional:\t${Boolean(volume.secret.optional)}\n`);
  } else if (volume.configMap) {
    w.write(LEVEL_2, `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${volume.configMap.name ?? ''}\n    Optional:\t${Boolean(volume.configMap.optional)}\n`);
  } else if (volume.persistentVolumeClaim) {
    const claim = volume.persistentVolumeClaim;
    w.write(LEVEL_2, `Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${claim.claimName}\n    ReadOnly:\t${Boolean(claim.readOnly)}\n`);
  } else if (volume.downwardAPI) {
    w.write(LEVEL_2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n');
    for (const item of volume.downwardAPI.items ?? []) {
      if (item.fieldRef) w.write(LEVEL_3, `${item.fieldRef.fieldPath} -> ${item.path}\n`);
      if (item.resourceFieldRef) w.write(LEVEL_3, `${item.resourceFieldRef.resource} -> ${item.path}\n`);
    }
  } else if (volume.projected) {
    printProjectedVolumeSource(volume, w);
  } else if (volume.ephemeral) {
    w.write(LEVEL_2, 'Type:\tEphemeralVolume (an inline specification for a volume that gets created and deleted with the pod)\n');
  } else {
    return false;
  }
  return true;
}

/** printProjectedVolumeSource lists each projection; optional flags are *bool printed with %v. */
function printProjectedVolumeSource(volume: Volume, w: PrefixWriter): void {
  w.write(LEVEL_2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
  for (const source of volume.projected!.sources ?? []) {
    if (source.secret) {
      w.write(LEVEL_2, `SecretName:\t${source.secret.name ?? ''}\n    SecretOptionalName:\t${goBoolPointer(source.secret.optional)}\n`);
    } else if (source.downwardAPI) {
      w.write(LEVEL_2, 'DownwardAPI:\ttrue\n');
    } else if (source.configMap) {
      w.write(LEVEL_2, `ConfigMapName:\t${source.configMap.name ?? ''}\n    ConfigMapOptional:\t${goBoolPointer(source.configMap.optional)}\n`);
    } else if (source.serviceAccountToken) {
      w.write(LEVEL_2, `TokenExpirationSeconds:\t${source.serviceAccountToken.expirationSeconds ?? 0}\n`);
    }
  }
}

/** describeVolumes prints `Volumes:` and each volume; `space` is the pod-template indent. */
export function describeVolumes(volumes: readonly Volume[] | undefined, w: PrefixWriter, space: string): void {
  if (!volumes || volumes.length === 0) {
    w.write(LEVEL_0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(LEVEL_0, `${space}Volumes:\n`);
  for (const volume of volumes) {
    w.write(LEVEL_1, `${space.length > 0 ? ' ' : ''}${volume.name}:\n`);
    if (!printVolumeSource(volume, w)) w.write(LEVEL_1, '<unknown>\n');
  }
}
