import type { ProxyBackend } from '../apiserver/healthz/proxyRequest';
import type { ShellEnv } from './shellEnv';

/** proxyBackend lets the apiserver's proxy subresources dial pods on their nodes (kubectl get --raw, kubectl proxy). */
export function proxyBackend(env: ShellEnv): ProxyBackend {
  return {
    rng: env.rng,
    podHttp(pod, port) {
      const body = env.nodeAgent(pod.spec?.nodeName ?? '')?.podHttp?.(pod.metadata.namespace ?? 'default', pod.metadata.name, port);
      return body === undefined ? { ok: false, error: 'connect: connection refused' } : { ok: true, body };
    },
  };
}
