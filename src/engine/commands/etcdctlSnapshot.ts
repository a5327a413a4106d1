// `etcdctl snapshot save|status|restore` (etcd 3.4 etcdctl/ctlv3/command/snapshot_command.go and
// clientv3/snapshot): save streams one member's keyspace into a file on this machine, status
// reads a file back, restore lays out a new data directory (member/snap/db, the .snap file and
// the WAL) for a member of a new cluster whose IDs etcd derives from the peer URLs and token.
// Outputs and errors are checked against real etcdctl 3.4.23 (testdata/snapshot_*.txt).
import { clusterID, idString, memberID } from '../etcd/membership';
import { storedValue } from '../etcd/revisionStamp';
import { ExitCode, exitWithError, okOutput, type EtcdctlGlobals, type EtcdctlOutput } from '../etcdctl';
import type { SnapshotRestoreCommand } from '../etcdctl/parseArgs';
import { printSnapshotStatus, restoreLog, saveLog, saveUnreachableLog } from '../etcdctl/printSnapshot';
import { decodeSnapshot, encodeSnapshot, snapshotStatus, type Snapshot } from '../etcdctl/snapshotFile';
import { wait, type Task } from '../sim/task';
import type { ShellEnv } from './shellEnv';
import { memberFor } from './etcdctlEndpoints';
import { terminalSession, type ShellSession } from './bash/session';

/** STREAM_BYTES_PER_MS: how fast a member streams its database to etcdctl (~200 MB/s on a local disk). */
const STREAM_BYTES_PER_MS = 200_000;

const parentOf = (path: string) => path.slice(0, Math.max(1, path.lastIndexOf('/')));

export function* snapshotSave(env: ShellEnv, globals: EtcdctlGlobals, file: string): Task<EtcdctlOutput> {
  if (globals.endpoints.length !== 1) return exitWithError(ExitCode.interrupted, `snapshot must be requested to one selected node, not multiple [${globals.endpoints.join(' ')}]`);
  const shell = terminalSession(env);
  const path = shell.resolvePath(file);
  if (!shell.isDirectory(parentOf(path))) return exitWithError(ExitCode.interrupted, `could not open ${file}.part (open ${file}.part: no such file or directory)`);
  const startWallMs = env.epochMs + env.sim.nowMs;
  const member = memberFor(env, globals.endpoints[0]);
  const timeoutMs = Math.max(1, Math.round(globals.commandTimeoutNs / 1e6));
  const failed = function* (): Task<EtcdctlOutput> {
    yield* wait(env.sim.sleep(timeoutMs));
    return { stdout: '', stderr: saveUnreachableLog(startWallMs, env.epochMs + env.sim.nowMs, file), exitCode: ExitCode.interrupted };
  };
  if (!member?.running) return yield* failed();
  const listed = yield* wait(env.etcd.range('', { prefix: true, serializable: true }));
  if (!listed.ok) return yield* failed();
  const snapshot: Snapshot = {
    revision: listed.value.header.revision,
    kvs: listed.value.kvs.map((kv) => [kv.key, JSON.stringify(storedValue(kv.value)), kv.createRevision, kv.modRevision, kv.version]),
    sizeBytes: member.dbSizeBytes,
  };
  yield* wait(env.sim.sleep(2 + Math.round(snapshot.sizeBytes / STREAM_BYTES_PER_MS)));
  shell.writeFile(path, encodeSnapshot(snapshot), false);
  return { stdout: `Snapshot saved at ${file}\n`, stderr: saveLog(startWallMs, env.epochMs + env.sim.nowMs, file, globals.endpoints[0], snapshot.sizeBytes), exitCode: ExitCode.success };
}

/** readSnapshot reads a snapshot file: the snapshot, or why not (stat's error, "invalid database"). */
function readSnapshot(shell: ShellSession, file: string, verb: 'stat' | 'open'): { text: string; snapshot: Snapshot } | { error: string } {
  const text = shell.readFile(file);
  if (text === undefined) return { error: `${verb} ${file}: no such file or directory` };
  const snapshot = text === null ? undefined : decodeSnapshot(text);
  return snapshot && text !== null ? { text, snapshot } : { error: 'invalid database' };
}

export function snapshotStatusCommand(env: ShellEnv, globals: EtcdctlGlobals, file: string): EtcdctlOutput {
  const read = readSnapshot(terminalSession(env), file, 'stat');
  if ('error' in read) return exitWithError(ExitCode.error, read.error);
  return printSnapshotStatus(snapshotStatus(read.text, read.snapshot), globals.writeOut);
}

/** parseInitialCluster reads `name=url,name=url2` into each name's peer URLs, in order. */
function parseInitialCluster(text: string): Map<string, string[]> {
  const members = new Map<string, string[]>();
  for (const entry of text.split(',').filter(Boolean)) {
    const at = entry.indexOf('=');
    const name = entry.slice(0, at);
    members.set(name, [...(members.get(name) ?? []), entry.slice(at + 1)]);
  }
  return members;
}

export function snapshotRestore(env: ShellEnv, command: SnapshotRestoreCommand): EtcdctlOutput {
  const shell = terminalSession(env);
  const cluster = parseInitialCluster(command.initialCluster);
  const own = cluster.get(command.memberName);
  if (!own) return exitWithError(ExitCode.error, `couldn't find local name "${command.memberName}" in the initial cluster configuration`);
  const advertised = command.advertisePeerURLs.split(',');
  if ([...own].sort().join(',') !== [...advertised].sort().join(',')) {
    return exitWithError(ExitCode.error, `--initial-cluster has ${own.map((u) => `${command.memberName}=${u}`).join(',')} but missing from --initial-advertise-peer-urls=${command.advertisePeerURLs} (resolved urls: ${advertised.map((u) => JSON.stringify(u)).join(',')} != ${own.map((u) => JSON.stringify(u)).join(',')})`);
  }
  const dataDir = command.dataDir || `${command.memberName}.etcd`;
  const walDir = command.walDir || `${dataDir}/member/wal`;
  const wallMs = env.epochMs + env.sim.nowMs;
  if (shell.isDirectory(dataDir) || shell.readFile(dataDir) !== undefined) return exitWithError(ExitCode.error, `data-dir "${dataDir}" exists`);
  const read = readSnapshot(shell, command.file, 'open');
  const ids = [...cluster.entries()].map(([, urls]) => memberID(urls, command.clusterToken));
  const members = [...cluster.values()].map((urls, i) => ({ id: idString(ids[i]), peerURLs: urls }));
  const log = restoreLog({ wallMs, file: command.file, dataDir, walDir, clusterId: idString(clusterID(ids)), members });
  if ('error' in read) {
    const first = log.slice(0, log.indexOf('\n') + 1);
    return { stdout: '', stderr: `${first}Error: ${read.error === 'invalid database' ? 'invalid database' : read.error}\n`, exitCode: ExitCode.error };
  }
  // A member's own db file has no snapshot hash to check (v3_snapshot.go saveDB).
  if (read.snapshot.hashless && !command.skipHashCheck) {
    return { stdout: '', stderr: `${log.slice(0, log.indexOf('\n') + 1)}Error: snapshot missing hash but --skip-hash-check=false\n`, exitCode: ExitCode.error };
  }
  shell.makeDirectories(`${dataDir}/member/snap`);
  shell.makeDirectories(walDir);
  shell.writeFile(`${dataDir}/member/snap/db`, encodeSnapshot({ ...read.snapshot, hashless: true }), false);
  shell.writeFile(`${dataDir}/member/snap/0000000000000001-0000000000000001.snap`, '', false);
  shell.writeFile(`${walDir}/0000000000000000-0000000000000000.wal`, '', false);
  return okOutput('', log);
}

