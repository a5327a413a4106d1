// Issue #3 acceptance 3 (HPA), end to end on the default components: `sim load` pushes a
// Deployment's CPU up, metrics-server scrapes the kubelets every 15 s, the HPA (every 15 s, no
// behavior: scale-up limit max(2×current, 4)) scales it from 1 to 10 replicas; when the load
// drops it scales down only once the 300 s downscale stabilization window has passed. A
// Deployment without CPU requests gets ScalingActive=False / FailedGetResourceMetric instead.
import type { Deployment } from 'kubernetes-types/apps/v1';
import type { HorizontalPodAutoscaler } from 'kubernetes-types/autoscaling/v2';
import type { Event } from 'kubernetes-types/core/v1';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import hpaCases from '../controllers/podautoscaler/testdata/hpa_cases.json';
import { Cluster } from '../cluster';
import { clusterSpec, nodesFromCount } from '../clusterSpec';
import { DEFAULT_COMPONENTS } from '../components';
import { get, list } from '../controllerManager/testing';
import { loadScenario } from '../scenario/load';
import { runScenario, type RunRecord } from '../scenario/runScenario';
import { parseDurationMs } from '../sim/duration';
import { runCommands } from './runCommands';

const defaults = hpaCases.facts['controllerDefaults_kube-controller-manager'];
const SYNC_PERIOD_MS = parseDurationMs(defaults['horizontal-pod-autoscaler-sync-period'])!;
const DOWNSCALE_STABILIZATION_MS = Number(/\((\d+)s\)/.exec(defaults['horizontal-pod-autoscaler-downscale-stabilization'])![1]) * 1000;
const METRIC_RESOLUTION_MS = 15_000;

function boot(seed = 5): Cluster {
  return Cluster.boot(clusterSpec({ seed: seed, nodes: nodesFromCount(3), etcdMembers: 1 }), DEFAULT_COMPONENTS);
}

const replicas = (cluster: Cluster) => get<Deployment>(cluster, 'deployments', 'php-apache')!.spec!.replicas!;
const hpaEvents = (cluster: Cluster) => list<Event>(cluster, 'events').filter((e) => e.involvedObject.kind === 'HorizontalPodAutoscaler').sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1)).map((e) => `${e.reason}: ${e.message}`);

/** walkthrough runs the HorizontalPodAutoscaler walkthrough and records spec.replicas every 5 s. */
function walkthrough(seed = 5) {
  const cluster = boot(seed);
  const trace: string[] = [];
  cluster.sim.trace.subscribe((e) => {
    if (e.kind.startsWith('hpa.') || e.kind === 'metrics.scrape') trace.push(JSON.stringify(e));
  });
  const setup = runCommands(cluster, [
    'kubectl create deployment php-apache --image=registry.k8s.io/hpa-example',
    'kubectl set resources deployment php-apache --requests=cpu=200m',
    'kubectl autoscale deployment php-apache --cpu-percent=50 --min=1 --max=10',
  ]);
  cluster.runUntil(cluster.sim.nowMs + 60_000);
  const idle = runCommands(cluster, ['kubectl get hpa'])[0];
  const loadAtMs = cluster.sim.nowMs;
  runCommands(cluster, ['sim load deployment/php-apache --total-cpu=1000m']);
  const timeline: Array<[number, number]> = [];
  const poll = (untilMs: number) => {
    while (cluster.sim.nowMs < untilMs) {
      cluster.runUntil(cluster.sim.nowMs + 5_000);
      timeline.push([cluster.sim.nowMs, replicas(cluster)]);
    }
  };
  poll(loadAtMs + 240_000);
  const loaded = runCommands(cluster, ['kubectl get hpa'])[0];
  const dropAtMs = cluster.sim.nowMs;
  runCommands(cluster, ['sim load deployment/php-apache --total-cpu=0']);
  poll(dropAtMs + 420_000);
  return { cluster, setup, idle, loaded, loadAtMs, dropAtMs, timeline, trace };
}

describe('HPA walkthrough: load → scale up → load gone → scale down after stabilization', () => {
  const run = walkthrough();

  it('creates the HPA from `kubectl autoscale` (autoscaling/v1 stored as v2) and idles at 1 replica', () => {
    expect(run.setup.map((r) => r.stdout)).toEqual(['deployment.apps/php-apache created\n', 'deployment.apps/php-apache resource requirements updated\n', 'horizontalpodautoscaler.autoscaling/php-apache autoscaled\n']);
    expect(run.idle.stdout).toMatch(/^NAME\s+REFERENCE\s+TARGETS\s+MINPODS\s+MAXPODS\s+REPLICAS\s+AGE\s*\nphp-apache\s+Deployment\/php-apache\s+cpu: 0%\/50%\s+1\s+10\s+1\s+/);
    const hpa = get<HorizontalPodAutoscaler>(run.cluster, 'horizontalpodautoscalers', 'php-apache')!;
    expect(hpa.apiVersion).toBe('autoscaling/v2');
    expect(hpa.spec?.metrics).toEqual([{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }]);
  });

  it('scales 1 → 4 → 8 → 10 under load, never more than max(2×current, 4) per step', () => {
    const sizes = run.timeline.filter(([t]) => t < run.dropAtMs).map(([, n]) => n);
    const steps = sizes.filter((n, i) => i === 0 || n !== sizes[i - 1]);
    expect(steps).toEqual([1, 4, 8, 10]);
    // The first rescale comes within two scrapes and two HPA syncs of the load.
    const firstUp = run.timeline.find(([, n]) => n > 1)![0];
    expect(firstUp - run.loadAtMs).toBeLessThanOrEqual(2 * METRIC_RESOLUTION_MS + 2 * SYNC_PERIOD_MS + 5_000);
    expect(run.loaded.stdout).toMatch(/cpu: 50%\/50%\s+1\s+10\s+10\s/);
  });

  it('keeps 10 replicas for the 300 s downscale stabilization after the load drops, then scales to 1', () => {
    const after = run.timeline.filter(([t]) => t > run.dropAtMs);
    const down = after.find(([, n]) => n < 10)!;
    expect(down[1]).toBe(1);
    expect(down[0] - run.dropAtMs).toBeGreaterThan(DOWNSCALE_STABILIZATION_MS);
    // The last high recommendation is at most two syncs (one scrape of lag) after the drop.
    expect(down[0] - run.dropAtMs).toBeLessThanOrEqual(DOWNSCALE_STABILIZATION_MS + 3 * SYNC_PERIOD_MS + 5_000);
  });

  it('records the upstream events, conditions and status', () => {
    // Right after `kubectl autoscale` the rollout that added the requests is still running:
    // the first syncs fail (missing request on the old pod, then no metrics for the new one).
    const all = hpaEvents(run.cluster);
    expect(all.filter((e) => !e.startsWith('SuccessfulRescale')).every((e) => /^Failed(GetResourceMetric|ComputeMetricsReplicas): /.test(e))).toBe(true);
    const events = all.filter((e) => e.startsWith('SuccessfulRescale'));
    expect(events[0]).toBe('SuccessfulRescale: New size: 4; reason: cpu resource utilization (percentage of request) above target');
    expect(events[events.length - 1]).toBe('SuccessfulRescale: New size: 1; reason: All metrics below target');
    const hpa = get<HorizontalPodAutoscaler>(run.cluster, 'horizontalpodautoscalers', 'php-apache')!;
    expect(hpa.status).toMatchObject({ currentReplicas: 1, desiredReplicas: 1, currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 0 } } }] });
    expect(hpa.status?.lastScaleTime).toBeDefined();
    expect(hpa.status?.conditions?.map((c) => `${c.type}=${c.status}/${c.reason}`)).toEqual(['AbleToScale=True/ReadyForNewScale', 'ScalingActive=True/ValidMetricFound', 'ScalingLimited=True/TooFewReplicas']);
    const described = runCommands(run.cluster, ['kubectl describe hpa php-apache'])[0].stdout;
    expect(described).toMatch(/^ {2}resource cpu on pods {2}\(as a percentage of request\): +0% \(\d+m\) \/ 50%$/m);
    expect(described).toMatch(/^ {2}ScalingLimited +True +TooFewReplicas +the desired replica count is less than the minimum replica count$/m);
    expect(described).toMatch(/^ {2}Normal +SuccessfulRescale .*New size: 1; reason: All metrics below target$/m);
  });

  it('traces each decision with its numbers, and the first scale-up was limited by ScaleUpLimit', () => {
    const decisions = run.trace.map((line) => JSON.parse(line)).filter((e) => e.kind === 'hpa.normalize');
    const first = decisions.find((e) => e.limitedReplicas > 1)!;
    expect(first).toMatchObject({ path: 'legacy', prenormalizedReplicas: 10, limitedReplicas: 4, limitReason: 'ScaleUpLimit' });
    const metric = run.trace.map((line) => JSON.parse(line)).find((e) => e.kind === 'hpa.metric' && e.proposedReplicas === 10);
    expect(metric).toMatchObject({ metric: 'cpu resource utilization (percentage of request)', current: '500%', target: '50%', unit: 'percent', currentValue: 500, targetValue: 50, currentReplicas: 1, formula: 'ceil(10 × 1 pods) = 10' });
  });

  it('is deterministic: the same seed gives the same trace', () => {
    expect(walkthrough().trace).toEqual(run.trace);
  });
});

describe('HPA on a Deployment without CPU requests', () => {
  it('sets ScalingActive=False / FailedGetResourceMetric and never scales', () => {
    const cluster = boot();
    runCommands(cluster, ['kubectl create deployment php-apache --image=registry.k8s.io/hpa-example', 'kubectl autoscale deployment php-apache --cpu-percent=50 --max=5', 'sim load deployment/php-apache --cpu=900m']);
    cluster.runUntil(cluster.sim.nowMs + 90_000);
    const hpa = get<HorizontalPodAutoscaler>(cluster, 'horizontalpodautoscalers', 'php-apache')!;
    const active = hpa.status?.conditions?.find((c) => c.type === 'ScalingActive');
    const pod = list(cluster, 'pods')[0].metadata.name;
    const cause = `failed to get cpu utilization: missing request for cpu in container hpa-example of Pod ${pod}`;
    expect(active).toMatchObject({ status: 'False', reason: 'FailedGetResourceMetric', message: `the HPA was unable to compute the replica count: ${cause}` });
    expect(hpaEvents(cluster)).toEqual(expect.arrayContaining([`FailedGetResourceMetric: ${cause}`, `FailedComputeMetricsReplicas: invalid metrics (1 invalid out of 1), first error is: failed to get cpu resource metric value: ${cause}`]));
    expect(replicas(cluster)).toBe(1);
    expect(runCommands(cluster, ['kubectl get hpa'])[0].stdout).toMatch(/cpu: <unknown>\/50%\s+1\s+5\s+1\s/);
  });
});

describe('scenarios/hpa-walkthrough.yaml (the kubernetes.io HorizontalPodAutoscaler walkthrough)', () => {
  it('scales php-apache to 7 replicas at 305% of one pod\'s request, back to 1 after the load stops', () => {
    const loaded = loadScenario(readFileSync(new URL('../../scenarios/hpa-walkthrough.yaml', import.meta.url), 'utf8'), 'hpa-walkthrough.yaml');
    if (!loaded.ok) throw new Error(loaded.error);
    const results: Array<Extract<RunRecord, { type: 'result' }>> = [];
    runScenario(loaded.scenario, { trace: false, components: DEFAULT_COMPONENTS, onRecord: (r) => r.type === 'result' && results.push(r) });
    const out = (run: string) => results.filter((r) => r.run === run).map((r) => r.stdout);
    // One pod is capped at its 500m limit (250 %); 610m over 7 pods is 87m each, 43 % of 200m.
    const watch = out('kubectl get hpa php-apache --watch')[0];
    expect(watch).toMatch(/cpu: 250%\/50%\s+1\s+10\s+1\s/);
    expect(watch.trim().split('\n').pop()).toMatch(/cpu: 4\d%\/50%\s+1\s+10\s+7\s/);
    const [, , afterStop, end] = out('kubectl get hpa');
    expect(afterStop).toMatch(/cpu: 0%\/50%\s+1\s+10\s+7\s/);
    expect(end).toMatch(/cpu: 0%\/50%\s+1\s+10\s+1\s/);
  });
});

describe('HPA with spec.behavior (autoscaling/v2 policies and windows)', () => {
  const HPA = `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: php-apache
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: php-apache}
  minReplicas: 1
  maxReplicas: 10
  metrics:
  - type: Resource
    resource: {name: cpu, target: {type: Utilization, averageUtilization: 50}}
  behavior:
    scaleUp:
      policies: [{type: Pods, value: 2, periodSeconds: 15}]
    scaleDown:
      stabilizationWindowSeconds: 60
      policies: [{type: Pods, value: 2, periodSeconds: 30}]
`;

  it('adds at most 2 pods per 15 s, and removes at most 2 per 30 s once the 60 s window has passed', () => {
    const cluster = boot(9);
    runCommands(cluster, ['kubectl create deployment php-apache --image=registry.k8s.io/hpa-example', 'kubectl set resources deployment php-apache --requests=cpu=200m']);
    cluster.runUntil(cluster.sim.nowMs + 30_000);
    expect(runCommands(cluster, [{ run: 'kubectl apply -f -', stdin: HPA }])[0].stdout).toBe('horizontalpodautoscaler.autoscaling/php-apache created\n');
    const hpa = get<HorizontalPodAutoscaler>(cluster, 'horizontalpodautoscalers', 'php-apache')!;
    // API defaulting fills the rest of the rules; the scale-down window stays as given.
    expect(hpa.spec?.behavior).toEqual({
      scaleUp: { stabilizationWindowSeconds: 0, selectPolicy: 'Max', policies: [{ type: 'Pods', value: 2, periodSeconds: 15 }] },
      scaleDown: { stabilizationWindowSeconds: 60, selectPolicy: 'Max', policies: [{ type: 'Pods', value: 2, periodSeconds: 30 }] },
    });
    cluster.runUntil(cluster.sim.nowMs + 30_000);
    runCommands(cluster, ['sim load deployment/php-apache --total-cpu=1000m']);
    const changes: Array<[number, number]> = [[cluster.sim.nowMs, replicas(cluster)]];
    const poll = (forMs: number) => {
      const until = cluster.sim.nowMs + forMs;
      while (cluster.sim.nowMs < until) {
        cluster.runUntil(cluster.sim.nowMs + 1_000);
        const n = replicas(cluster);
        if (n !== changes[changes.length - 1][1]) changes.push([cluster.sim.nowMs, n]);
      }
    };
    poll(240_000);
    expect(changes[changes.length - 1][1]).toBe(10);
    const ups = changes.slice(1);
    for (let i = 0; i < ups.length; i++) expect(ups[i][1] - (i === 0 ? 1 : ups[i - 1][1])).toBeLessThanOrEqual(2);
    const dropAtMs = cluster.sim.nowMs;
    const upCount = changes.length;
    runCommands(cluster, ['sim load deployment/php-apache --total-cpu=0']);
    poll(240_000);
    const downs = changes.slice(upCount);
    expect(downs.map(([, n]) => n)).toEqual([8, 6, 4, 2, 1]);
    expect(downs[0][0] - dropAtMs).toBeGreaterThan(60_000);
    // Replica changes are observed by 1 s polls, so two decisions 30 s apart can read as 29.x s.
    for (let i = 1; i < downs.length; i++) expect(downs[i][0] - downs[i - 1][0]).toBeGreaterThanOrEqual(30_000 - 1_000);
    const limited = get<HorizontalPodAutoscaler>(cluster, 'horizontalpodautoscalers', 'php-apache')!.status?.conditions?.find((c) => c.type === 'ScalingLimited');
    expect(limited).toMatchObject({ status: 'True', reason: 'TooFewReplicas' });
  });
});
