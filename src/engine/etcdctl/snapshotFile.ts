// The file `etcdctl snapshot save` writes and `snapshot status|restore` read. A real snapshot is
// etcd's bbolt database; k8sim's starts with bbolt's meta page magic (so it is not text to
// `cat`), then a tag line and the keyspace as JSON: each key's value as etcd holds it, its
// create/mod revisions and version, at the snapshot's revision. The hash is CRC-32C of the body,
// as etcd appends a CRC-32C (Castagnoli) of the database to a snapshot.

/** BOLT_MAGIC: a bbolt file's first page header (page id 0, meta flag) and magic 0xED0CDAED. */
const BOLT_MAGIC = '\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0004\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u00ed\u00da\u000c\u00ed';
const TAG = 'k8sim-etcd-snapshot/v1\n';

/** SnapshotKv: [key, value as JSON, createRevision, modRevision, version]. */
export type SnapshotKv = [string, string, number, number, number];

export interface Snapshot {
  revision: number;
  kvs: SnapshotKv[];
  /** sizeBytes: the database file size the snapshot stands for (TOTAL SIZE). */
  sizeBytes: number;
  /** hashless: a member's own database file (member/snap/db), which carries no snapshot hash. */
  hashless?: boolean;
}

/** BOLT_INTERNAL_KEYS: the keys etcd keeps beside the keyspace (meta: consistent_index, term; members; cluster version). */
const BOLT_INTERNAL_KEYS = 4;

export function encodeSnapshot(snapshot: Snapshot): string {
  return BOLT_MAGIC + TAG + JSON.stringify(snapshot);
}

/** decodeSnapshot reads a snapshot file, or undefined when it is not one ("invalid database"). */
export function decodeSnapshot(text: string): Snapshot | undefined {
  if (!text.startsWith(BOLT_MAGIC + TAG)) return undefined;
  try {
    const parsed = JSON.parse(text.slice(BOLT_MAGIC.length + TAG.length)) as Snapshot;
    return typeof parsed.revision === 'number' && Array.isArray(parsed.kvs) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export interface SnapshotStatus {
  hash: number;
  revision: number;
  totalKey: number;
  totalSize: number;
}

export function snapshotStatus(text: string, snapshot: Snapshot): SnapshotStatus {
  return { hash: crc32c(text.slice(BOLT_MAGIC.length)), revision: snapshot.revision, totalKey: snapshot.kvs.length + BOLT_INTERNAL_KEYS, totalSize: snapshot.sizeBytes };
}

let table: Uint32Array | undefined;

/** crc32c is CRC-32 with the Castagnoli polynomial over the string's UTF-16 code units. */
export function crc32c(text: string): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let i = 0; i < 256; i++) {
      let c = i;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0x82f63b78 ^ (c >>> 1) : c >>> 1;
      table[i] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    crc = table[(crc ^ code) & 0xff] ^ (crc >>> 8);
    if (code > 0xff) crc = table[(crc ^ (code >>> 8)) & 0xff] ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}
