import { Future } from '../../sim/future';
import type { Simulator } from '../../sim/simulator';
import { defaultControllerRateLimiter, type RateLimiter } from './rateLimiter';

/**
 * RateLimitingQueue mirrors client-go util/workqueue: a FIFO of keys where a key is queued at most
 * once (dirty set), never handed to two workers at once (processing set: re-added keys wait for
 * Done), can be added later (AddAfter, on sim timers) or after a rate-limited back-off
 * (AddRateLimited). Depth and the key being handed out are trace events, so the UI can draw a
 * controller's queue.
 */
export class RateLimitingQueue {
  private queue: string[] = [];
  private head = 0;
  private readonly dirty = new Set<string>();
  private readonly processing = new Set<string>();
  private readonly waiting = new Map<string, number>();
  private readonly getters: Array<Future<string | undefined>> = [];
  private shuttingDown = false;

  constructor(
    private readonly sim: Simulator,
    readonly name: string,
    private readonly component: string,
    private readonly rateLimiter: RateLimiter = defaultControllerRateLimiter(),
  ) {}

  get length(): number {
    return this.queue.length - this.head;
  }

  add(key: string): void {
    if (this.shuttingDown || this.dirty.has(key)) return;
    this.dirty.add(key);
    if (this.processing.has(key)) return;
    this.enqueue(key);
  }

  /** addAfter adds `key` after `delayMs`; an earlier pending addAfter of the same key wins. */
  addAfter(key: string, delayMs: number): void {
    if (delayMs <= 0) return this.add(key);
    const readyMs = this.sim.nowMs + delayMs;
    const pending = this.waiting.get(key);
    if (pending !== undefined && pending <= readyMs) return;
    this.waiting.set(key, readyMs);
    this.sim.at(readyMs, () => {
      if (this.waiting.get(key) !== readyMs) return;
      this.waiting.delete(key);
      this.add(key);
    });
  }

  addRateLimited(key: string): void {
    this.addAfter(key, this.rateLimiter.whenMs(key, this.sim.nowMs));
  }

  forget(key: string): void {
    this.rateLimiter.forget(key);
  }

  numRequeues(key: string): number {
    return this.rateLimiter.numRequeues(key);
  }

  /** get hands out the next key (undefined after shutdown), waiting while the queue is empty. */
  get(): Future<string | undefined> {
    if (this.length > 0) return Future.resolved<string | undefined>(this.take());
    if (this.shuttingDown) return Future.resolved<string | undefined>(undefined);
    const future = new Future<string | undefined>();
    this.getters.push(future);
    return future;
  }

  done(key: string): void {
    this.processing.delete(key);
    if (this.dirty.has(key)) this.enqueue(key);
  }

  shutDown(): void {
    this.shuttingDown = true;
    for (const getter of this.getters.splice(0)) getter.resolve(undefined);
  }

  private enqueue(key: string): void {
    const getter = this.getters.shift();
    if (getter) {
      this.dirty.delete(key);
      this.processing.add(key);
      this.traceDepth('workqueue.get', key);
      getter.resolve(key);
      return;
    }
    this.queue.push(key);
    this.traceDepth('workqueue.add', key);
  }

  private take(): string {
    const key = this.queue[this.head++];
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
    this.dirty.delete(key);
    this.processing.add(key);
    this.traceDepth('workqueue.get', key);
    return key;
  }

  private traceDepth(kind: string, key: string): void {
    if (this.sim.trace.enabled) this.sim.emit({ component: this.component, kind, queue: this.name, key, depth: this.length });
  }
}
