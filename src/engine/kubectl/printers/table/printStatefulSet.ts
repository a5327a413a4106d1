// Mirrors kubernetes pkg/printers/internalversion/printers.go (v1.32) printStatefulSet:
// NAME READY AGE, and CONTAINERS IMAGES with -o wide (no SELECTOR column, unlike Deployments).
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import { translateTimestampSince } from '../humanDuration';
import { layoutContainerCells } from './labels';
import { AGE_COLUMN, col, NAME_COLUMN, type ResourcePrinter } from './types';

export const statefulSetPrinter: ResourcePrinter<StatefulSet> = {
  columns: [NAME_COLUMN, col('Ready'), AGE_COLUMN, col('Containers', 1), col('Images', 1)],
  printRow(set, { nowMs, wide }) {
    // READY is readyReplicas over the desired spec.replicas, as `3/3`.
    const cells = [set.metadata?.name ?? '', `${set.status?.readyReplicas ?? 0}/${set.spec?.replicas ?? 1}`, translateTimestampSince(set.metadata?.creationTimestamp, nowMs)];
    if (!wide) return cells;
    const [names, images] = layoutContainerCells(set.spec?.template?.spec?.containers);
    return [...cells, names, images];
  },
};
