// etcdctl 3.4's snapshot output: `snapshot status` in the simple, table, json and fields
// printers (printer_*.go DBStatus), and the zap log lines `snapshot save` and `snapshot restore`
// print on stderr (clientv3/snapshot/v3_snapshot.go, clientv3/maintenance.go,
// etcdserver/api/membership/cluster.go), as recorded in testdata/snapshot_*.txt.
import { ExitCode, exitWithError, okOutput } from './errors';
import { humanizeBytes } from './humanize';
import type { SnapshotStatus } from './snapshotFile';
import { renderRightAlignedTable } from './tableWriter';
import type { EtcdctlOutput, OutputFormat } from './types';

export function printSnapshotStatus(status: SnapshotStatus, format: OutputFormat): EtcdctlOutput {
  const hash = status.hash.toString(16);
  switch (format) {
    case 'simple':
      return okOutput(`${hash}, ${status.revision}, ${status.totalKey}, ${humanizeBytes(status.totalSize)}\n`);
    case 'table':
      return okOutput(renderRightAlignedTable(['hash', 'revision', 'total keys', 'total size'], [[hash, String(status.revision), String(status.totalKey), humanizeBytes(status.totalSize)]]));
    case 'json':
      return okOutput(`{"hash":${status.hash},"revision":${status.revision},"totalKey":${status.totalKey},"totalSize":${status.totalSize}}\n`);
    case 'fields':
      return okOutput(`"Hash" : ${status.hash}\n"Revision" : ${status.revision}\n"Keys" : ${status.totalKey}\n"Size" : ${status.totalSize}\n`);
    default:
      return exitWithError(ExitCode.badFeature, 'unsupported output format');
  }
}

/** ZapClock turns sim time into zap's two timestamp styles (epoch seconds and ISO8601). */
export interface ZapClock {
  wallMs: number;
}

/**
 * epochSeconds is zap's default `ts` (float seconds). The sim clock has millisecond
 * resolution; the sub-millisecond digits are filled from the time so lines stay deterministic.
 */
function epochSeconds(wallMs: number, salt: number): number {
  // Up to 600 µs from the time, plus 40 µs per line: later lines never print an earlier time.
  const micros = ((Math.floor(wallMs) * 7_919) % 600) + salt * 40;
  return Number(`${Math.floor(wallMs / 1000)}.${String(wallMs % 1000).padStart(3, '0')}${String(micros).padStart(3, '0')}${salt}`);
}

type Field = [string, string | number | string[]];

function zapLine(level: string, ts: string | number, caller: string, msg: string, fields: Field[] = []): string {
  const all: Field[] = [['level', level], ['ts', ts], ['caller', caller], ['msg', msg], ...fields];
  return `{${all.map(([k, v]) => `"${k}":${JSON.stringify(v)}`).join(',')}}`;
}

const iso = (wallMs: number) => new Date(wallMs).toISOString();

/** saveLog: the lines of a successful `snapshot save`. */
export function saveLog(startWallMs: number, endWallMs: number, file: string, endpoint: string, sizeBytes: number): string {
  return [
    zapLine('info', epochSeconds(startWallMs, 1), 'snapshot/v3_snapshot.go:119', 'created temporary db file', [['path', `${file}.part`]]),
    zapLine('info', iso(startWallMs), 'clientv3/maintenance.go:200', 'opened snapshot stream; downloading'),
    zapLine('info', epochSeconds(startWallMs, 2), 'snapshot/v3_snapshot.go:127', 'fetching snapshot', [['endpoint', endpoint]]),
    zapLine('info', iso(endWallMs), 'clientv3/maintenance.go:208', 'completed snapshot read; closing'),
    zapLine('info', epochSeconds(endWallMs, 3), 'snapshot/v3_snapshot.go:142', 'fetched snapshot', [['endpoint', endpoint], ['size', humanizeBytes(sizeBytes)], ['took', (endWallMs - startWallMs) / 1000 + 0.000_123_456]]),
    zapLine('info', epochSeconds(endWallMs, 4), 'snapshot/v3_snapshot.go:152', 'saved', [['path', file]]),
  ].join('\n') + '\n';
}

/** STREAM_STACKTRACE: where etcdctl 3.4.23's failed snapshot stream is logged from (its zap stacktrace field). */
const STREAM_STACKTRACE = [
  'go.etcd.io/etcd/clientv3.(*Client).streamClientInterceptor.func1\n\tgo.etcd.io/etcd/clientv3/retry_interceptor.go:129',
  'google.golang.org/grpc.(*ClientConn).NewStream\n\tgoogle.golang.org/grpc/stream.go:148',
  'google.golang.org/grpc.NewClientStream\n\tgoogle.golang.org/grpc/stream.go:155',
  'go.etcd.io/etcd/etcdserver/etcdserverpb.(*maintenanceClient).Snapshot\n\tgo.etcd.io/etcd/etcdserver/etcdserverpb/rpc.pb.go:4296',
  'go.etcd.io/etcd/clientv3.(*retryMaintenanceClient).Snapshot\n\tgo.etcd.io/etcd/clientv3/retry.go:214',
  'go.etcd.io/etcd/clientv3.(*maintenance).Snapshot\n\tgo.etcd.io/etcd/clientv3/maintenance.go:195',
  'go.etcd.io/etcd/clientv3/snapshot.(*v3Manager).Save\n\tgo.etcd.io/etcd/clientv3/snapshot/v3_snapshot.go:123',
  'go.etcd.io/etcd/etcdctl/ctlv3/command.snapshotSaveCommandFunc\n\tgo.etcd.io/etcd/etcdctl/ctlv3/command/snapshot_command.go:113',
  'github.com/spf13/cobra.(*Command).execute\n\tgithub.com/spf13/cobra/command.go:920',
  'github.com/spf13/cobra.(*Command).ExecuteC\n\tgithub.com/spf13/cobra/command.go:1044',
  'github.com/spf13/cobra.(*Command).Execute\n\tgithub.com/spf13/cobra/command.go:968',
  'go.etcd.io/etcd/etcdctl/ctlv3.Start\n\tgo.etcd.io/etcd/etcdctl/ctlv3/ctl_nocov.go:26',
  'main.main\n\tgo.etcd.io/etcd/etcdctl/main.go:35',
  'runtime.main\n\truntime/proc.go:250',
].join('\n');

/** saveUnreachableLog: `snapshot save` against an endpoint that does not answer, ending at the command timeout. */
export function saveUnreachableLog(startWallMs: number, endWallMs: number, file: string): string {
  return [
    zapLine('info', epochSeconds(startWallMs, 1), 'snapshot/v3_snapshot.go:119', 'created temporary db file', [['path', `${file}.part`]]),
    zapLine('error', iso(endWallMs), 'clientv3/retry_interceptor.go:129', 'streamer failed to create ClientStream', [
      ['error', 'rpc error: code = DeadlineExceeded desc = latest balancer error: all SubConns are in TransientFailure'],
      ['stacktrace', STREAM_STACKTRACE],
    ]),
    'Error: context deadline exceeded',
  ].join('\n') + '\n';
}

export interface RestoreLogInput {
  wallMs: number;
  file: string;
  dataDir: string;
  walDir: string;
  clusterId: string;
  members: Array<{ id: string; peerURLs: string[] }>;
}

/** restoreLog: the lines of a successful `snapshot restore`. */
export function restoreLog(input: RestoreLogInput): string {
  const dirs: Field[] = [['path', input.file], ['wal-dir', input.walDir], ['data-dir', input.dataDir], ['snap-dir', `${input.dataDir}/member/snap`]];
  return [
    zapLine('info', epochSeconds(input.wallMs, 1), 'snapshot/v3_snapshot.go:296', 'restoring snapshot', dirs),
    ...input.members.map((m, i) =>
      zapLine('info', epochSeconds(input.wallMs + 4, 2 + i), 'membership/cluster.go:392', 'added member', [['cluster-id', input.clusterId], ['local-member-id', '0'], ['added-peer-id', m.id], ['added-peer-peer-urls', m.peerURLs]]),
    ),
    zapLine('info', epochSeconds(input.wallMs + 7, 9), 'snapshot/v3_snapshot.go:309', 'restored snapshot', dirs),
  ].join('\n') + '\n';
}
