// How etcd names members and clusters (etcdserver/api/membership, etcd 3.4): a member's ID is the
// first 8 bytes of SHA-1 over its sorted peer URLs and the cluster token; the cluster's ID is the
// first 8 bytes of SHA-1 over the sorted member IDs. `snapshot restore` prints both.
import { sha1 } from '../go/sha1';
import { utf8 } from '../go/sha256';

const toHex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');

/** memberID is NewMember's ID (no timestamp: a member of a new or restored cluster), as a bigint. */
export function memberID(peerURLs: readonly string[], clusterToken: string): bigint {
  const digest = sha1(utf8([...peerURLs].sort().join('') + clusterToken));
  return BigInt(`0x${toHex(digest.slice(0, 8))}`);
}

/** clusterID is RaftCluster.genID over the members' IDs. */
export function clusterID(memberIDs: readonly bigint[]): bigint {
  const sorted = [...memberIDs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const bytes = new Uint8Array(8 * sorted.length);
  const view = new DataView(bytes.buffer);
  sorted.forEach((id, i) => view.setBigUint64(8 * i, id));
  return BigInt(`0x${toHex(sha1(bytes).slice(0, 8))}`);
}

/** idString is types.ID.String(): lowercase hex without leading zeros. */
export function idString(id: bigint): string {
  return id.toString(16);
}
