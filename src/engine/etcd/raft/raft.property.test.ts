// Property test (VOPR-style seed sweep): random fault schedules (crashes, restarts, partitions,
// drops, duplicates, reordering, proposals, compaction, leader transfers) against a 3- or
// 5-member Raft cluster, checking Election Safety, Leader Append-Only, Log Matching, Leader
// Completeness and State Machine Safety after every step, and that every acknowledged write is
// on every member once the faults heal. RAFT_PROPERTY_RUNS overrides the number of schedules.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChaosCluster } from './rafttest/chaosCluster';
import { RaftCheckers } from './rafttest/invariants';

type Action =
  | { k: 'tick'; n: number }
  | { k: 'deliver'; pick: number }
  | { k: 'deliverAll' }
  | { k: 'drop'; pick: number }
  | { k: 'dup'; pick: number }
  | { k: 'crash'; node: number }
  | { k: 'crashLeader' }
  | { k: 'isolateLeader'; buddy: number }
  | { k: 'restart'; node: number }
  | { k: 'partition'; mask: number }
  | { k: 'heal' }
  | { k: 'propose'; node: number }
  | { k: 'compact'; node: number; keep: number }
  | { k: 'transfer'; from: number; to: number }
  | { k: 'run'; rounds: number };

const node = fc.integer({ min: 1, max: 5 });
const pick = fc.nat({ max: 1000 });
const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ k: fc.constant('tick' as const), n: fc.integer({ min: 1, max: 6 }) }) },
  { weight: 6, arbitrary: fc.record({ k: fc.constant('deliver' as const), pick }) },
  { weight: 4, arbitrary: fc.constant({ k: 'deliverAll' as const }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('drop' as const), pick }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('dup' as const), pick }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('crash' as const), node }) },
  { weight: 3, arbitrary: fc.record({ k: fc.constant('restart' as const), node }) },
  { weight: 1, arbitrary: fc.constant({ k: 'crashLeader' as const }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('isolateLeader' as const), buddy: fc.integer({ min: 0, max: 5 }) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('partition' as const), mask: fc.nat({ max: 31 }) }) },
  { weight: 1, arbitrary: fc.constant({ k: 'heal' as const }) },
  { weight: 8, arbitrary: fc.record({ k: fc.constant('propose' as const), node }) },
  { weight: 3, arbitrary: fc.record({ k: fc.constant('compact' as const), node, keep: fc.integer({ min: 0, max: 2 }) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('transfer' as const), from: node, to: node }) },
  { weight: 8, arbitrary: fc.record({ k: fc.constant('run' as const), rounds: fc.integer({ min: 1, max: 15 }) }) },
);

const schedule = fc.record({
  seed: fc.nat(),
  nodes: fc.constantFrom(3, 5),
  preVote: fc.boolean(),
  actions: fc.array(action, { minLength: 10, maxLength: 60 }),
});

type Schedule = typeof schedule extends fc.Arbitrary<infer T> ? T : never;

const RUNS = Number(process.env.RAFT_PROPERTY_RUNS ?? 10_000);

/** coverage counts how many schedules reached the interesting situations (RAFT_PROPERTY_STATS=1 prints it). */
const coverage = { schedules: 0, withAckedWrites: 0, withLeaderChange: 0, withSnapshotCatchUp: 0, withTermAbove5: 0 };

/** runSchedule plays one schedule and returns the first violation (undefined when all hold). */
function runSchedule(s: Schedule): string | undefined {
  const cluster = new ChaosCluster({ nodes: s.nodes, electionTick: 5, preVote: s.preVote, seed: s.seed });
  const checkers = new RaftCheckers();
  cluster.onApply = (n, e) => checkers.onApply(n, e);
  let proposals = 0;
  const id = (n: number) => ((n - 1) % s.nodes) + 1;
  const step = (fn: () => void): string | undefined => {
    fn();
    cluster.processReadies();
    return checkers.check(cluster);
  };
  // Faults hit a running cluster: let the first election happen before the schedule starts.
  apply(cluster, { k: 'run', rounds: 12 }, id, () => 'boot');
  for (const a of s.actions) {
    const violation = step(() => apply(cluster, a, id, () => `w${proposals++}`));
    if (violation) return violation;
  }
  // Heal every fault and let the cluster settle: one leader, every member applied everything.
  cluster.heal();
  for (let round = 0; round < 400; round++) {
    const violation = step(() => {
      cluster.tickAll();
      cluster.processReadies();
      cluster.deliverAll();
    });
    if (violation) return violation;
    if (settled(cluster)) {
      recordCoverage(cluster, checkers);
      return missingAcked(cluster, checkers.acked);
    }
  }
  return `no convergence after healing: ${cluster.nodes.map((n) => `${n.id}:${n.rawNode?.raft.state}/t${n.rawNode?.raft.term}/a${n.appliedIndex}`).join(' ')}`;
}

function apply(cluster: ChaosCluster, a: Action, id: (n: number) => number, nextValue: () => string): void {
  const poolPick = (p: number) => (cluster.pool.length === 0 ? -1 : p % cluster.pool.length);
  switch (a.k) {
    case 'tick':
      for (let i = 0; i < a.n; i++) {
        cluster.tickAll();
        cluster.processReadies();
      }
      break;
    case 'deliver':
      if (poolPick(a.pick) >= 0) cluster.deliver(poolPick(a.pick));
      break;
    case 'deliverAll':
      cluster.deliverAll();
      break;
    case 'drop':
      if (poolPick(a.pick) >= 0) cluster.drop(poolPick(a.pick));
      break;
    case 'dup':
      if (poolPick(a.pick) >= 0) cluster.pool.push(cluster.pool[poolPick(a.pick)]);
      break;
    case 'crash':
      cluster.crash(id(a.node));
      break;
    case 'restart':
      cluster.restart(id(a.node));
      break;
    case 'crashLeader':
      for (const leader of cluster.leaders()) cluster.crash(leader.id);
      break;
    case 'isolateLeader': {
      // The leader (and, with buddy > 0, one more member) on one side, everyone else on the other.
      const leader = cluster.leaders()[0];
      if (!leader) break;
      for (const n of cluster.nodes) n.group = n.id === leader.id || n.id === a.buddy ? 1 : 0;
      break;
    }
    case 'partition':
      for (const n of cluster.nodes) n.group = (a.mask >> (n.id - 1)) & 1;
      break;
    case 'heal':
      for (const n of cluster.nodes) n.group = 0;
      break;
    case 'propose':
      cluster.node(id(a.node)).rawNode?.propose(nextValue());
      break;
    case 'compact':
      cluster.compact(id(a.node), a.keep);
      break;
    case 'transfer':
      cluster.node(id(a.from)).rawNode?.transferLeader(id(a.to));
      break;
    case 'run':
      for (let i = 0; i < a.rounds; i++) {
        cluster.tickAll();
        cluster.processReadies();
        cluster.deliverAll();
        cluster.processReadies();
      }
      break;
  }
}

function recordCoverage(cluster: ChaosCluster, checkers: RaftCheckers): void {
  const term = Math.max(...cluster.nodes.map((n) => n.rawNode!.raft.term));
  coverage.schedules++;
  if (checkers.acked.size > 0) coverage.withAckedWrites++;
  if (checkers.leaderTerms() > 1) coverage.withLeaderChange++;
  if (cluster.snapshotsDelivered > 0) coverage.withSnapshotCatchUp++;
  if (term > 5) coverage.withTermAbove5++;
}

function settled(cluster: ChaosCluster): boolean {
  const leaders = cluster.leaders();
  if (leaders.length !== 1) return false;
  const log = leaders[0].rawNode!.raft.raftLog;
  return log.committed === log.lastIndex() && cluster.nodes.every((n) => n.appliedIndex === log.committed);
}

/** missingAcked: every write some member applied (acknowledged) must be on every member. */
function missingAcked(cluster: ChaosCluster, acked: Set<string>): string | undefined {
  for (const n of cluster.nodes) {
    const have = new Set(n.applied.map((e) => e.data));
    for (const value of acked) if (!have.has(value)) return `acknowledged write ${value} missing on node ${n.id} after healing`;
  }
  return undefined;
}

describe('raft safety under random fault schedules', () => {
  it(`holds the Raft properties over ${RUNS} schedules`, () => {
    const started = performance.now();
    fc.assert(
      fc.property(schedule, (s) => {
        const violation = runSchedule(s);
        if (violation) throw new Error(`${violation} (cluster seed ${s.seed}, ${s.nodes} members, preVote ${s.preVote})`);
      }),
      { numRuns: RUNS, seed: process.env.RAFT_PROPERTY_SEED ? Number(process.env.RAFT_PROPERTY_SEED) : undefined },
    );
    if (process.env.RAFT_PROPERTY_STATS === '1') console.log(JSON.stringify({ ...coverage, wallMs: Math.round(performance.now() - started) }));
    // The schedules must actually exercise the protocol, not just idle clusters.
    expect(coverage.withAckedWrites).toBeGreaterThan(coverage.schedules * 0.7);
    expect(coverage.withLeaderChange).toBeGreaterThan(coverage.schedules / 10);
  }, 600_000);
});
