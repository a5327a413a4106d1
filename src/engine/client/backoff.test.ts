import { describe, expect, it } from 'vitest';
import facts from '../kubelet/testdata/kubelet_facts.json';
import { Backoff } from './backoff';

const crash = (facts as { crashLoopBackOff: { initialMs: number; maxMs: number; sequence: string } }).crashLoopBackOff;

// client-go util/flowcontrol/backoff.go as the kubelet uses it (kubelet_facts.json).
describe('flowcontrol Backoff', () => {
  it(`crash-loop sequence: ${crash.sequence}`, () => {
    const backoff = new Backoff(crash.initialMs, crash.maxMs);
    const seen: number[] = [];
    let t = 0;
    for (let i = 0; i < 8; i++) {
      backoff.next('c', t, t);
      seen.push(backoff.getMs('c') / 1000);
      t += backoff.getMs('c') + 1_000;
    }
    expect(seen).toEqual([10, 20, 40, 80, 160, 300, 300, 300]);
  });

  it('is in back-off since a container finished until the back-off has passed', () => {
    const backoff = new Backoff(10_000, 300_000);
    backoff.next('c', 0, 0);
    expect(backoff.isInBackOffSince('c', 5_000, 14_999)).toBe(true);
    expect(backoff.isInBackOffSince('c', 5_000, 15_000)).toBe(false);
  });

  it('restarts at 10 s when failures are more than 2 × max (600 s) apart', () => {
    const backoff = new Backoff(10_000, 300_000);
    for (const t of [0, 20_000, 60_000]) backoff.next('c', t, t);
    expect(backoff.getMs('c')).toBe(40_000);
    backoff.next('c', 60_000 + 600_001, 60_000 + 600_001);
    expect(backoff.getMs('c')).toBe(10_000);
    expect(backoff.isInBackOffSince('c', 700_000, 700_001)).toBe(true);
  });

  it('image pulls: in back-off since the last failed pull (IsInBackOffSinceUpdate)', () => {
    const backoff = new Backoff(10_000, 300_000);
    backoff.next('uid_nginx:nope', 1_000, 1_000);
    expect(backoff.isInBackOffSinceUpdate('uid_nginx:nope', 10_999)).toBe(true);
    expect(backoff.isInBackOffSinceUpdate('uid_nginx:nope', 11_000)).toBe(false);
    backoff.gc(1_000 + 600_001);
    expect(backoff.getMs('uid_nginx:nope')).toBe(0);
  });
});
