// Mirrors etcd-io/raft rafttest/interaction_env_handler*.go: the commands of the golden scripts.
import type { CmdArg, TestCase } from './datadriven';
import { InteractionEnv, type LogLevel, type NodeOptions } from './interactionEnv';
import { describeEntry } from '../describe';

/** handle runs one script command against the env and returns its output. */
export function handle(env: InteractionEnv, tc: TestCase): string {
  const ids = () => tc.args.filter((a) => a.vals.length === 0 && /^\d+$/.test(a.key)).map((a) => Number(a.key));
  const id = () => {
    const all = ids();
    if (all.length === 0) throw new Error(`line ${tc.line}: ${tc.cmd} needs a node id`);
    return all[0];
  };
  switch (tc.cmd) {
    case 'log-level':
      env.level = tc.args[0].key as LogLevel;
      break;
    case 'add-nodes':
      env.addNodes(Number(tc.args[0].key), nodeOptions(tc.args), optionalNumber(tc.args, 'index'));
      break;
    case 'campaign':
      env.raft(id()).campaign();
      break;
    case 'propose': {
      const err = env.raft(id()).propose(tc.args[1].key);
      if (err) env.write(`raft proposal dropped (${err})`);
      break;
    }
    case 'tick-election':
      tick(env, id(), env.raft(id()).raft.electionTimeout);
      break;
    case 'tick-heartbeat':
      tick(env, id(), env.raft(id()).raft.heartbeatTimeout);
      break;
    case 'set-randomized-election-timeout':
      env.raft(id()).raft.randomizedElectionTimeout = Number(arg(tc.args, 'timeout'));
      break;
    case 'tick':
      tick(env, id(), optionalNumber(tc.args, 'n') ?? 1);
      break;
    case 'process-ready':
      for (const n of ids()) multiNode(env, ids(), n, () => env.processReady(n));
      break;
    case 'deliver-msgs':
      for (const n of ids()) multiNode(env, ids(), n, () => env.deliverMsgs(n, tc.args.some((a) => a.key === 'drop')));
      break;
    case 'stabilize':
      env.stabilize(ids().length > 0 ? ids() : env.nodes.map((n) => n.id));
      break;
    case 'crash':
      crash(env, id());
      break;
    case 'restart':
      env.start(env.node(id()));
      env.write(`${id()} restarted at term ${env.raft(id()).raft.term}`);
      break;
    case 'isolate':
      env.isolated.add(id());
      break;
    case 'recover':
      env.isolated.clear();
      break;
    case 'compact':
      compact(env, id(), Number(tc.args[1].key));
      break;
    case 'transfer-leadership':
      env.raft(Number(arg(tc.args, 'from'))).transferLeader(Number(arg(tc.args, 'to')));
      break;
    case 'read-index':
      env.raft(id()).readIndex(arg(tc.args, 'ctx'));
      break;
    case 'status':
      status(env, id());
      break;
    case 'raft-state':
      raftState(env);
      break;
    case 'raft-log':
      raftLog(env, id());
      break;
    default:
      throw new Error(`line ${tc.line}: unknown command ${tc.cmd}`);
  }
  return env.takeOutput();
}

function nodeOptions(args: CmdArg[]): NodeOptions {
  const flag = (key: string, fallback: boolean) => {
    const a = args.find((x) => x.key === key);
    return a ? a.vals[0] !== 'false' : fallback;
  };
  return {
    electionTick: optionalNumber(args, 'election') ?? 10,
    heartbeatTick: optionalNumber(args, 'heartbeat') ?? 1,
    checkQuorum: flag('checkquorum', true),
    preVote: flag('prevote', false),
    maxSizePerMsg: optionalNumber(args, 'max-msg-entries') ?? 512,
  };
}

function optionalNumber(args: CmdArg[], key: string): number | undefined {
  const a = args.find((x) => x.key === key);
  return a ? Number(a.vals[0]) : undefined;
}

function arg(args: CmdArg[], key: string): string {
  const a = args.find((x) => x.key === key);
  if (!a) throw new Error(`missing argument ${key}=`);
  return a.vals[0];
}

function multiNode(env: InteractionEnv, all: number[], id: number, fn: () => void): void {
  if (all.length === 1) return fn();
  env.write(`> ${id}:`);
  env.withIndent(fn);
}

function tick(env: InteractionEnv, id: number, n: number): void {
  for (let i = 0; i < n; i++) env.raft(id).tick();
}

/** crash loses the RawNode (volatile state, unpersisted entries, messages in flight to it); storage stays. */
function crash(env: InteractionEnv, id: number): void {
  env.node(id).rawNode = undefined;
  env.messages = env.messages.filter((m) => m.to !== id);
  env.write(`${id} crashed`);
}

/** compact snapshots node `id`'s state machine at `index` and drops the log before it. */
function compact(env: InteractionEnv, id: number, index: number): void {
  const node = env.node(id);
  const rn = env.raft(id);
  if (index > node.appliedIndex) throw new Error(`cannot compact ${id} to ${index}: applied ${node.appliedIndex}`);
  const data = node.applied.filter((e) => e.index <= index);
  node.storage.createSnapshot(index, { voters: rn.raft.trk.voters.slice() }, data);
  node.storage.compact(index);
  raftLog(env, id);
}

function status(env: InteractionEnv, id: number): void {
  const r = env.raft(id).raft;
  if (r.state !== 'StateLeader') {
    env.write(`${id}: ${r.state} term=${r.term} lead=${r.lead} commit=${r.raftLog.committed}`);
    return;
  }
  for (const v of r.trk.voters) env.write(`${v}: ${r.trk.progress.get(v)}`);
}

function raftState(env: InteractionEnv): void {
  for (const n of env.nodes) {
    const r = n.rawNode?.raft;
    env.write(r ? `${n.id}: ${r.state} (${r.vote === 0 ? 'Non-Voted' : `Voted ${r.vote}`}) Term:${r.term} Lead:${r.lead}` : `${n.id}: crashed`);
  }
}

function raftLog(env: InteractionEnv, id: number): void {
  const log = env.raft(id).raft.raftLog;
  const ents = log.allEntries();
  if (ents.length === 0) env.write(`log is empty: first index=${log.firstIndex()}, last index=${log.lastIndex()}`);
  for (const e of ents) env.write(describeEntry(e));
}
