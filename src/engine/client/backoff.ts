// Mirrors kubernetes staging/src/k8s.io/client-go/util/flowcontrol/backoff.go (v1.32, no jitter,
// as the kubelet and the DaemonSet controller build it with flowcontrol.NewBackOff).

interface Entry {
  backoffMs: number;
  lastUpdateMs: number;
}

/**
 * Backoff keeps one exponential back-off per key (a container, an image pull, a failed daemon pod): the first `next`
 * sets it to `initialMs`, each following one doubles it up to `maxMs`. An entry whose last update
 * is more than 2 × maxMs older than the event is stale: the next failure starts again at initialMs
 * (so a container that ran 10 minutes without crashing restarts with a 10 s back-off).
 *
 * @example
 * const crashLoop = new Backoff(10_000, 300_000);
 * crashLoop.next('web', 0, 0);      // 10 s
 * crashLoop.next('web', 15_000, 15_000); // 20 s, then 40 s, 80 s, 160 s, 300 s, 300 s…
 */
export class Backoff {
  private readonly entries = new Map<string, Entry>();

  constructor(
    readonly initialMs: number,
    readonly maxMs: number,
  ) {}

  /** getMs is the current back-off of `id` (0 when it has none). */
  getMs(id: string): number {
    return this.entries.get(id)?.backoffMs ?? 0;
  }

  /** next records a failure at `eventTimeMs` and grows the back-off. */
  next(id: string, eventTimeMs: number, nowMs: number): void {
    const entry = this.entries.get(id);
    if (!entry || this.hasExpired(eventTimeMs, entry.lastUpdateMs)) {
      this.entries.set(id, { backoffMs: this.initialMs, lastUpdateMs: nowMs });
      return;
    }
    entry.backoffMs = Math.min(entry.backoffMs * 2, this.maxMs);
    entry.lastUpdateMs = nowMs;
  }

  /** isInBackOffSince: less than the back-off has passed since `eventTimeMs` (a container's finish). */
  isInBackOffSince(id: string, eventTimeMs: number, nowMs: number): boolean {
    const entry = this.entries.get(id);
    if (!entry || this.hasExpired(eventTimeMs, entry.lastUpdateMs)) return false;
    return nowMs - eventTimeMs < entry.backoffMs;
  }

  /** isInBackOffSinceUpdate: less than the back-off has passed since the last failure. */
  isInBackOffSinceUpdate(id: string, eventTimeMs: number): boolean {
    const entry = this.entries.get(id);
    if (!entry || this.hasExpired(eventTimeMs, entry.lastUpdateMs)) return false;
    return eventTimeMs - entry.lastUpdateMs < entry.backoffMs;
  }

  /** gc drops entries idle for more than 2 × maxMs (Backoff.GC). */
  gc(nowMs: number): void {
    for (const [id, entry] of this.entries) if (this.hasExpired(nowMs, entry.lastUpdateMs)) this.entries.delete(id);
  }

  reset(id: string): void {
    this.entries.delete(id);
  }

  private hasExpired(eventTimeMs: number, lastUpdateMs: number): boolean {
    return eventTimeMs - lastUpdateMs > this.maxMs * 2;
  }
}
