// Mirrors etcd v3.4 etcdserver (raft.go, server.go adjustTicks) with --initial-election-tick-advance
// on (the default): a starting member fast-forwards its election clock so the cluster elects a
// leader soon after boot instead of a full election timeout later.
import type { Simulator } from '../sim/simulator';
import type { EtcdMemberConfig } from './memberConfig';
import type { PeerNetwork } from './network';

/** How often, and how many times, a member of a larger cluster looks for reachable peers (50 ms, 5 s). */
const CHECK_INTERVAL_MS = 50;
const MAX_CHECKS = 100;

/**
 * adjustTicks: a single member advances all but one election tick; a member of a larger cluster,
 * once it reaches at least two peers, all but two (so a live leader's heartbeat still arrives
 * first). `current` tells whether the process that asked is still the running one.
 */
export function adjustTicks(sim: Simulator, config: EtcdMemberConfig, network: PeerNetwork, current: () => boolean, advance: (ticks: number) => void): void {
  if (config.peerIds.length === 1) {
    advance(config.electionTicks - 1);
    return;
  }
  let attempts = 0;
  const check = (): void => {
    if (!current()) return;
    const activePeers = config.peerIds.filter((id) => id !== config.raftId && network.connected(config.raftId, id)).length;
    if (activePeers > 1) advance(config.electionTicks - 2);
    else if (++attempts < MAX_CHECKS) sim.after(CHECK_INTERVAL_MS, check);
  };
  sim.after(CHECK_INTERVAL_MS, check);
}
