// The errors a failed pull produces, as kubelet 1.32 puts them in events and container status.
// containerd 1.7 (pkg/cri/server/image_pull.go, pull.go, remotes/docker/resolver.go and
// authorizer.go) builds the text; kubelet's CRI client (k8s.io/cri-client remote_image.go)
// strips the `rpc error: code = Unknown desc = ` prefix, but keeps it for other codes such as
// NotFound.

/** PullFailureKind says why the registry refused. */
export type PullFailureKind = 'not-found' | 'access-denied' | 'unknown-host' | 'connection-refused';

/** PullFailureInput names the reference as containerd normalized it, plus where it failed. */
export interface PullFailureInput {
  kind: PullFailureKind;
  /** normalized is containerd's reference: `docker.io/library/nginx:1.99`. */
  normalized: string;
  domain: string;
  path: string;
  /** object is the tag or digest the resolver asked the registry for. */
  object: string;
  /** dnsServer is the node resolver in `lookup … on <dnsServer>: no such host`. */
  dnsServer?: string;
}

/** DEFAULT_NODE_DNS_SERVER is systemd-resolved's stub, what most nodes' resolv.conf points at. */
export const DEFAULT_NODE_DNS_SERVER = '127.0.0.53:53';

/**
 * pullErrorText is the error string kubelet reports for a failed pull.
 *
 * @example
 * pullErrorText({ kind: 'not-found', normalized: 'docker.io/library/nginx:1.99', … });
 * // 'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.99":
 * //  failed to resolve reference "docker.io/library/nginx:1.99": docker.io/library/nginx:1.99: not found'
 */
export function pullErrorText(input: PullFailureInput): string {
  const { normalized } = input;
  const outer = `failed to pull and unpack image "${normalized}": failed to resolve reference "${normalized}": `;
  switch (input.kind) {
    case 'not-found':
      return `rpc error: code = NotFound desc = ${outer}${normalized}: not found`;
    case 'access-denied':
      return `${outer}pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`;
    case 'unknown-host': {
      const host = input.domain.replace(/:\d+$/, '');
      const dns = input.dnsServer ?? DEFAULT_NODE_DNS_SERVER;
      return `${outer}failed to do request: Head "https://${input.domain}/v2/${input.path}/manifests/${input.object}": dial tcp: lookup ${host} on ${dns}: no such host`;
    }
    case 'connection-refused': {
      const port = /:(\d+)$/.exec(input.domain)?.[1] ?? '443';
      return `${outer}failed to do request: Head "http://${input.domain}/v2/${input.path}/manifests/${input.object}": dial tcp 127.0.0.1:${port}: connect: connection refused`;
    }
  }
}
