// Mirrors etcd pkg/contention TimeoutDetector: it remembers when an event last happened for each
// key and tells how far past the allowed interval the next one came. etcd's raftNode observes
// every heartbeat a leader sends, with twice the heartbeat interval allowed.
export class TimeoutDetector {
  private readonly records = new Map<number, number>();

  constructor(private readonly maxDurationMs: number) {}

  /** reset forgets every key (etcd resets it when the member becomes leader). */
  reset(): void {
    this.records.clear();
  }

  /** observe records `which` at `nowMs` and returns how much later than allowed it came (0 when on time or first). */
  observe(which: number, nowMs: number): number {
    const last = this.records.get(which);
    this.records.set(which, nowMs);
    return last === undefined ? 0 : Math.max(0, nowMs - last - this.maxDurationMs);
  }
}
