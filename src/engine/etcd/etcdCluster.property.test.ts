// Property test at the client's level: random fault schedules (member kills and restarts,
// partitions, message loss, waits) against the simulated etcd while clients write. After the
// faults heal, every write acknowledged to a client is on every member, all members hold the
// same keyspace, and no term ever had two leaders. ETCD_PROPERTY_RUNS overrides the count.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Simulator } from '../sim/simulator';
import { EtcdCluster } from './etcdCluster';

type Action =
  | { k: 'write'; n: number }
  | { k: 'stop'; member: number }
  | { k: 'stopLeader' }
  | { k: 'start'; member: number }
  | { k: 'partition'; mask: number }
  | { k: 'heal' }
  | { k: 'loss'; rate: number }
  | { k: 'wait'; ms: number };

const member = fc.integer({ min: 1, max: 5 });
const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ k: fc.constant('write' as const), n: fc.integer({ min: 1, max: 8 }) }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('stop' as const), member }) },
  { weight: 2, arbitrary: fc.constant({ k: 'stopLeader' as const }) },
  { weight: 3, arbitrary: fc.record({ k: fc.constant('start' as const), member }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('partition' as const), mask: fc.nat({ max: 31 }) }) },
  { weight: 1, arbitrary: fc.constant({ k: 'heal' as const }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('loss' as const), rate: fc.constantFrom(0, 0.05, 0.3) }) },
  { weight: 5, arbitrary: fc.record({ k: fc.constant('wait' as const), ms: fc.integer({ min: 1, max: 4000 }) }) },
);

const RUNS = Number(process.env.ETCD_PROPERTY_RUNS ?? 300);

describe('etcd cluster under random faults', () => {
  it(`keeps every acknowledged write on every member after healing (${RUNS} schedules)`, () => {
    fc.assert(
      fc.property(fc.nat(), fc.constantFrom(3, 5), fc.boolean(), fc.array(action, { minLength: 5, maxLength: 30 }), (seed, members, preVote, actions) => {
        const sim = new Simulator(seed);
        const etcd = new EtcdCluster(sim, { members, heartbeatIntervalMs: 100, electionTimeoutMs: 1000, preVote, snapshotCount: 40 });
        const leaderOfTerm = new Map<number, string>();
        let violation: string | undefined;
        sim.trace.subscribe((e) => {
          if (e.kind !== 'raft.become' || e.state !== 'StateLeader') return;
          const known = leaderOfTerm.get(e.term as number);
          if (known && known !== e.component) violation ??= `term ${String(e.term)} led by ${known} and ${e.component}`;
          leaderOfTerm.set(e.term as number, e.component);
        });
        sim.runUntil(2000);
        const acked = new Map<string, number>();
        let next = 0;
        const name = (m: number) => `etcd-${((m - 1) % members) + 1}`;
        for (const a of actions) {
          if (a.k === 'write') {
            for (let i = 0; i < a.n; i++) {
              const id = next++;
              etcd.put(`/p/${id}`, id).then((r) => r.ok && acked.set(`/p/${id}`, r.value.header.revision));
            }
          } else if (a.k === 'stop') etcd.stopMember(name(a.member));
          else if (a.k === 'stopLeader') etcd.stopMember('leader');
          else if (a.k === 'start') etcd.startMember(name(a.member));
          else if (a.k === 'partition') etcd.partition(etcd.members.filter((_, i) => (a.mask >> i) & 1).map((m) => m.name));
          else if (a.k === 'heal') etcd.heal();
          else if (a.k === 'loss') etcd.network.setLossRate(a.rate);
          else sim.runUntil(sim.nowMs + a.ms);
        }
        etcd.heal();
        etcd.network.setLossRate(0);
        for (const m of etcd.members) m.start();
        sim.runUntil(sim.nowMs + 30_000);
        if (violation) throw new Error(`Election Safety: ${violation} (seed ${seed})`);
        const stores = etcd.members.map((m) => JSON.stringify(m.store.range('/p/').map((kv) => [kv.key, kv.value, kv.modRevision])));
        if (new Set(stores).size !== 1) throw new Error(`members disagree after healing (seed ${seed})`);
        const first = etcd.members[0].store;
        for (const [key, revision] of acked) {
          const kv = first.get(key);
          if (!kv || kv.modRevision !== revision) throw new Error(`acknowledged write ${key}@${revision} lost (seed ${seed})`);
        }
      }),
      { numRuns: RUNS, seed: process.env.ETCD_PROPERTY_SEED ? Number(process.env.ETCD_PROPERTY_SEED) : undefined },
    );
    expect(RUNS).toBeGreaterThan(0);
  }, 600_000);
});
