// The warnings an etcd member writes when its disk is slow, in the zap JSON lines of etcd 3.4.23
// (captured on 127.0.0.1 with fdatasync slowed by `strace -e inject=fdatasync:delay_exit=…`):
//   wal/wal.go:808        "slow fdatasync" when a WAL sync takes over 1 s
//   etcdserver/raft.go:440 "leader failed to send out heartbeat on time; …" past 2 heartbeats
//   etcdserver/util.go:167 "apply request took too long" past 100 ms
// They are what `kubectl logs -n kube-system etcd-NODE` shows after its start-up lines.
import { formatGoDurationNs } from '../registry/goDuration';
import { LogBuffer, type LogBufferLine } from '../runtime/logBuffer';
import { storedValue } from './revisionStamp';
import type { EtcdRequest } from './apply';

/** WARN_SYNC_MS: wal.go's warnSyncDuration. */
export const WARN_SYNC_MS = 1000;
/** WARN_APPLY_MS: etcdserver's warnApplyDuration (the default --warning-apply-duration). */
export const WARN_APPLY_MS = 100;
/** MemberLog is a member's process log after start-up: a bounded list of timestamped lines. */
export class MemberLog {
  private readonly buffer = new LogBuffer();

  constructor(private readonly epochMs: () => number) {}

  /** since lists the lines written at or after `fromMs`. */
  since(fromMs: number): LogBufferLine[] {
    return this.buffer.since(fromMs);
  }

  warn(nowMs: number, caller: string, msg: string, fields: Array<[string, string]>): void {
    const ts = new Date(this.epochMs() + nowMs).toISOString();
    const rest = fields.map(([k, v]) => `,${JSON.stringify(k)}:${JSON.stringify(v)}`).join('');
    this.buffer.push(nowMs, `{"level":"warn","ts":"${ts}","caller":"${caller}","msg":"${msg}"${rest}}`);
  }

  slowFdatasync(nowMs: number, tookMs: number): void {
    this.warn(nowMs, 'wal/wal.go:808', 'slow fdatasync', [
      ['took', duration(tookMs, nowMs)],
      ['expected-duration', '1s'],
    ]);
  }

  lateHeartbeat(nowMs: number, toMemberId: string, heartbeatMs: number, exceededMs: number): void {
    this.warn(nowMs, 'etcdserver/raft.go:440', 'leader failed to send out heartbeat on time; took too long, leader is overloaded likely from slow disk', [
      ['to', toMemberId],
      ['heartbeat-interval', duration(heartbeatMs)],
      ['expected-duration', duration(2 * heartbeatMs)],
      ['exceeded-duration', duration(exceededMs, nowMs + 1)],
    ]);
  }

  slowApply(nowMs: number, tookMs: number, req: EtcdRequest, revision: number): void {
    const request = requestText(req);
    if (request === undefined) return;
    this.warn(nowMs, 'etcdserver/util.go:167', 'apply request took too long', [
      ['took', duration(tookMs, nowMs + 2)],
      ['expected-duration', duration(WARN_APPLY_MS)],
      ['prefix', ''],
      ['request', request],
      ['response', `size:${responseSize(req, revision)}`],
    ]);
  }
}

/**
 * duration prints a sim duration as Go does; `jitterSeed` adds the sub-millisecond digits a real
 * clock has (derived from the time, so runs stay reproducible).
 */
function duration(ms: number, jitterSeed?: number): string {
  const subMsNs = jitterSeed === undefined ? 0 : (Math.imul(jitterSeed, 2654435761) >>> 0) % 1_000_000;
  return formatGoDurationNs(ms * 1_000_000 + subMsNs);
}

/**
 * requestText is the request as etcd logs it (protobuf text of the InternalRaftRequest): the
 * apiserver's writes are the optimistic txns of k8s.io/apiserver's etcd3 store, made with the
 * kube-apiserver-etcd-client certificate: create compares mod_revision 0 with an empty failure
 * branch, update and delete compare the read revision and get the key on failure.
 */
export function requestText(req: EtcdRequest): string | undefined {
  const header = `header:<ID:${req.id} username:"kube-apiserver-etcd-client" auth_revision:1 >`;
  if (req.kind === 'put') return `header:<ID:${req.id} > put:<key:"${req.key}" value_size:${valueSize(req.value)} >`;
  if (req.kind !== 'txn') return undefined;
  const { key, expectModRevision, success } = req.txn;
  const compare = `compare:<target:MOD key:"${key}" mod_revision:${expectModRevision ?? 0} >`;
  const op = success.type === 'put' ? `request_put:<key:"${key}" value_size:${valueSize(success.value)} >` : `request_delete_range:<key:"${key}" >`;
  const failure = expectModRevision ? `failure:<request_range:<key:"${key}" > >` : 'failure:<>';
  return `${header} txn:<${compare} success:<${op}> ${failure}>`;
}

function valueSize(value: unknown): number {
  return typeof value === 'string' ? value.length : JSON.stringify(storedValue(value)).length;
}

/**
 * responseSize: the encoded response before the server fills in the ids: a header holding the
 * revision (a plain put is `size:4` at revision 5 in the capture), plus for a txn its succeeded
 * flag and op response (`size:16` at revision 283 in a kubeadm cluster's log).
 */
function responseSize(req: EtcdRequest, revision: number): number {
  const varint = Math.max(1, Math.ceil(Math.log2(revision + 1) / 7));
  return req.kind === 'put' ? 3 + varint : 14 + varint;
}
