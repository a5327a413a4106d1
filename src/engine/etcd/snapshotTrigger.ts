// Mirrors etcd v3.4 etcdserver triggerSnapshot: after snapshot-count applied entries a member
// saves a snapshot of its backend and compacts its Raft log, keeping catch-up entries for slow
// followers.
import type { EtcdMember } from './member';

/** maybeTriggerSnapshot snapshots and compacts once `snapshotCount` entries were applied since the last snapshot. */
export function maybeTriggerSnapshot(member: Pick<EtcdMember, 'storage' | 'store' | 'consistentIndex' | 'config' | 'sim' | 'name'>): void {
  const { storage, config, consistentIndex } = member;
  const snapIndex = storage.snapshot().metadata.index;
  if (consistentIndex - snapIndex <= config.snapshotCount) return;
  storage.createSnapshot(consistentIndex, { voters: config.peerIds.slice() }, member.store.snapshot());
  const compactIndex = consistentIndex - config.catchUpEntries;
  if (compactIndex > storage.firstIndex()) storage.compact(compactIndex);
  member.sim.emit({ component: member.name, kind: 'etcd.snapshot', index: consistentIndex, compactedTo: Math.max(compactIndex, 0) });
}
