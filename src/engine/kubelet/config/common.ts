// Mirrors kubernetes pkg/kubelet/config/common.go (v1.32) applyDefaults: what the kubelet makes of
// a pod read from a manifest file before it runs it as a static pod.
import type { Pod } from 'kubernetes-types/core/v1';
import { deepFreeze, type Stored } from '../../api/object';
import { setDefaultsPod } from '../../apiserver/admission/defaults/podDefaults';
import { stableStringify } from '../../controllers/equality';
import { hex, sha256, utf8 } from '../../go/sha256';
import { toRFC3339Micro } from '../../sim/time';

export const CONFIG_HASH_ANNOTATION = 'kubernetes.io/config.hash';
export const CONFIG_SEEN_ANNOTATION = 'kubernetes.io/config.seen';
export const CONFIG_SOURCE_ANNOTATION = 'kubernetes.io/config.source';

/**
 * staticPodFor is the file source's pod: decoded with the API defaults, its UID the hash of the
 * manifest, the node and the file (so the same file on the same node always gives the same UID,
 * also after it was moved away and back), named `<name>-<node>`, bound to the node, seen at
 * `seenMs` and tolerating every NoExecute taint.
 */
export function staticPodFor(manifest: Pod, nodeName: string, filePath: string, seenMs: number, epochMs: number): Stored<Pod> {
  const decoded = structuredClone(manifest);
  setDefaultsPod(decoded);
  // The kubelet hashes the decoded pod (md5 of a deep dump) and then the host and the file path:
  // 32 hex digits. Any stable digest of the same inputs has that shape.
  const uid = hex(sha256(utf8(`${stableStringify(decoded)}host:${nodeName}file:${filePath}`))).slice(0, 32);
  const seen = toRFC3339Micro(seenMs, epochMs).replace(/Z$/, '000Z');
  const spec = { ...decoded.spec!, nodeName, tolerations: [...(decoded.spec?.tolerations ?? []), { operator: 'Exists', effect: 'NoExecute' }] };
  return deepFreeze({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      ...decoded.metadata,
      name: `${decoded.metadata?.name ?? ''}-${nodeName}`,
      namespace: decoded.metadata?.namespace ?? 'default',
      uid,
      annotations: { ...(decoded.metadata?.annotations ?? {}), [CONFIG_HASH_ANNOTATION]: uid, [CONFIG_SEEN_ANNOTATION]: seen, [CONFIG_SOURCE_ANNOTATION]: 'file' },
    },
    spec,
  });
}
