// What happens when etcd.yaml points etcd at another data directory, the last step of the seeds'
// restore runbook (`etcdctl snapshot restore … --data-dir=/var/lib/etcd-restore`, then edit
// /etc/kubernetes/manifests/etcd.yaml): the kubelet restarts the etcd static pod, and etcd comes
// back serving what that directory holds: a restored snapshot, the data it had before, or, for a
// directory nothing wrote, an empty keyspace.
//
// k8sim's etcd is one simulated cluster, so the switch is played as the member restarting and
// then its keyspace becoming the directory's: keys missing from it are deleted and the others
// written back, through Raft, so the apiserver's watch caches and every controller see the change.
// Unlike real etcd, whose revision would go back to the snapshot's, the revision keeps increasing.
import type { KubeObject } from '../api/object';
import { encode } from '../apiserver/storage/codec';
import type { ShellSession } from '../commands/bash/session';
import type { EtcdCluster } from '../etcd/etcdCluster';
import { storedValue } from '../etcd/revisionStamp';
import { decodeSnapshot, encodeSnapshot, type Snapshot, type SnapshotKv } from '../etcdctl/snapshotFile';
import type { MountedDir } from '../commands/bash/session';
import type { Simulator } from '../sim/simulator';
import type { TxnOp } from '../etcd/types';
import { wait, type Task } from '../sim/task';

/** ETCD_RESTART_MS: from the manifest change to the new etcd container serving (kubelet sync, container start, etcd boot). */
export const ETCD_RESTART_MS = 4_000;

export interface EtcdDataState {
  /** current: the host directory etcd serves from. */
  current: string;
  /** saved: the keyspace each directory etcd left behind holds. */
  saved: Map<string, SnapshotKv[]>;
}

/** dataIn: what a host directory holds for etcd: a restored snapshot's db, data etcd left there, or nothing. */
function dataIn(state: EtcdDataState, shell: ShellSession, dir: string): SnapshotKv[] {
  // What etcd left there is newer than the db a restore wrote before etcd ever ran on it.
  const left = state.saved.get(dir);
  if (left) return left;
  const db = shell.readFile(`${dir}/member/snap/db`);
  const restored = typeof db === 'string' ? decodeSnapshot(db) : undefined;
  return restored?.kvs ?? [];
}

/**
 * switchEtcdData restarts etcd on `dir` (a host directory, or undefined for one inside the
 * container). Returns the number of keys written and deleted, for the trace.
 */
export function* switchEtcdData(sim: Simulator, etcd: EtcdCluster, state: EtcdDataState, shell: ShellSession, dir: string | undefined): Task<{ puts: number; deletes: number } | undefined> {
  if (dir === state.current) return undefined;
  const listed = yield* wait(etcd.range('', { prefix: true, serializable: true }));
  if (!listed.ok) return undefined;
  const live = new Map(listed.value.kvs.map((kv) => [kv.key, JSON.stringify(storedValue(kv.value))]));
  state.saved.set(state.current, listed.value.kvs.map((kv) => [kv.key, live.get(kv.key)!, kv.createRevision, kv.modRevision, kv.version]));
  const target = dir === undefined ? [] : dataIn(state, shell, dir);
  state.current = dir ?? '';
  const names = etcd.memberViews().map((m) => m.name);
  for (const name of names) etcd.stopMember(name);
  yield* wait(sim.sleep(ETCD_RESTART_MS));
  for (const name of names) etcd.startMember(name);
  // Serve only once the restarted member leads again (a linearizable read needs a leader).
  for (let attempt = 0; attempt < 100; attempt++) {
    if ((yield* wait(etcd.range('health', {}))).ok) break;
    yield* wait(sim.sleep(100));
  }
  const wanted = new Map(target.map(([key, value]) => [key, value]));
  const ops: Array<[string, TxnOp]> = [];
  for (const key of live.keys()) if (!wanted.has(key)) ops.push([key, { type: 'delete' }]);
  const deletes = ops.length;
  const puts = [...wanted].filter(([key, value]) => live.get(key) !== value).sort(([a], [b]) => writeRank(a) - writeRank(b) || (a < b ? -1 : 1));
  for (const [key, value] of puts) {
    const parsed = JSON.parse(value) as unknown;
    // The apiserver's objects go back through its codec, so they read back stamped as any write.
    ops.push([key, { type: 'put', value: parsed !== null && typeof parsed === 'object' ? encode(parsed as KubeObject) : parsed }]);
  }
  // One Raft entry: watchers see the directory's keyspace arrive together, as after a real
  // restart, rather than a controller (or the garbage collector) acting on half of it.
  for (let attempt = 0; attempt < 20; attempt++) {
    if ((yield* wait(etcd.restore(ops))).ok) break;
    yield* wait(sim.sleep(200));
  }
  return { puts: puts.length, deletes };
}

/**
 * writeRank orders the writes so owners come after what they own: pods and everything else,
 * then ReplicaSets, ControllerRevisions and Jobs, then the workloads that own those. A handler
 * woken by an owner's event then finds its dependents already in its informer's cache.
 */
function writeRank(key: string): number {
  if (/^\/registry\/(deployments|statefulsets|daemonsets|cronjobs)\//.test(key)) return 2;
  if (/^\/registry\/(replicasets|controllerrevisions|jobs)\//.test(key)) return 1;
  return 0;
}

/**
 * etcdDataMounts shows a data directory in the machine's files: member/snap/db (the keyspace as
 * a database file, readable by `etcdctl snapshot status` and restorable with --skip-hash-check)
 * and member/wal. Read-only: etcd owns them.
 */
export function etcdDataMounts(dir: string, keyspace: () => Snapshot): Array<[string, MountedDir]> {
  const readOnly = (files: Record<string, () => string>): MountedDir => ({
    list: () => Object.keys(files),
    read: (file) => files[file]?.(),
    write: () => {},
    remove: () => false,
  });
  return [
    [`${dir}/member/snap`, readOnly({ db: () => encodeSnapshot(keyspace()) })],
    [`${dir}/member/wal`, readOnly({ '0000000000000000-0000000000000000.wal': () => '' })],
  ];
}
