import { etcdHasLeader, rawGet } from '../../apiserver/healthz/rawRequest';
import { proxyBackend } from '../../commands/proxyBackend';
import type { Task } from '../../sim/task';
import { stringFlag } from '../args/commandSpec';
import { fail, failStatus, type KubectlContext } from './context';
import { VERSION_INFO } from './discovery';

/**
 * getRaw is `kubectl get --raw PATH` (get.go RawGet): the response body printed as the server
 * wrote it (`ok` has no newline). An API Status error prints as usual; any other failure is
 * client-go's unstructured response error.
 */
export function* getRaw(ctx: KubectlContext): Task<number> {
  const response = yield* rawGet(ctx.client, stringFlag(ctx.cmd, 'raw'), etcdHasLeader(ctx.env.etcdMembers()), VERSION_INFO, proxyBackend(ctx.env));
  if (response.code < 300) {
    ctx.io.out(response.body);
    return 0;
  }
  if (response.status) return failStatus(ctx, response.status);
  if (response.code === 404) return fail(ctx, 'Error from server (NotFound): the server could not find the requested resource\n');
  return fail(ctx, `Error from server (InternalError): an error on the server (${JSON.stringify(response.body)}) has prevented the request from succeeding\n`);
}
