/**
 * EventQueue is the simulation's agenda: a binary min-heap of callbacks ordered by
 * (timeMs, seq), where seq is insertion order. Two events at the same millisecond therefore run in
 * the order they were scheduled, which keeps every run of a seed identical.
 */
export interface QueuedEvent {
  timeMs: number;
  seq: number;
  run: () => void;
  cancelled: boolean;
}

export class EventQueue {
  private heap: QueuedEvent[] = [];
  private nextSeq = 0;

  get size(): number {
    return this.heap.length;
  }

  push(timeMs: number, run: () => void): QueuedEvent {
    const event: QueuedEvent = { timeMs, seq: this.nextSeq++, run, cancelled: false };
    const heap = this.heap;
    heap.push(event);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(event, heap[parent])) break;
      heap[i] = heap[parent];
      i = parent;
    }
    heap[i] = event;
    return event;
  }

  /** peekTimeMs is the time of the earliest pending event, or Infinity when empty. */
  peekTimeMs(): number {
    return this.heap.length === 0 ? Infinity : this.heap[0].timeMs;
  }

  pop(): QueuedEvent | undefined {
    const heap = this.heap;
    if (heap.length === 0) return undefined;
    const top = heap[0];
    const last = heap.pop()!;
    if (heap.length > 0) {
      let i = 0;
      const n = heap.length;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= n) break;
        const right = left + 1;
        const child = right < n && before(heap[right], heap[left]) ? right : left;
        if (!before(heap[child], last)) break;
        heap[i] = heap[child];
        i = child;
      }
      heap[i] = last;
    }
    return top;
  }
}

function before(x: QueuedEvent, y: QueuedEvent): boolean {
  return x.timeMs < y.timeMs || (x.timeMs === y.timeMs && x.seq < y.seq);
}
