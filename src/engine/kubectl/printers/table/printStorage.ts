// Mirrors kubernetes pkg/printers/internalversion/printers.go (v1.32) printStorageClass,
// printPersistentVolume and printPersistentVolumeClaim, with pkg/apis/core/helper's
// GetAccessModesAsString / GetPersistentVolumeClass / GetPersistentVolumeClaimClass.
import type { PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import { claimClass, volumeClass } from '../../../api/storageClassName';
import { translateTimestampSince } from '../humanDuration';
import { formatQuantity, parseQuantity } from './quantity';
import { AGE_COLUMN, col, NAME_COLUMN, type ResourcePrinter } from './types';

const age = (meta: { creationTimestamp?: string } | undefined, nowMs: number) => translateTimestampSince(meta?.creationTimestamp, nowMs);

/** accessModesText is GetAccessModesAsString: RWO, ROX, RWX, RWOP in that order, each once. */
export function accessModesText(modes: readonly string[] | undefined): string {
  const have = new Set(modes ?? []);
  const short: Array<[string, string]> = [['ReadWriteOnce', 'RWO'], ['ReadOnlyMany', 'ROX'], ['ReadWriteMany', 'RWX'], ['ReadWriteOncePod', 'RWOP']];
  return short.filter(([mode]) => have.has(mode)).map(([, text]) => text).join(',');
}

/** isDefaultClass is storageutil.IsDefaultAnnotation: the GA or the beta is-default-class annotation is "true". */
function isDefaultClass(annotations: Record<string, string> | undefined): boolean {
  return annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true' || annotations?.['storageclass.beta.kubernetes.io/is-default-class'] === 'true';
}

const quantityText = (value: string | undefined) => (value === undefined ? '0' : formatQuantity(parseQuantity(value)));

export const storageClassPrinter: ResourcePrinter<StorageClass> = {
  columns: [NAME_COLUMN, col('Provisioner'), col('ReclaimPolicy'), col('VolumeBindingMode'), col('AllowVolumeExpansion'), AGE_COLUMN],
  printRow: (sc, { nowMs }) => [
    `${sc.metadata?.name ?? ''}${isDefaultClass(sc.metadata?.annotations) ? ' (default)' : ''}`,
    sc.provisioner ?? '',
    sc.reclaimPolicy ?? 'Delete',
    sc.volumeBindingMode ?? 'Immediate',
    sc.allowVolumeExpansion ?? false,
    age(sc.metadata, nowMs),
  ],
};

export const persistentVolumePrinter: ResourcePrinter<PersistentVolume> = {
  columns: [
    NAME_COLUMN, col('Capacity'), col('Access Modes'), col('Reclaim Policy'), col('Status'), col('Claim'), col('StorageClass'),
    col('VolumeAttributesClass'), col('Reason'), AGE_COLUMN, col('VolumeMode', 1),
  ],
  printRow(pv, { nowMs, wide }) {
    const claim = pv.spec?.claimRef ? `${pv.spec.claimRef.namespace ?? ''}/${pv.spec.claimRef.name ?? ''}` : '';
    const phase = pv.metadata?.deletionTimestamp ? 'Terminating' : (pv.status?.phase ?? '');
    const cells = [
      pv.metadata?.name ?? '', quantityText(pv.spec?.capacity?.storage), accessModesText(pv.spec?.accessModes), pv.spec?.persistentVolumeReclaimPolicy ?? '',
      phase, claim, volumeClass(pv), pv.spec?.volumeAttributesClassName ?? '<unset>', pv.status?.reason ?? '', age(pv.metadata, nowMs),
    ];
    return wide ? [...cells, pv.spec?.volumeMode ?? '<unset>'] : cells;
  },
};

export const persistentVolumeClaimPrinter: ResourcePrinter<PersistentVolumeClaim> = {
  columns: [
    NAME_COLUMN, col('Status'), col('Volume'), col('Capacity'), col('Access Modes'), col('StorageClass'), col('VolumeAttributesClass'), AGE_COLUMN,
    col('VolumeMode', 1),
  ],
  printRow(pvc, { nowMs, wide }) {
    const phase = pvc.metadata?.deletionTimestamp ? 'Terminating' : (pvc.status?.phase ?? '');
    // Capacity and access modes come from status, and only once the claim names its volume.
    const bound = Boolean(pvc.spec?.volumeName);
    const cells = [
      pvc.metadata?.name ?? '', phase, pvc.spec?.volumeName ?? '', bound ? quantityText(pvc.status?.capacity?.storage) : '',
      bound ? accessModesText(pvc.status?.accessModes) : '', claimClass(pvc), pvc.spec?.volumeAttributesClassName ?? '<unset>', age(pvc.metadata, nowMs),
    ];
    return wide ? [...cells, pvc.spec?.volumeMode ?? '<unset>'] : cells;
  },
};
