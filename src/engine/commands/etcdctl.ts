import type { EtcdctlCommand, EtcdctlGlobals, EtcdctlOutput, GetCommand, KeyValue as CtlKeyValue, PutCommand, ResponseHeader as CtlHeader } from '../etcdctl';
import { parseEtcdctlArgs, printEndpointHealth, printEndpointStatus, printGet, printMemberList, printPut, retryWarnLine } from '../etcdctl';
import type { KeyValue, ResponseHeader } from '../etcd/types';
import { Future } from '../sim/future';
import { storedValue } from '../etcd/revisionStamp';
import { wait, type Task } from '../sim/task';
import type { CommandIO } from './process';
import { snapshotRestore, snapshotSave, snapshotStatusCommand } from './etcdctlSnapshot';
import { checkPerf } from './etcdctlCheck';
import { askedMembers } from './etcdctlEndpoints';
import { endpointHealth } from './etcdctlHealth';
import type { EtcdMemberView, ShellEnv } from './shellEnv';

/**
 * etcdctl (v3.4) against the simulated etcd. Without --endpoints it asks every member, as
 * `--cluster` does, because the learner's point of view is "the etcd cluster", not one member;
 * stopped members are reported on stderr the way etcdctl reports an unreachable endpoint.
 * Values are the apiserver's objects printed as JSON (the apiserver's
 * --storage-media-type=application/json; real clusters store protobuf).
 */
export function* etcdctl(env: ShellEnv, argv: string[], io: CommandIO): Task<number> {
  const parsed = parseEtcdctlArgs(argv, io.stdin);
  if (parsed.kind === 'exit') return emit(io, parsed.output);
  const output = yield* runCommand(env, parsed.globals, parsed.command, argv.some((a) => a.startsWith('--endpoints')));
  return emit(io, output);
}

function* runCommand(env: ShellEnv, globals: EtcdctlGlobals, command: EtcdctlCommand, explicitEndpoints: boolean): Task<EtcdctlOutput> {
  const members = env.etcdMembers();
  const format = globals.writeOut;
  switch (command.name) {
    case 'get':
      return yield* get(env, command, globals);
    case 'put':
      return yield* put(env, command, globals);
    case 'member list': {
      const alive = members.find((m) => m.running);
      if (!alive) return unreachable(env, members[0]);
      const header = { clusterId: alive.clusterId, memberId: alive.id, revision: 0, raftTerm: alive.raftTerm };
      return printMemberList({ header, members: members.map((m) => ({ id: m.id, name: m.name, peerUrls: [m.peerURL], clientUrls: [m.clientURL] })) }, format);
    }
    case 'endpoint status': {
      // One endpoint after another (ep_command.go epStatusCommandFunc); a dead one costs the whole
      // --command-timeout before the next is asked.
      const timeoutMs = Math.max(1, Math.round(globals.commandTimeoutNs / 1e6));
      const statuses = [];
      for (const member of askedMembers(env, globals, command.cluster, explicitEndpoints)) {
        yield* wait(env.sim.sleep(member.running ? 1 : timeoutMs));
        statuses.push(statusOf(env, member));
      }
      return printEndpointStatus(statuses, format);
    }
    case 'endpoint health':
      return printEndpointHealth(yield* endpointHealth(env, globals, askedMembers(env, globals, command.cluster, explicitEndpoints)), format);
    case 'snapshot save':
      return yield* snapshotSave(env, globals, command.file);
    case 'snapshot status':
      return snapshotStatusCommand(env, globals, command.file);
    case 'snapshot restore':
      return snapshotRestore(env, command);
    case 'check perf':
      return yield* checkPerf(env, globals, command);
    case 'defrag':
      return yield* defrag(env, globals, command.cluster, command.dataDir);
    case 'unsupported':
      return { stdout: '', stderr: `Error: "etcdctl ${command.path}" is not simulated by k8sim\n`, exitCode: 1 };
  }
}

function* get(env: ShellEnv, command: GetCommand, globals: EtcdctlGlobals): Task<EtcdctlOutput> {
  if (command.rev > 0) return { stdout: '', stderr: 'Error: reading past revisions (--rev) is not simulated by k8sim\n', exitCode: 1 };
  const whole = command.rangeEnd !== undefined;
  const result = yield* wait(withCommandTimeout(env, globals, env.etcd.range(whole ? '' : command.key, { prefix: whole, serializable: command.serializable })));
  // Measured on etcd 3.4 (oracles/etcd): a linearizable get without quorum ends when the client's
  // deadline cancels the server's ReadIndex wait, which gRPC reports with code Unknown.
  if (result === 'deadline') return rpcFailure(env, 'rpc error: code = Unknown desc = context deadline exceeded', true);
  if (!result.ok) return rpcFailure(env, result.error.message);
  let kvs = result.value.kvs;
  if (whole) kvs = kvs.filter((kv) => kv.key >= command.key && (command.rangeEnd === '\0' || kv.key < command.rangeEnd!));
  kvs = sortKvs(kvs, command);
  const count = kvs.length;
  const limited = command.limit > 0 ? kvs.slice(0, command.limit) : kvs;
  return printGet(
    { header: ctlHeader(result.value.header), kvs: limited.map((kv) => ctlKv(kv, command.keysOnly)), more: limited.length < count, count },
    { format: globals.writeOut, hex: globals.hex, valueOnly: command.printValueOnly },
  );
}

function* put(env: ShellEnv, command: PutCommand, globals: EtcdctlGlobals): Task<EtcdctlOutput> {
  const result = yield* wait(withCommandTimeout(env, globals, env.etcd.put(command.key, command.value)));
  if (result === 'deadline') return rpcFailure(env, 'context deadline exceeded', false, 'DeadlineExceeded');
  if (!result.ok) return rpcFailure(env, result.error.message);
  const prev = result.value.prevKv;
  return printPut({ header: ctlHeader(result.value.header), prevKv: command.prevKv && prev ? ctlKv(prev, false) : undefined }, { format: globals.writeOut, hex: globals.hex });
}

/**
 * withCommandTimeout races an RPC against etcdctl's --command-timeout (default 5 s): the client's
 * context deadline, which ends the call on the client side whatever the server is still doing. With
 * quorum lost a put hits it before the server's own 7 s request timeout unless the timeout is raised.
 */
function withCommandTimeout<T>(env: ShellEnv, globals: EtcdctlGlobals, call: Future<T>): Future<T | 'deadline'> {
  const raced = new Future<T | 'deadline'>();
  call.then((value) => raced.resolve(value));
  env.sim.after(Math.max(1, Math.round(globals.commandTimeoutNs / 1e6)), () => raced.resolve('deadline'));
  return raced;
}

/**
 * rpcFailure is a failed unary RPC as etcdctl 3.4 prints it: the retry interceptor's zap warning,
 * then `Error: ...` (oracles/etcd results: `retrying of unary invoker failed` with `rpc error: code =
 * Unavailable desc = etcdserver: request timed out`, then `Error: etcdserver: request timed out`).
 */
function rpcFailure(env: ShellEnv, message: string, messageIsStatus = false, code = 'Unavailable'): EtcdctlOutput {
  const member = env.etcdMembers().find((m) => m.running) ?? env.etcdMembers()[0];
  const grpcError = messageIsStatus ? message : `rpc error: code = ${code} desc = ${message}`;
  const line = retryWarnLine({ nowMs: env.sim.nowMs, endpoint: member.clientURL, rpc: 'balanced', error: grpcError, epochMs: env.epochMs });
  return { stdout: '', stderr: `${line}\nError: ${message}\n`, exitCode: 1 };
}

/**
 * defrag rewrites each endpoint's db file (the --endpoints as typed, or with --cluster every
 * member's client URL). A member that is down fails after the dial timeout.
 */
function* defrag(env: ShellEnv, globals: EtcdctlGlobals, cluster: boolean, dataDir: string): Task<EtcdctlOutput> {
  if (dataDir) return { stdout: '', stderr: 'Error: defragmenting a data directory (--data-dir) is not simulated by k8sim\n', exitCode: 1 };
  const members = env.etcdMembers();
  const endpoints = cluster ? members.map((m) => m.clientURL) : globals.endpoints;
  let stdout = '';
  let stderr = '';
  let exitCode = 0;
  for (const endpoint of endpoints) {
    const hostPort = endpoint.replace(/^[a-z]+:\/\//, '');
    // 127.0.0.1:2379 is the stacked member of the terminal's (first control-plane) machine.
    const member = /^(127\.0\.0\.1|localhost):2379$/.test(hostPort) ? members[0] : members.find((m) => m.clientURL.endsWith(`//${hostPort}`));
    yield* wait(env.sim.sleep(member?.running ? 12 : Math.round(globals.dialTimeoutNs / 1e6)));
    if (member?.running && env.etcdControl?.defragmentMember?.(member.name)) {
      stdout += `Finished defragmenting etcd member[${endpoint}]\n`;
      continue;
    }
    stderr += `${retryWarnLine({ nowMs: env.sim.nowMs, endpoint, rpc: 'status', failure: 'refused', epochMs: env.epochMs })}\nFailed to defragment etcd member[${endpoint}] (context deadline exceeded)\n`;
    exitCode = 1;
  }
  return { stdout, stderr, exitCode };
}

function sortKvs(kvs: KeyValue[], command: GetCommand): KeyValue[] {
  if (command.sortOrder === 'NONE' && command.sortTarget === 'KEY') return kvs;
  const by = (kv: KeyValue): string | number =>
    command.sortTarget === 'VERSION' ? kv.version : command.sortTarget === 'CREATE' ? kv.createRevision : command.sortTarget === 'MOD' ? kv.modRevision : command.sortTarget === 'VALUE' ? valueText(kv.value) : kv.key;
  const sorted = [...kvs].sort((x, y) => (by(x) < by(y) ? -1 : by(x) > by(y) ? 1 : 0));
  return command.sortOrder === 'DESCEND' ? sorted.reverse() : sorted;
}

function statusOf(env: ShellEnv, member: EtcdMemberView) {
  if (!member.running) return { endpoint: member.clientURL, error: 'context deadline exceeded', clientLog: [retryWarnLine({ nowMs: env.sim.nowMs, endpoint: member.clientURL, rpc: 'status', failure: 'refused', epochMs: env.epochMs })] };
  return {
    endpoint: member.clientURL,
    status: {
      header: { clusterId: member.clusterId, memberId: member.id, revision: member.revision, raftTerm: member.raftTerm },
      version: member.version,
      dbSizeBytes: member.dbSizeBytes,
      leaderId: member.leaderId,
      raftIndex: member.raftIndex,
      raftTerm: member.raftTerm,
      raftAppliedIndex: member.raftAppliedIndex,
      dbSizeInUseBytes: member.dbSizeInUseBytes,
      errors: member.errors,
    },
  };
}

function unreachable(env: ShellEnv, member: EtcdMemberView): EtcdctlOutput {
  const line = retryWarnLine({ nowMs: env.sim.nowMs, endpoint: member.clientURL, rpc: 'balanced', epochMs: env.epochMs });
  return { stdout: '', stderr: `${line}\nError: context deadline exceeded\n`, exitCode: 1 };
}

function ctlHeader(header: ResponseHeader): CtlHeader {
  return { clusterId: header.clusterId, memberId: header.memberId, revision: header.revision, raftTerm: header.raftTerm };
}

function ctlKv(kv: KeyValue, keysOnly: boolean): CtlKeyValue {
  return { key: kv.key, value: keysOnly ? '' : valueText(kv.value), createRevision: kv.createRevision, modRevision: kv.modRevision, version: kv.version };
}

/** valueText is how a stored value reads as bytes: strings as written, objects as JSON. */
function valueText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(storedValue(value));
}

function emit(io: CommandIO, output: EtcdctlOutput): number {
  if (output.stdout) io.out(output.stdout);
  if (output.stderr) io.err(output.stderr);
  return output.exitCode;
}
