// Ports the controller_end_to_end rows of hpa_cases.json (horizontal_test.go TestScaleUp,
// TestStabilizeDownscale, TestScale{Up,Down}RCImmediately, TestUpscaleCap*,
// TestComputedToleranceAlgImplementation), plus the failure paths' events and conditions.
import { describe, expect, it } from 'vitest';
import { casesOf, type HpaCase } from './testdata/cases';
import { controllerFixture, KEY, type ControllerCase } from './testdata/controllerHarness';

type EndToEndCase = HpaCase & ControllerCase & {
  expectedDesiredReplicas?: number; expectedCPUUtilization?: number; expectedEventMessage?: string;
  expectedConditions?: Record<string, string>; recommendations?: Array<{ recommendation: number; ageSeconds: number }>;
  subcases?: Array<{ targetCPUUtilization: number; expectedDesiredReplicas: number }>;
};

function runCase(c: EndToEndCase) {
  const f = controllerFixture(c);
  if (c.recommendations) f.controller.recommendations.set(KEY, c.recommendations.map((r) => ({ recommendation: r.recommendation, timestampMs: f.fixture.sim.nowMs - r.ageSeconds * 1000 })));
  expect(f.reconcile()).toEqual({ deleted: false, error: undefined });
  return f;
}

describe('HorizontalController.reconcileAutoscaler (horizontal_test.go)', () => {
  it.each(casesOf('controller_end_to_end').filter((c) => !c.subcases).map((c) => [c.id, c] as const))('%s', (_id, row) => {
    const c = row as EndToEndCase;
    const f = runCase(c);
    const desired = c.expectedDesiredReplicas!;
    expect(f.client.scaleUpdates).toEqual(desired === c.currentReplicas ? [] : [desired]);
    expect(f.lastStatus()).toMatchObject({ currentReplicas: c.currentReplicas, desiredReplicas: desired });
    if (c.expectedCPUUtilization !== undefined) expect(f.lastStatus()?.currentMetrics?.[0].resource?.current.averageUtilization).toBe(c.expectedCPUUtilization);
    if (c.expectedEventMessage) expect(f.fixture.events).toContain(`Normal SuccessfulRescale ${c.expectedEventMessage}`);
    for (const [type, reason] of Object.entries(c.expectedConditions ?? {})) expect(f.condition(type)?.reason).toBe(reason);
  });

  it.each(casesOf('controller_end_to_end').filter((c) => c.subcases).flatMap((c) => (c as EndToEndCase).subcases!.map((s) => [`${c.id} target ${s.targetCPUUtilization}%`, c, s] as const)))('%s', (_id, row, sub) => {
    // Like every upstream scale-down test, it starts from an empty (non-nil) recommendation list,
    // so the current count is not recorded as a recommendation that would stabilize the result.
    const c = { ...(row as EndToEndCase), targetCPUUtilization: sub.targetCPUUtilization, recommendations: [] };
    const f = runCase(c);
    expect(f.lastStatus()).toMatchObject({ currentReplicas: 10, desiredReplicas: sub.expectedDesiredReplicas });
    expect(f.lastStatus()?.currentMetrics?.[0].resource?.current.averageUtilization).toBe(50);
  });

  it('jumps into [minReplicas, maxReplicas] without metrics, with the upstream rescale reasons', () => {
    const up = runCase({ minReplicas: 2, maxReplicas: 6, currentReplicas: 1 } as EndToEndCase);
    expect(up.fixture.events).toEqual(['Normal SuccessfulRescale New size: 2; reason: Current number of replicas below Spec.MinReplicas']);
    const down = runCase({ minReplicas: 2, maxReplicas: 5, currentReplicas: 6 } as EndToEndCase);
    expect(down.fixture.events).toEqual(['Normal SuccessfulRescale New size: 5; reason: Current number of replicas above Spec.MaxReplicas']);
    expect(down.condition('AbleToScale')).toMatchObject({ status: 'True', reason: 'SucceededRescale', message: 'the HPA controller was able to update the target scale to 5' });
  });

  it('a pod without a cpu request: ScalingActive False / FailedGetResourceMetric, no scaling', () => {
    const f = controllerFixture({ minReplicas: 1, maxReplicas: 10, currentReplicas: 2, targetCPUUtilization: 50, podCpuUsageMilli: [300, 300], podCpuRequestMilli: [200, null] });
    const result = f.reconcile();
    const cause = 'failed to get cpu utilization: missing request for cpu in container container of Pod test-pod-1';
    const first = `invalid metrics (1 invalid out of 1), first error is: failed to get cpu resource metric value: ${cause}`;
    expect(result.error).toBe(`failed to compute desired number of replicas based on listed metrics for Deployment/test-namespace/test-deployment: ${first}`);
    expect(f.fixture.events).toEqual([`Warning FailedGetResourceMetric ${cause}`, `Warning FailedComputeMetricsReplicas ${first}`]);
    expect(f.client.scaleUpdates).toEqual([]);
    expect(f.condition('ScalingActive')).toMatchObject({ status: 'False', reason: 'FailedGetResourceMetric', message: `the HPA was unable to compute the replica count: ${cause}` });
    expect(f.condition('AbleToScale')).toMatchObject({ status: 'True', reason: 'SucceededGetScale' });
    expect(f.lastStatus()).toMatchObject({ currentReplicas: 2, desiredReplicas: 0, currentMetrics: [{ type: '' }] });
  });

  it('no metrics yet: the metrics API error, as `kubectl describe hpa` shows it right after creation', () => {
    const f = controllerFixture({ minReplicas: 1, maxReplicas: 10, currentReplicas: 1, targetCPUUtilization: 50 });
    f.reconcile();
    expect(f.fixture.events[0]).toBe('Warning FailedGetResourceMetric failed to get cpu utilization: unable to get metrics for resource cpu: no metrics returned from resource metrics API');
  });

  it('a missing target: AbleToScale False / FailedGetScale', () => {
    const f = controllerFixture({ minReplicas: 1, maxReplicas: 10, currentReplicas: 1, scaleMissing: true });
    expect(f.reconcile().error).toBe('failed to query scale subresource for Deployment/test-namespace/test-deployment: deployments.apps "test-deployment" not found');
    expect(f.fixture.events).toEqual(['Warning FailedGetScale deployments.apps "test-deployment" not found']);
    expect(f.condition('AbleToScale')).toMatchObject({ status: 'False', reason: 'FailedGetScale', message: `the HPA controller was unable to get the target's current scale: deployments.apps "test-deployment" not found` });
  });

  it('zero replicas: ScalingActive False / ScalingDisabled', () => {
    const f = controllerFixture({ minReplicas: 1, maxReplicas: 10, currentReplicas: 0 });
    f.reconcile();
    expect(f.condition('ScalingActive')).toMatchObject({ status: 'False', reason: 'ScalingDisabled', message: 'scaling is disabled since the replica count of the target is zero' });
    expect(f.client.scaleUpdates).toEqual([]);
  });
});
