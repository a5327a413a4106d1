import { readFileSync } from 'node:fs';
import { failoverTrials, quorumLoss, summarize } from '../engine/etcd/calibration';

const ORACLE = new URL('../engine/etcd/testdata/oracle-etcd-3.4.23-n3-et1000.json', import.meta.url);

/**
 * etcdCalibrationReport runs the oracle's experiments on the simulated etcd (3 members, 100 ms
 * heartbeat, 1000 ms election timeout; 10 clusters × 20 leader kills) and prints them next to real
 * etcd 3.4.23's measurements.
 */
export function etcdCalibrationReport(): string[] {
  const oracle = JSON.parse(readFileSync(ORACLE, 'utf8')).configs.n3_et1000;
  const options = { members: 3, heartbeatIntervalMs: 100, electionTimeoutMs: 1000, preVote: false };
  const trials = [];
  for (let seed = 1; seed <= 10; seed++) trials.push(...failoverTrials(seed, 20, options));
  const row = (label: string, sim: ReturnType<typeof summarize>, real: { min: number; median: number; p90: number; max: number }) =>
    `  ${label.padEnd(26)}${fmt(sim.min)} / ${fmt(sim.median)} / ${fmt(sim.p90)} / ${fmt(sim.max)}   ${fmt(real.min)} / ${fmt(real.median)} / ${fmt(real.p90)} / ${fmt(real.max)}`;
  const simPlus2 = trials.filter((t) => t.termDelta === 2).length;
  const realCounts = oracle.summary.log_term_delta_counts as Record<string, number>;
  const realTrials = oracle.trials.length as number;
  const quorum = quorumLoss(1, options);
  const realQuorum = oracle.quorum.cases.find((c: { quorum: boolean }) => !c.quorum);
  const median = summarize(trials.map((t) => t.failoverMs)).median;
  const realMedian = oracle.summary.failover_ms_etcdctl_visible.median;
  return [
    `etcd calibration: 3 members, heartbeat 100 ms, election 1000 ms; sim ${trials.length} leader kills vs real etcd 3.4.23 ${realTrials}`,
    `  ${''.padEnd(26)}sim min / median / p90 / max ms       real min / median / p90 / max ms`,
    row('failover (status poll)', summarize(trials.map((t) => t.failoverMs)), oracle.summary.failover_ms_etcdctl_visible),
    row('election timer fired', summarize(trials.map((t) => t.timerFiredMs)), oracle.summary.log_lost_leader_ms),
    row('new leader elected', summarize(trials.map((t) => t.electedMs)), oracle.summary.log_elected_ms),
    row('killed member rejoined', summarize(trials.map((t) => t.rejoinMs)), oracle.summary.rejoin_ms),
    `  failover median            sim ${fmt(median)} ms vs real ${fmt(realMedian)} ms (${signed((100 * (median - realMedian)) / realMedian)}%, allowed ±25%)`,
    `  term +1 / +2               sim ${trials.length - simPlus2} / ${simPlus2} (${pct(simPlus2 / trials.length)})   real ${realCounts['1'] ?? 0} / ${realCounts['2'] ?? 0} (${pct((realCounts['2'] ?? 0) / realTrials)})`,
    `  rejoin bumped the term     sim ${trials.filter((t) => t.rejoinTermBump).length}   real ${oracle.summary.rejoin_term_bumps}`,
    `  quorum lost: put fails     sim after ${fmt(quorum.putFailedAfterMs)} ms "${quorum.putError}"   real after ${fmt(realQuorum.etcdctl_put.wall_ms)} ms "${(realQuorum.etcdctl_put.stderr as string).trim().split('\n').pop()!.replace(/^Error: /, '')}"`,
    `  quorum lost: leader steps down  sim ${fmt(quorum.leaderStepDownMs)} ms   real ${fmt(realQuorum.old_leader_stepdown_log_ms)} ms; serializable get ${quorum.serializableGetOk ? 'answers' : 'fails'} (real ${realQuorum.serializable_get.rc === 0 ? 'answers' : 'fails'}), linearizable get fails`,
  ];
}

function fmt(ms: number): string {
  return String(Math.round(ms));
}

function pct(x: number): string {
  return `${(100 * x).toFixed(1)}%`;
}

function signed(x: number): string {
  return `${x >= 0 ? '+' : ''}${x.toFixed(1)}`;
}
