// Calibration against real etcd 3.4.23 (testdata/oracle-etcd-3.4.23-n3-et1000.json, measured by
// shared/oracles/etcd/leader_failover.py on loopback: 3 members, heartbeat 100 ms, election
// 1000 ms, pre-vote off). `npm run bench` prints the two distributions side by side.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { failoverTrials, quorumLoss, summarize, type FailoverTrial } from './calibration';

const oracle = JSON.parse(readFileSync(join(import.meta.dirname, 'testdata', 'oracle-etcd-3.4.23-n3-et1000.json'), 'utf8')).configs.n3_et1000;
const OPTIONS = { members: 3, heartbeatIntervalMs: 100, electionTimeoutMs: 1000, preVote: false };

/** wilson is the 95% Wilson score interval of a proportion k/n. */
function wilson(k: number, n: number): [number, number] {
  const z = 1.96;
  const p = k / n;
  const center = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n);
  return [center - half, center + half];
}

describe('simulated etcd vs real etcd 3.4 (3 members, 100 ms / 1000 ms)', () => {
  const trials: FailoverTrial[] = [];
  for (let seed = 1; seed <= 10; seed++) trials.push(...failoverTrials(seed, 20, OPTIONS));

  it('elects a new leader after killing the leader within ±25% of real etcd (median over 200 kills)', () => {
    const sim = summarize(trials.map((t) => t.failoverMs)).median;
    const real = oracle.summary.failover_ms_etcdctl_visible.median as number;
    expect(Math.abs(sim - real) / real).toBeLessThanOrEqual(0.25);
    // A follower's timer fires after [electionTimeout, 2 × electionTimeout) ticks without leader
    // contact; counted in its own ticks (up to one heartbeat late) from the last heartbeat, which
    // arrived up to one heartbeat before the kill.
    for (const t of trials) expect(t.timerFiredMs).toBeGreaterThanOrEqual(1000 - 2 * 100);
    for (const t of trials) expect(t.timerFiredMs).toBeLessThan(2000);
  });

  it('costs two terms (a split vote) about as often as real etcd', () => {
    const simShare = trials.filter((t) => t.termDelta === 2).length / trials.length;
    const counts = oracle.summary.log_term_delta_counts as Record<string, number>;
    const [low, high] = wilson(counts['2'] ?? 0, oracle.trials.length);
    expect(simShare).toBeGreaterThanOrEqual(low);
    expect(simShare).toBeLessThanOrEqual(high);
    expect(trials.every((t) => t.termDelta === 1 || t.termDelta === 2)).toBe(true);
    // As in the oracle's logs: one candidacy per +1 election, three candidacies per split vote.
    for (const t of trials) expect(t.candidateTransitions).toBe(t.termDelta === 1 ? 1 : 3);
  });

  it('lets a restarted member rejoin without disturbing the leader', () => {
    expect(trials.filter((t) => t.rejoinTermBump).length).toBe(oracle.summary.rejoin_term_bumps);
    expect(summarize(trials.map((t) => t.rejoinMs)).median).toBeLessThan(1000);
  });

  it('fails writes after ReqTimeout with etcd\'s error when quorum is lost, serving only serializable reads', () => {
    const real = oracle.quorum.cases.find((c: { quorum: boolean }) => !c.quorum);
    const result = quorumLoss(1, OPTIONS);
    expect(Math.abs(result.putFailedAfterMs - real.etcdctl_put.wall_ms)).toBeLessThan(100);
    expect(`Error: ${result.putError}`).toBe((real.etcdctl_put.stderr as string).trim().split('\n').pop());
    expect(result.serializableGetOk).toBe(real.serializable_get.rc === 0);
    expect(result.linearizableGetError).toBeDefined();
    expect(result.leaderAfter2ElectionTimeouts).toBe('');
    expect(result.leaderStepDownMs).toBeGreaterThanOrEqual(1000);
    expect(result.leaderStepDownMs).toBeLessThan(2000);
  });
});
