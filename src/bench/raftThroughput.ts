import { EtcdCluster } from '../engine/etcd/etcdCluster';
import { Simulator } from '../engine/sim/simulator';

export interface RaftThroughputResult {
  members: number;
  proposals: number;
  wallMs: number;
  simMs: number;
  proposalsPerWallSecond: number;
  proposalsPerSimSecond: number;
  /** Leader's log entries per MsgApp (how much the batching packs per message). */
  entriesPerMsgApp: number;
}

/**
 * raftThroughput measures how fast the simulated etcd commits writes: `clients` concurrent
 * clients (like the apiserver's goroutines) each put one key after another until `proposals`
 * writes were acknowledged. Wall time counts only the write phase.
 */
export function raftThroughput(members: number, proposals: number, clients = 500): RaftThroughputResult {
  const sim = new Simulator(1);
  const etcd = new EtcdCluster(sim, { members, heartbeatIntervalMs: 100, electionTimeoutMs: 1000, preVote: false });
  sim.runUntil(3000);
  let msgApps = 0;
  let entries = 0;
  const leader = etcd.leader()!;
  const send = etcd.network.send.bind(etcd.network);
  etcd.network.send = (from, to, msgs) => {
    if (from === leader.config.raftId) {
      for (const m of msgs) if (m.type === 'MsgApp' && m.entries.length > 0) (msgApps++, (entries += m.entries.length));
    }
    send(from, to, msgs);
  };
  let issued = 0;
  let acked = 0;
  const value = { kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'bench', namespace: 'default' }, data: { k: 'v'.repeat(200) } };
  const next = (): void => {
    if (issued >= proposals) return;
    const i = issued++;
    etcd.put(`/registry/configmaps/default/bench-${i % 5000}`, value).then((r) => {
      if (r.ok) acked++;
      next();
    });
  };
  const started = performance.now();
  const simStartMs = sim.nowMs;
  for (let c = 0; c < clients; c++) next();
  while (acked < proposals && sim.nextEventMs() !== Infinity) sim.step();
  const wallMs = performance.now() - started;
  const simMs = sim.nowMs - simStartMs;
  return {
    members,
    proposals: acked,
    wallMs,
    simMs,
    proposalsPerWallSecond: acked / (wallMs / 1000),
    proposalsPerSimSecond: acked / (simMs / 1000),
    entriesPerMsgApp: msgApps === 0 ? 0 : entries / msgApps,
  };
}
