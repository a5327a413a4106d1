/**
 * Future is a deterministic, synchronous promise: callbacks run the moment it resolves, inside
 * the sim event that resolved it, never on a microtask. That keeps the engine's order of effects a
 * pure function of the event queue (JS Promises would interleave with the host's microtasks).
 * Futures never reject: fallible operations resolve with a result value (see ApiResult).
 */
export class Future<T> {
  private settled = false;
  private result: T | undefined;
  private callbacks: Array<(value: T) => void> | undefined;

  /** resolved returns an already-settled future. */
  static resolved<T>(value: T): Future<T> {
    const future = new Future<T>();
    future.resolve(value);
    return future;
  }

  get isSettled(): boolean {
    return this.settled;
  }

  /** value is the settled value; reading it before settlement is a programming error. */
  get value(): T {
    if (!this.settled) throw new Error('Future.value read before it settled');
    return this.result as T;
  }

  /** resolve settles the future once; later calls are ignored (first answer wins, like a timeout race). */
  resolve(value: T): void {
    if (this.settled) return;
    this.settled = true;
    this.result = value;
    const callbacks = this.callbacks;
    this.callbacks = undefined;
    if (callbacks) for (const callback of callbacks) callback(value);
  }

  /** then runs `callback` when settled (immediately if already settled). */
  then(callback: (value: T) => void): void {
    if (this.settled) callback(this.result as T);
    else (this.callbacks ??= []).push(callback);
  }

  /** map returns a future of `fn(value)`. */
  map<U>(fn: (value: T) => U): Future<U> {
    const out = new Future<U>();
    this.then((value) => out.resolve(fn(value)));
    return out;
  }
}
