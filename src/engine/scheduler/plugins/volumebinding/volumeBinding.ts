// Mirrors kubernetes pkg/scheduler/framework/plugins/volumebinding (v1.32): volume_binding.go and
// binder.go without CSI storage capacity. PreFilter rejects pods whose claims are missing, being
// deleted, lost or unbound with Immediate binding; Filter finds, per node, a static volume for
// each WaitForFirstConsumer claim (or leaves it to a provisioner); PreBind writes the chosen
// bindings and waits for the PV controller to complete them (bindTimeout 600 s).
import type { Node, PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import { deepClone, type Stored } from '../../../api/object';
import { claimNames } from '../../../api/podClaims';
import { claimClass } from '../../../api/storageClassName';
import type { ApiClient } from '../../../client/client';
import {
  ANN_BIND_COMPLETED, ANN_BOUND_BY_CONTROLLER, ANN_SELECTED_NODE, findMatchingVolume, isDelayBindingMode, NOT_SUPPORTED_PROVISIONER,
  volumeNodeAffinityMatches,
} from '../../../controllers/volume/persistentvolume/volumeUtil';
import { Future } from '../../../sim/future';
import type { Simulator } from '../../../sim/simulator';
import { spawn, wait, type Task } from '../../../sim/task';
import type { CycleState, FilterPlugin, PreBindPlugin, PreFilterPlugin, ReservePlugin } from '../../framework/interface';
import type { NodeInfo } from '../../framework/nodeInfo';
import type { PodInfo } from '../../framework/podInfo';
import { newStatus, type Status } from '../../framework/types';
import { NAMES } from '../names';

export const ERR_REASON_BIND_CONFLICT = "node(s) didn't find available persistent volumes to bind";
export const ERR_REASON_NODE_CONFLICT = 'node(s) had volume node affinity conflict';
export const ERR_REASON_PV_NOT_EXIST = 'node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)';
/** BIND_TIMEOUT_MS is VolumeBindingArgs.BindTimeoutSeconds (600); PreBind polls every second. */
export const BIND_TIMEOUT_MS = 600_000;
const POLL_MS = 1_000;
const STATE_KEY = 'PreFilter' + NAMES.VolumeBinding;
const SKIP = newStatus('Skip', NAMES.VolumeBinding);

/** VolumeListers: the scheduler's PVC, PV and StorageClass informers. */
export interface VolumeListers {
  claim(namespace: string, name: string): Stored<PersistentVolumeClaim> | undefined;
  volume(name: string): Stored<PersistentVolume> | undefined;
  volumes(): readonly Stored<PersistentVolume>[];
  storageClass(name: string): StorageClass | undefined;
}

/** PodVolumes: what Filter chose for a node (static bindings, claims left to a provisioner). */
interface PodVolumes {
  bindings: Array<{ claim: Stored<PersistentVolumeClaim>; volume: Stored<PersistentVolume> }>;
  provisions: Stored<PersistentVolumeClaim>[];
}

interface StateData {
  bound: Stored<PersistentVolumeClaim>[];
  unboundDelayed: Stored<PersistentVolumeClaim>[];
  byNode: Map<string, PodVolumes>;
}

/** isFullyBound: the claim names its volume and the PV controller finished (bind-completed). */
function isFullyBound(claim: PersistentVolumeClaim): boolean {
  return Boolean(claim.spec?.volumeName) && claim.metadata?.annotations?.[ANN_BIND_COMPLETED] !== undefined;
}

export class VolumeBinding implements PreFilterPlugin, FilterPlugin, ReservePlugin, PreBindPlugin {
  readonly name = NAMES.VolumeBinding;

  constructor(
    private readonly listers: () => VolumeListers | undefined,
    private readonly client: ApiClient,
    private readonly sim: Simulator,
  ) {}

  preFilter(state: CycleState, pod: PodInfo): Status | null {
    // Most pods mount no claim (a ServiceAccount token only): Skip.
    const names = claimNames(pod.pod);
    const listers = this.listers();
    if (names.length === 0 || !listers) return SKIP;
    const namespace = pod.pod.metadata?.namespace ?? 'default';
    const data: StateData = { bound: [], unboundDelayed: [], byNode: new Map() };
    let unboundImmediate = false;
    for (const name of names) {
      const claim = listers.claim(namespace, name);
      if (!claim) return newStatus('UnschedulableAndUnresolvable', this.name, `persistentvolumeclaim "${name}" not found`);
      if (claim.status?.phase === 'Lost') {
        return newStatus('UnschedulableAndUnresolvable', this.name, `persistentvolumeclaim "${name}" bound to non-existent persistentvolume "${claim.spec?.volumeName ?? ''}"`);
      }
      if (claim.metadata.deletionTimestamp) return newStatus('UnschedulableAndUnresolvable', this.name, `persistentvolumeclaim "${name}" is being deleted`);
      if (isFullyBound(claim)) data.bound.push(claim);
      else if (isDelayBindingMode(claim, (c) => listers.storageClass(c))) data.unboundDelayed.push(claim);
      else unboundImmediate = true;
    }
    // The PV controller binds Immediate claims; a PVC update moves the pod back to the queue.
    if (unboundImmediate) return newStatus('UnschedulableAndUnresolvable', this.name, 'pod has unbound immediate PersistentVolumeClaims');
    state.write(STATE_KEY, data);
    // The verdict depends on volumes, not only on the node: no memoized per-node verdicts.
    state.noFilterMemo = true;
    return null;
  }

  filter(state: CycleState, _pod: PodInfo, nodeInfo: NodeInfo): Status | null {
    const data = state.read<StateData>(STATE_KEY);
    const listers = this.listers();
    if (!data || !listers) return null;
    const node = nodeInfo.node as Node;
    for (const claim of data.bound) {
      const volume = listers.volume(claim.spec!.volumeName!);
      if (!volume) return newStatus('UnschedulableAndUnresolvable', this.name, ERR_REASON_PV_NOT_EXIST);
      if (!volumeNodeAffinityMatches(volume, node)) return newStatus('UnschedulableAndUnresolvable', this.name, ERR_REASON_NODE_CONFLICT);
    }
    const chosen: PodVolumes = { bindings: [], provisions: [] };
    const taken = new Set<string>();
    for (const claim of data.unboundDelayed) {
      const candidates = listers.volumes().filter((v) => !taken.has(v.metadata.name));
      const volume = findMatchingVolume(claim, candidates, node, true) as Stored<PersistentVolume> | undefined;
      if (volume) {
        taken.add(volume.metadata.name);
        chosen.bindings.push({ claim, volume });
        continue;
      }
      // No static volume: only a class with a provisioner can still make one (checkVolumeProvisions).
      const provisioner = listers.storageClass(claimClass(claim))?.provisioner;
      if (!provisioner || provisioner === NOT_SUPPORTED_PROVISIONER) return newStatus('UnschedulableAndUnresolvable', this.name, ERR_REASON_BIND_CONFLICT);
      chosen.provisions.push(claim);
    }
    data.byNode.set(nodeInfo.name, chosen);
    return null;
  }

  reserve(): Status | null {
    return null;
  }

  unreserve(): void {}

  preBind(state: CycleState, pod: PodInfo, nodeName: string): Future<Status | null> {
    const chosen = state.read<StateData>(STATE_KEY)?.byNode.get(nodeName);
    if (!chosen || (chosen.bindings.length === 0 && chosen.provisions.length === 0)) {
      const done = new Future<Status | null>();
      done.resolve(null);
      return done;
    }
    return spawn(this.bindPodVolumes(pod, nodeName, chosen));
  }

  /** bindPodVolumes is BindPodVolumes: the API updates, then checkBindings until all are bound. */
  private *bindPodVolumes(pod: PodInfo, nodeName: string, chosen: PodVolumes): Task<Status | null> {
    for (const { claim, volume } of chosen.bindings) {
      const next = deepClone(volume) as PersistentVolume;
      next.spec!.claimRef = { kind: 'PersistentVolumeClaim', namespace: claim.metadata.namespace, name: claim.metadata.name, uid: claim.metadata.uid, apiVersion: 'v1', resourceVersion: claim.metadata.resourceVersion };
      next.metadata!.annotations = { ...next.metadata!.annotations, [ANN_BOUND_BY_CONTROLLER]: 'yes' };
      const updated = yield* wait(this.client.update('persistentvolumes', next));
      if (!updated.ok) return this.bindError(updated.status.message ?? 'update failed');
    }
    for (const claim of chosen.provisions) {
      const next = deepClone(claim) as PersistentVolumeClaim;
      next.metadata!.annotations = { ...next.metadata!.annotations, [ANN_SELECTED_NODE]: nodeName };
      const updated = yield* wait(this.client.update('persistentvolumeclaims', next));
      if (!updated.ok) return this.bindError(updated.status.message ?? 'update failed');
    }
    const claims = [...chosen.bindings.map((b) => b.claim), ...chosen.provisions];
    const namespace = pod.pod.metadata?.namespace ?? 'default';
    const deadline = this.sim.nowMs + BIND_TIMEOUT_MS;
    while (this.sim.nowMs < deadline) {
      yield* wait(this.sim.sleep(POLL_MS));
      const listers = this.listers();
      if (claims.every((c) => { const now = listers?.claim(namespace, c.metadata.name); return now !== undefined && isFullyBound(now); })) return null;
    }
    return this.bindError('context deadline exceeded');
  }

  private bindError(cause: string): Status {
    return newStatus('Error', this.name, `binding volumes: ${cause}`);
  }

  eventsToRegister() {
    return [
      { resource: 'PersistentVolumeClaim', action: 'Add' }, { resource: 'PersistentVolumeClaim', action: 'Update' },
      { resource: 'PersistentVolume', action: 'Add' }, { resource: 'PersistentVolume', action: 'Update' },
      { resource: 'StorageClass', action: 'Add' }, { resource: 'StorageClass', action: 'Update' },
      { resource: 'Node', action: 'Add' }, { resource: 'Node', action: 'UpdateNodeLabel' },
    ] as const;
  }
}

