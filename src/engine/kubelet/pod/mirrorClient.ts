// Mirrors kubernetes pkg/kubelet/pod/mirror_client.go and config/file.go (v1.32): a static pod
// from the manifest directory is named `<name>-<node>`, hashed, and mirrored into the API as a
// pod owned by the Node, so kubectl sees it; a deleted mirror pod is created again.
import type { Pod } from 'kubernetes-types/core/v1';
import type { ApiClient } from '../../client/client';
import { hex, sha256, utf8 } from '../../go/sha256';
import { stableStringify } from '../../controllers/equality';
import type { Simulator } from '../../sim/simulator';
import { wait, type Task } from '../../sim/task';
import { toRFC3339Micro } from '../../sim/time';

export const CONFIG_MIRROR_ANNOTATION = 'kubernetes.io/config.mirror';
/** How often the kubelet notices a missing mirror pod (its pod sync; the real one reacts to the delete). */
const MIRROR_CHECK_MS = 5_000;

export interface MirrorContext {
  sim: Simulator;
  client: ApiClient;
  epochMs: number;
  nodeName: string;
  nodeUid: string;
}

/** staticPodFor is the file source's pod: named for the node, hashed, seen now, tolerating NoExecute. */
export function staticPodFor(manifest: Pod, nodeName: string, seenMs: number, epochMs: number): Pod {
  const name = `${manifest.metadata?.name ?? ''}-${nodeName}`;
  const spec = { ...manifest.spec!, nodeName, tolerations: [...(manifest.spec?.tolerations ?? []), { operator: 'Exists', effect: 'NoExecute' }] };
  // The kubelet hashes the defaulted pod (md5 of a deep dump, 32 hex digits); any stable digest has that shape.
  const hash = hex(sha256(utf8(stableStringify({ name, spec })))).slice(0, 32);
  const seen = toRFC3339Micro(seenMs, epochMs).replace(/Z$/, '000Z');
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      ...manifest.metadata,
      name,
      annotations: { ...(manifest.metadata?.annotations ?? {}), 'kubernetes.io/config.hash': hash, 'kubernetes.io/config.seen': seen, 'kubernetes.io/config.source': 'file' },
    },
    spec,
  };
}

/**
 * syncMirrorPods creates each static pod's mirror pod (annotated with the config hash and owned by
 * the Node) and keeps re-creating any that disappears, while the kubelet runs.
 */
export function* syncMirrorPods(ctx: MirrorContext, manifests: readonly Pod[], isRunning: () => boolean): Task<void> {
  const pods = manifests.map((m) => staticPodFor(m, ctx.nodeName, ctx.sim.nowMs, ctx.epochMs));
  while (isRunning()) {
    for (const pod of pods) {
      const name = pod.metadata!.name!;
      const existing = yield* wait(ctx.client.get<Pod>('pods', 'kube-system', name));
      if (existing.ok || existing.status.code !== 404) continue;
      const hash = pod.metadata!.annotations!['kubernetes.io/config.hash'];
      const mirror: Pod = {
        ...pod,
        metadata: {
          ...pod.metadata,
          annotations: { ...pod.metadata!.annotations, [CONFIG_MIRROR_ANNOTATION]: hash },
          ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: ctx.nodeName, uid: ctx.nodeUid, controller: true }],
        },
      };
      yield* wait(ctx.client.create('pods', mirror));
    }
    yield* wait(ctx.sim.sleep(MIRROR_CHECK_MS));
  }
}
