// Leader-failover and quorum-loss experiments on the simulated etcd, run the way the oracle
// (shared/oracles/etcd/leader_failover.py, real etcd 3.4.23 on loopback) ran them, so the two
// distributions can be compared side by side (calibration.test.ts, npm run bench).
import { Simulator } from '../sim/simulator';
import { EtcdCluster, type EtcdClusterOptions } from './etcdCluster';
import type { EtcdMember } from './member';
import { None } from './raft/raftpb';

export interface FailoverTrial {
  /** failoverMs: kill → every survivor reports the same new leader, as seen by a ~30 ms status poll. */
  failoverMs: number;
  /** electedMs: kill → the new leader became leader (the oracle's `elected leader` log line). */
  electedMs: number;
  /** timerFiredMs: kill → the first survivor's election timer fired (`lost leader` log line). */
  timerFiredMs: number;
  termDelta: number;
  candidateTransitions: number;
  /** rejoinMs: restart of the killed member → it reports the leader and has caught up. */
  rejoinMs: number;
  rejoinTermBump: boolean;
}

/**
 * failoverTrials mirrors the oracle's trial loop on one cluster: wait for a leader everyone
 * agrees on, put a key, SIGKILL the leader, poll the survivors' status until they agree on a new
 * leader, then restart the killed member and wait for it to catch up.
 */
export function failoverTrials(seed: number, trials: number, options: EtcdClusterOptions): FailoverTrial[] {
  const sim = new Simulator(seed);
  const etcd = new EtcdCluster(sim, options);
  const pollRng = sim.rng.fork('oracle-poll');
  const candidacies = countCandidacies(sim);
  const out: FailoverTrial[] = [];
  waitUntil(sim, () => agreedLeader(etcd.members) !== undefined, 30_000);
  for (let trial = 0; trial < trials; trial++) {
    // The oracle's `etcdctl put` returns, its process exits (~14 ms wall in total), then the kill.
    sim.runUntil(sim.nowMs + pollRng.int(1000));
    const put = etcd.put(`/trial/${trial}`, 'x');
    waitUntil(sim, () => put.isSettled, 30_000);
    sim.runUntil(sim.nowMs + 10 + pollRng.int(8));
    const old = agreedLeader(etcd.members);
    if (!old) throw new Error(`seed ${seed} trial ${trial}: no agreed leader`);
    const oldTerm = old.raft!.term;
    const killedAtMs = sim.nowMs;
    candidacies.reset();
    old.stop();
    const survivors = etcd.members.filter((m) => m !== old);
    // The oracle polls `etcdctl endpoint status` every 22-48 ms (spawn + RPC + 10 ms sleep).
    let agreed: EtcdMember | undefined;
    while (!agreed || agreed === old) {
      sim.runUntil(sim.nowMs + 22 + pollRng.int(27));
      agreed = agreedLeader(survivors);
      if (sim.nowMs - killedAtMs > 60_000) throw new Error(`seed ${seed} trial ${trial}: no new leader`);
    }
    const failoverMs = sim.nowMs - killedAtMs;
    const newTerm = agreed.raft!.term;
    const restartAtMs = sim.nowMs;
    old.start();
    waitUntil(sim, () => old.raft?.lead === agreed!.config.raftId && old.consistentIndex >= agreed!.consistentIndex, 30_000);
    out.push({
      failoverMs,
      electedMs: candidacies.electedAtMs - killedAtMs,
      timerFiredMs: candidacies.firstFiredAtMs - killedAtMs,
      termDelta: newTerm - oldTerm,
      candidateTransitions: candidacies.count,
      rejoinMs: sim.nowMs - restartAtMs,
      rejoinTermBump: agreed.raft!.term !== newTerm,
    });
  }
  return out;
}

export interface QuorumLossResult {
  /** putFailedAfterMs: a put issued right after quorum loss → its error. */
  putFailedAfterMs: number;
  putError: string;
  linearizableGetError: string | undefined;
  serializableGetOk: boolean;
  /** leaderStepDownMs: quorum-breaking kill → the lone leader steps down (check-quorum). */
  leaderStepDownMs: number;
  /** leaderAfter2ElectionTimeouts: the survivor's view of the leader ('' = none). */
  leaderAfter2ElectionTimeouts: string;
}

/**
 * quorumLoss mirrors the oracle's quorum test: stop followers one at a time until only the
 * leader is left, then put (it hangs until etcd's ReqTimeout), read both ways, and watch the
 * leader step down.
 */
export function quorumLoss(seed: number, options: EtcdClusterOptions): QuorumLossResult {
  const sim = new Simulator(seed);
  const etcd = new EtcdCluster(sim, options);
  waitUntil(sim, () => agreedLeader(etcd.members) !== undefined, 30_000);
  etcd.put('/quorum/key', 'v1');
  sim.runUntil(sim.nowMs + 500);
  const leader = agreedLeader(etcd.members)!;
  const followers = etcd.members.filter((m) => m !== leader);
  const mustLose = followers.length - Math.floor(etcd.members.length / 2) + 1;
  for (const f of followers.slice(0, mustLose - 1)) {
    f.stop();
    sim.runUntil(sim.nowMs + 1000);
  }
  const killedAtMs = sim.nowMs;
  followers[mustLose - 1].stop();
  let stepDownAtMs = Number.NaN;
  sim.trace.subscribe((e) => {
    if (e.component === leader.name && e.kind === 'raft.become' && e.state === 'StateFollower' && Number.isNaN(stepDownAtMs)) stepDownAtMs = e.t;
  });
  const put = etcd.put('/quorum/key', 'v2');
  let putSettledAtMs = Number.NaN;
  put.then(() => (putSettledAtMs = sim.nowMs));
  const linearizable = etcd.range('/quorum/key');
  const serializable = etcd.range('/quorum/key', { serializable: true });
  sim.runUntil(killedAtMs + 2 * options.electionTimeoutMs);
  const leaderAfter = leader.raft!.lead === None ? '' : `etcd-${leader.raft!.lead}`;
  waitUntil(sim, () => put.isSettled && linearizable.isSettled, 60_000);
  const putResult = put.value;
  return {
    putFailedAfterMs: putSettledAtMs - killedAtMs,
    putError: putResult.ok ? '' : putResult.error.message,
    linearizableGetError: linearizable.value.ok ? undefined : linearizable.value.error.message,
    serializableGetOk: serializable.isSettled && serializable.value.ok,
    leaderStepDownMs: stepDownAtMs - killedAtMs,
    leaderAfter2ElectionTimeouts: leaderAfter,
  };
}

/** waitUntil runs the simulation until `done` holds (checked after every event). */
function waitUntil(sim: Simulator, done: () => boolean, limitMs: number): void {
  const deadline = sim.nowMs + limitMs;
  while (!done()) {
    if (sim.nextEventMs() > deadline) throw new Error(`condition not reached within ${limitMs} ms`);
    sim.step();
  }
}

/** agreedLeader: the member every running member in `members` names as leader, if they agree. */
function agreedLeader(members: EtcdMember[]): EtcdMember | undefined {
  const running = members.filter((m) => m.running);
  const lead = running[0]?.raft?.lead ?? None;
  if (lead === None || !running.every((m) => m.raft!.lead === lead)) return undefined;
  return running.find((m) => m.config.raftId === lead) ?? members.find((m) => m.config.raftId === lead);
}

/** countCandidacies follows raft.become events: campaigns since reset, first one, and the win. */
function countCandidacies(sim: Simulator) {
  const state = {
    count: 0,
    firstFiredAtMs: Number.NaN,
    electedAtMs: Number.NaN,
    reset() {
      state.count = 0;
      state.firstFiredAtMs = Number.NaN;
      state.electedAtMs = Number.NaN;
    },
  };
  sim.trace.subscribe((e) => {
    if (e.kind !== 'raft.become') return;
    if (e.state === 'StateCandidate' || e.state === 'StatePreCandidate') {
      if (e.state === 'StateCandidate') state.count++;
      if (Number.isNaN(state.firstFiredAtMs)) state.firstFiredAtMs = e.t;
    }
    if (e.state === 'StateLeader' && Number.isNaN(state.electedAtMs)) state.electedAtMs = e.t;
  });
  return state;
}

/** summarize gives the oracle's summary statistics (nearest-rank percentiles). */
export function summarize(values: number[]): { n: number; min: number; median: number; p90: number; max: number; mean: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  return { n: sorted.length, min: sorted[0], median, p90: at(0.9), max: sorted[sorted.length - 1], mean: sorted.reduce((a, b) => a + b, 0) / sorted.length };
}
