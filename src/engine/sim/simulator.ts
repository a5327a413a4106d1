import { EventQueue, type QueuedEvent } from './eventQueue';
import { Future } from './future';
import { Rng } from './rng';
import { Trace, type TraceEvent } from './trace';

/** Timer is a handle to a scheduled callback; cancel it with Simulator.cancel. */
export type Timer = QueuedEvent;

/**
 * Simulator owns sim time: a virtual clock in integer ms, the event queue that advances it, the
 * root Rng and the Trace. Nothing in the engine reads the host clock; components receive the
 * simulator and ask it for `nowMs`, timers and random streams.
 *
 * @example
 * const sim = new Simulator(42);
 * sim.after(1000, () => console.log(sim.nowMs)); // 1000
 * sim.runUntil(5000);
 */
export class Simulator {
  private clockMs: number;
  private readonly queue = new EventQueue();
  readonly rng: Rng;
  readonly trace = new Trace();
  /** eventsRun counts executed callbacks (benchmarks and runaway detection). */
  eventsRun = 0;

  /** `startMs` may be negative: a cluster boots before the scenario's t = 0. */
  constructor(
    readonly seed: number,
    startMs = 0,
  ) {
    this.rng = new Rng(seed);
    this.clockMs = startMs;
  }

  get nowMs(): number {
    return this.clockMs;
  }

  /** at schedules `run` at an absolute sim time (never in the past). */
  at(timeMs: number, run: () => void): Timer {
    return this.queue.push(Math.max(Math.round(timeMs), this.clockMs), run);
  }

  /** after schedules `run` `delayMs` from now. */
  after(delayMs: number, run: () => void): Timer {
    return this.at(this.clockMs + delayMs, run);
  }

  /** cancel drops a pending timer from the queue (no-op once it ran). */
  cancel(timer: Timer | undefined): void {
    if (timer) this.queue.remove(timer);
  }

  /** sleep is a Future that settles `delayMs` from now, for tasks. */
  sleep(delayMs: number): Future<void> {
    const future = new Future<void>();
    this.after(delayMs, () => future.resolve());
    return future;
  }

  /** nextEventMs is the time of the next pending event (Infinity when idle). */
  nextEventMs(): number {
    return this.queue.peekTimeMs();
  }

  /** step runs the earliest event; returns false when the queue is empty. */
  step(): boolean {
    const event = this.queue.pop();
    if (!event) return false;
    this.clockMs = event.timeMs;
    this.eventsRun++;
    event.run();
    return true;
  }

  /** runUntil runs every event due at or before `timeMs`, then moves the clock to `timeMs`. */
  runUntil(timeMs: number): void {
    while (this.queue.peekTimeMs() <= timeMs) this.step();
    if (timeMs > this.clockMs) this.clockMs = timeMs;
  }

  /** runWhile runs events while `predicate` holds and events remain before `limitMs`. */
  runWhile(predicate: () => boolean, limitMs: number): void {
    while (predicate() && this.queue.peekTimeMs() <= limitMs) this.step();
  }

  /** emit records a trace event stamped with the current sim time (no-op when nobody listens). */
  emit(event: Omit<TraceEvent, 't'>): void {
    if (this.trace.enabled) this.trace.emit({ t: this.clockMs, ...event } as TraceEvent);
  }
}
