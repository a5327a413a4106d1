import { Future } from '../sim/future';
import { wait, type Task } from '../sim/task';

/**
 * waitAll runs requests in parallel and waits for all of them, the way upstream controllers fan out
 * goroutines under a sync.WaitGroup (slowStartBatch, deleting pods). Results keep input order.
 */
export function* waitAll<T>(futures: ReadonlyArray<Future<T>>): Task<T[]> {
  const all = new Future<T[]>();
  const results = new Array<T>(futures.length);
  let pending = futures.length;
  if (pending === 0) return [];
  futures.forEach((future, i) =>
    future.then((value) => {
      results[i] = value;
      if (--pending === 0) all.resolve(results);
    }),
  );
  return yield* wait(all);
}
