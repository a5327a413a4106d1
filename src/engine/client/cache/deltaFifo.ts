import type { KubeObject, Stored } from '../../api/object';

export type DeltaType = 'Added' | 'Updated' | 'Deleted' | 'Replaced' | 'Sync';

export interface Delta {
  type: DeltaType;
  object: Stored<KubeObject>;
}

/**
 * DeltaFIFO mirrors client-go tools/cache/delta_fifo.go: a queue of object keys, each carrying the
 * list of changes (deltas) seen since it was last popped, so a consumer that falls behind still
 * processes every key once, with its whole history, in first-seen order. Two deletions in a row
 * collapse into one (dedupDeltas).
 */
export class DeltaFIFO {
  private readonly items = new Map<string, Delta[]>();
  private queue: string[] = [];
  private head = 0;

  get length(): number {
    return this.queue.length - this.head;
  }

  add(key: string, delta: Delta): void {
    const deltas = this.items.get(key);
    if (!deltas) {
      this.items.set(key, [delta]);
      this.queue.push(key);
      return;
    }
    const last = deltas[deltas.length - 1];
    if (last.type === 'Deleted' && delta.type === 'Deleted') return;
    deltas.push(delta);
  }

  /** pop removes the oldest key and returns its deltas. */
  pop(): { key: string; deltas: Delta[] } | undefined {
    if (this.head >= this.queue.length) return undefined;
    const key = this.queue[this.head++];
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
    const deltas = this.items.get(key)!;
    this.items.delete(key);
    return { key, deltas };
  }
}
