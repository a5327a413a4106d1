import type { EtcdMemberView } from '../commands/shellEnv';
import type { SingleMemberEtcd } from './singleMember';

/** ETCD_VERSION is the etcd server version the simulation reports (etcd 3.4 behaviour). */
export const ETCD_VERSION = '3.4.23';

/**
 * etcdMemberView reports a single member as etcdctl sees it. The db size is estimated from the
 * JSON size of the live keys plus bbolt's page overhead; only computed when asked.
 */
export function etcdMemberView(etcd: SingleMemberEtcd): EtcdMemberView {
  let bytes = 0;
  for (const kv of etcd.store.range('/')) bytes += kv.key.length + JSON.stringify(kv.value).length;
  const dbSizeInUseBytes = roundToPage(bytes * 1.3 + 8192);
  return {
    name: etcd.member.name,
    id: etcd.member.id,
    clientURL: etcd.member.clientURL,
    peerURL: etcd.member.peerURL,
    running: true,
    isLeader: true,
    leaderId: etcd.member.id,
    raftTerm: etcd.raftTerm,
    raftIndex: etcd.raftIndex,
    raftAppliedIndex: etcd.raftIndex,
    dbSizeBytes: Math.max(dbSizeInUseBytes, roundToPage(bytes * 2 + 20480)),
    dbSizeInUseBytes,
    revision: etcd.store.currentRevision,
    clusterId: etcd.clusterId,
    version: ETCD_VERSION,
  };
}

function roundToPage(bytes: number): number {
  return Math.ceil(bytes / 4096) * 4096;
}
