// Mirrors kubernetes pkg/printers/internalversion/printers.go (v1.32) printDaemonSet and
// printControllerRevision.
import type { ControllerRevision, DaemonSet } from 'kubernetes-types/apps/v1';
import { translateTimestampSince } from '../humanDuration';
import { formatLabels, formatLabelSelector, layoutContainerCells } from './labels';
import { AGE_COLUMN, col, NAME_COLUMN, type ResourcePrinter } from './types';

export const daemonSetPrinter: ResourcePrinter<DaemonSet> = {
  columns: [NAME_COLUMN, col('Desired'), col('Current'), col('Ready'), col('Up-to-date'), col('Available'), col('Node Selector'), AGE_COLUMN, col('Containers', 1), col('Images', 1), col('Selector', 1)],
  printRow(ds, { nowMs, wide }) {
    const status = ds.status;
    const cells = [
      ds.metadata?.name ?? '',
      status?.desiredNumberScheduled ?? 0,
      status?.currentNumberScheduled ?? 0,
      status?.numberReady ?? 0,
      status?.updatedNumberScheduled ?? 0,
      status?.numberAvailable ?? 0,
      formatLabels(ds.spec?.template?.spec?.nodeSelector),
      translateTimestampSince(ds.metadata?.creationTimestamp, nowMs),
    ];
    if (!wide) return cells;
    const [names, images] = layoutContainerCells(ds.spec?.template?.spec?.containers);
    return [...cells, names, images, formatLabelSelector(ds.spec?.selector)];
  },
};

export const controllerRevisionPrinter: ResourcePrinter<ControllerRevision> = {
  columns: [NAME_COLUMN, col('Controller'), col('Revision'), AGE_COLUMN],
  printRow(revision, { nowMs }) {
    const ref = revision.metadata?.ownerReferences?.find((r) => r.controller === true);
    let controller = '<none>';
    if (ref) {
      // formatResourceName: lower-cased GroupKind ("daemonset.apps"), then the name.
      const group = ref.apiVersion.includes('/') ? ref.apiVersion.split('/')[0] : '';
      controller = `${(group ? `${ref.kind}.${group}` : ref.kind).toLowerCase()}/${ref.name}`;
    }
    return [revision.metadata?.name ?? '', controller, revision.revision, translateTimestampSince(revision.metadata?.creationTimestamp, nowMs)];
  },
};
