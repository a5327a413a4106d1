// Mirrors etcd-io/raft bootstrap.go (RawNode.Bootstrap) and etcd's new-cluster start: the log
// of a fresh cluster holds one conf-change entry per member at term 1, already committed.
import type { MemoryStorage } from './storage';

/**
 * bootstrapStorage writes the initial log of a new cluster: entries 1..N (term 1) adding each
 * voter, commit = N. That is why a fresh etcd member reports raft index N before any election
 * (a one-member etcd shows index 4 after its election, publish and cluster-version entries).
 */
export function bootstrapStorage(storage: MemoryStorage, voters: readonly number[]): void {
  storage.append(voters.map((id, i) => ({ term: 1, index: i + 1, type: 'EntryConfChange' as const, data: { describe: `add ${id}` } })));
  storage.setHardState({ term: 1, vote: 0, commit: voters.length });
}

/** bootstrapFromSnapshot starts the voters from a snapshot at `index` (etcd-io/raft's test setup). */
export function bootstrapFromSnapshot(storage: MemoryStorage, voters: readonly number[], index: number): void {
  storage.applySnapshot({ metadata: { index, term: 1, confState: { voters: [...voters] } } });
}
