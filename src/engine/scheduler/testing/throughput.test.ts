import { describe, expect, it } from 'vitest';
import { runThroughput } from './throughput';

// The scheduler-only load run at full size (30,000 pods on 1,000 nodes) is opt-in:
//   K8SIM_BENCH=1 node_modules/.bin/vitest run src/engine/scheduler/testing/throughput.test.ts
describe('scheduler throughput', () => {
  it.runIf(Boolean(process.env.K8SIM_BENCH))('binds 30,000 pods on 1,000 nodes at ~200 pods/s of sim time', () => {
    const result = runThroughput(1000, 30_000, () => performance.now());
    console.log(JSON.stringify(result));
    expect(result.bound).toBe(30_000);
    expect(result.podsPerSimSecond).toBeGreaterThan(150);
  }, 600_000);

  it('binds 500 pods on 200 nodes', () => {
    const result = runThroughput(200, 500, () => 0);
    expect(result.bound).toBe(500);
    expect(result.podsPerSimSecond).toBeGreaterThan(150);
  });
});
