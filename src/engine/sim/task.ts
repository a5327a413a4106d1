import { Future } from './future';

/**
 * Task is a sim process written as a generator: it yields Futures and is resumed with their
 * values when they settle. It reads like the blocking Go code it mirrors (a controller worker
 * calling the apiserver, kubectl waiting for a rollout) while staying on the sim clock.
 *
 * @example
 * function* createThenGet(client: ApiClient): Task<string> {
 *   const created = yield* wait(client.create(deploymentsGVR, obj));
 *   return created.ok ? 'ok' : created.status.message;
 * }
 * spawn(createThenGet(client)).then((text) => ...);
 */
export type Task<T> = Generator<Waitable, T, unknown>;

/** Waitable is what a task may yield: any Future, whatever its value type. */
export interface Waitable {
  readonly isSettled: boolean;
  readonly value: unknown;
  then(callback: (value: unknown) => void): void;
}

/** wait suspends the calling task until `future` settles and returns its value, typed. */
export function* wait<T>(future: Future<T>): Generator<Waitable, T, unknown> {
  if (future.isSettled) return future.value;
  return (yield future) as T;
}

/**
 * spawn starts a task now and returns a Future of its return value. Already-settled futures are
 * consumed in a loop, so long chains of synchronous results do not grow the stack.
 * An exception thrown inside the task propagates to whoever resumed it (a bug, not a result).
 */
export function spawn<T>(task: Task<T>): Future<T> {
  const done = new Future<T>();
  const resume = (input: unknown): void => {
    let step = task.next(input);
    while (!step.done) {
      const future = step.value;
      if (!future.isSettled) {
        future.then(resume);
        return;
      }
      step = task.next(future.value);
    }
    done.resolve(step.value);
  };
  resume(undefined);
  return done;
}
