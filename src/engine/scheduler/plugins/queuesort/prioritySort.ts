// Mirrors kubernetes pkg/scheduler/framework/plugins/queuesort/priority_sort.go (v1.32).
import type { QueuedPodInfoView, QueueSortPlugin } from '../../framework/interface';
import { NAMES } from '../names';

/**
 * PrioritySort orders activeQ: higher spec.priority first, then the pod that entered the queue
 * earlier (FIFO among equals).
 */
export class PrioritySort implements QueueSortPlugin {
  readonly name = NAMES.PrioritySort;

  less(a: QueuedPodInfoView, b: QueuedPodInfoView): boolean {
    const p1 = a.podInfo.priority;
    const p2 = b.podInfo.priority;
    return p1 > p2 || (p1 === p2 && a.timestampMs < b.timestampMs);
  }
}
