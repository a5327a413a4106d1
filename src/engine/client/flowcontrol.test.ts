import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { Cluster } from '../cluster';
import { DEFAULT_COMPONENTS } from '../components';
import { loadScenario } from '../scenario/load';
import { TokenBucketRateLimiter } from './flowcontrol';

const scenario = (clusterExtra: string) => `apiVersion: k8sim.dev/v1alpha1
kind: Scenario
metadata: {name: qps}
spec:
  cluster:
    nodes: 4
    nodeCPU: "32"
    etcd: {members: 1}${clusterExtra}
  steps: []
`;

/** secondsToCreate: sim seconds from `kubectl create deployment --replicas=200` to 200 pods existing. */
function secondsToCreate(clusterExtra: string): number {
  const loaded = loadScenario(scenario(clusterExtra), 'qps.yaml');
  if (!loaded.ok) throw new Error(loaded.error);
  const cluster = Cluster.boot(loaded.scenario.cluster, DEFAULT_COMPONENTS);
  const startMs = cluster.sim.nowMs;
  cluster.exec('kubectl create deployment web --image=registry.k8s.io/pause:3.10 --replicas=200');
  const pods = cluster.apiserver.ctx.cachers.get('pods')!;
  cluster.sim.runWhile(() => pods.countWhere((p) => (p as Pod).metadata?.namespace === 'default') < 200, startMs + 120_000);
  return (cluster.sim.nowMs - startMs) / 1000;
}

describe('client-side rate limits (client-go flowcontrol, --kube-api-qps/--kube-api-burst)', () => {
  it('a token bucket lets a burst through, then one request per 1/qps', () => {
    const limiter = new TokenBucketRateLimiter(20, 30);
    const delays = Array.from({ length: 32 }, () => limiter.reserveDelayMs(0));
    expect(delays.slice(0, 30).every((d) => d === 0)).toBe(true);
    expect(delays.slice(30)).toEqual([50, 100]);
  });

  it("kube-controller-manager's default 20 QPS (burst 30) paces a 200-replica ReplicaSet's creations", () => {
    // 30 at once, the other 170 at 20/s: about 8.5 s.
    const seconds = secondsToCreate('');
    expect(seconds).toBeGreaterThanOrEqual(8);
    expect(seconds).toBeLessThan(11);
  });

  it("a scenario's cluster.clientRateLimits raises it, as scale tests raise --kube-api-qps", () => {
    const seconds = secondsToCreate('\n    clientRateLimits: {kubeControllerManager: {qps: 1000, burst: 1000}}');
    expect(seconds).toBeLessThan(2);
  });

  it('refuses a malformed limit naming the field', () => {
    const loaded = loadScenario(scenario('\n    clientRateLimits: {kubelet: {qps: -1, burst: 5}}'), 'qps.yaml');
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.error).toContain('clientRateLimits.kubelet.qps');
  });
});
