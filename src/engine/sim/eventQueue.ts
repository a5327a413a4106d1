/**
 * EventQueue is the simulation's agenda: a binary min-heap of callbacks ordered by
 * (timeMs, seq), where seq is insertion order. Two events at the same millisecond therefore run in
 * the order they were scheduled, which keeps every run of a seed identical.
 */
export interface QueuedEvent {
  timeMs: number;
  seq: number;
  run: () => void;
  /** index is the event's place in the heap; -1 once it ran or was removed. */
  index: number;
}

export class EventQueue {
  private heap: QueuedEvent[] = [];
  private nextSeq = 0;

  get size(): number {
    return this.heap.length;
  }

  push(timeMs: number, run: () => void): QueuedEvent {
    const event: QueuedEvent = { timeMs, seq: this.nextSeq++, run, index: this.heap.length };
    this.heap.push(event);
    this.siftUp(event.index);
    return event;
  }

  /** peekTimeMs is the time of the earliest pending event, or Infinity when empty. */
  peekTimeMs(): number {
    return this.heap.length === 0 ? Infinity : this.heap[0].timeMs;
  }

  pop(): QueuedEvent | undefined {
    if (this.heap.length === 0) return undefined;
    const top = this.heap[0];
    this.removeAt(0);
    return top;
  }

  /**
   * remove takes a pending event out of the heap. A cancelled timer left in place until its time
   * came was garbage the heap carried: the kubelet re-arms every pod's resync timer on each sync,
   * and 150,000 pods kept ~150,000 dead timers (and their closures) queued a minute ahead.
   */
  remove(event: QueuedEvent): void {
    if (event.index >= 0 && this.heap[event.index] === event) this.removeAt(event.index);
  }

  private removeAt(i: number): void {
    const heap = this.heap;
    const removed = heap[i];
    removed.index = -1;
    const last = heap.pop()!;
    if (i === heap.length) return;
    heap[i] = last;
    last.index = i;
    if (i > 0 && before(last, heap[(i - 1) >> 1])) this.siftUp(i);
    else this.siftDown(i);
  }

  private siftUp(i: number): void {
    const heap = this.heap;
    const event = heap[i];
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(event, heap[parent])) break;
      heap[i] = heap[parent];
      heap[i].index = i;
      i = parent;
    }
    heap[i] = event;
    event.index = i;
  }

  private siftDown(i: number): void {
    const heap = this.heap;
    const event = heap[i];
    const n = heap.length;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      const child = right < n && before(heap[right], heap[left]) ? right : left;
      if (!before(heap[child], event)) break;
      heap[i] = heap[child];
      heap[i].index = i;
      i = child;
    }
    heap[i] = event;
    event.index = i;
  }
}

function before(x: QueuedEvent, y: QueuedEvent): boolean {
  return x.timeMs < y.timeMs || (x.timeMs === y.timeMs && x.seq < y.seq);
}
