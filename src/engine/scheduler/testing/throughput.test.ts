import { describe, expect, it } from 'vitest';
import { runThroughput } from './throughput';

// The scheduler-only load run at full size (30,000 pods on 1,000 nodes) is opt-in:
//   K8SIM_BENCH=1 node_modules/.bin/vitest run src/engine/scheduler/testing/throughput.test.ts
describe('scheduler throughput', () => {
  it.runIf(Boolean(process.env.K8SIM_BENCH))('binds 30,000 pods on 1,000 nodes at the client limit (50 QPS) of sim time', () => {
    const result = runThroughput(1000, 30_000, () => performance.now());
    console.log(JSON.stringify(result));
    expect(result.bound).toBe(30_000);
    // Each bind is one request of the scheduler's client: --kube-api-qps 50 caps the rate.
    expect(result.podsPerSimSecond).toBeGreaterThan(45);
    expect(result.podsPerSimSecond).toBeLessThan(55);
  }, 600_000);

  it('binds 500 pods on 200 nodes', () => {
    const result = runThroughput(200, 500, () => 0);
    expect(result.bound).toBe(500);
    // 100 binds on the burst, the other 400 at 50 QPS: about 8 s of sim time.
    expect(result.podsPerSimSecond).toBeGreaterThan(55);
    expect(result.podsPerSimSecond).toBeLessThan(70);
  });
});
