import type { KubeObject, Stored } from '../../api/object';
import { Future } from '../../sim/future';
import { wait, type Task } from '../../sim/task';
import type { KubectlContext } from './context';

/**
 * waitFor watches one object until `done(obj)` holds (obj undefined = deleted), the way
 * kubectl wait / delete --wait / rollout status follow an object: GET, then WATCH from its
 * resourceVersion. Settles with true, or false on timeout (timeoutMs 0 = forever).
 */
export function* waitFor(
  ctx: KubectlContext,
  resource: string,
  namespace: string | undefined,
  name: string,
  done: (obj: Stored<KubeObject> | undefined) => boolean,
  timeoutMs = 0,
): Task<boolean> {
  const first = yield* wait(ctx.client.get(resource, namespace, name));
  const initial = first.ok ? first.object : undefined;
  if (done(initial)) return true;
  const settled = new Future<boolean>();
  const handle = ctx.client.watch(resource, { namespace, fieldSelector: `metadata.name=${name}`, resourceVersion: initial?.metadata.resourceVersion }, (events) => {
    for (const event of events) {
      if (event.type === 'ERROR' || event.type === 'BOOKMARK') continue;
      if (done(event.type === 'DELETED' ? undefined : event.object)) settled.resolve(true);
    }
  });
  ctx.io.onInterrupt(() => handle.stop());
  if (timeoutMs > 0) ctx.env.sim.after(timeoutMs, () => settled.resolve(false));
  const result = yield* wait(settled);
  handle.stop();
  return result;
}
