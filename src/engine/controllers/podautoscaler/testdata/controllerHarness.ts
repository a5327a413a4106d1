// A fixture for one HPA sync in the style of horizontal_test.go: pods and PodMetrics for them,
// a fake scale subresource and a recording client, the test constants of the upstream tests.
import type { HorizontalPodAutoscaler, HorizontalPodAutoscalerBehavior } from 'kubernetes-types/autoscaling/v2';
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject, Stored } from '../../../api/object';
import { setDefaultsHPA } from '../../../apiserver/admission/defaults/hpaDefaults';
import type { ApiResult } from '../../../apiserver/request';
import { newNotFound } from '../../../api/status';
import { Future } from '../../../sim/future';
import { toRFC3339 } from '../../../sim/time';
import { Fixture } from '../../testing/fixture';
import { defaultHPAControllerConfiguration } from '../config';
import { HorizontalController, type HPAClient, type Scale } from '../horizontal';
import type { MetricsClient } from '../metrics/interfaces';
import { FakeMetricsClient, LABELS, podMetricsFor, TEST_CPU_INITIALIZATION_PERIOD_MS, TEST_DELAY_OF_INITIAL_READINESS_STATUS_MS } from './harness';

export const NAMESPACE = 'test-namespace';
export const KEY = `${NAMESPACE}/test-hpa`;

export interface ControllerCase {
  minReplicas: number;
  maxReplicas: number;
  currentReplicas: number;
  targetCPUUtilization?: number;
  podCpuUsageMilli?: number[];
  /** null marks a pod whose container has no cpu request. */
  podCpuRequestMilli?: Array<number | null>;
  behavior?: HorizontalPodAutoscalerBehavior | null;
  /** scaleMissing: the target Deployment does not exist. */
  scaleMissing?: boolean;
}

/** FakeHPAClient serves one scale subresource and records the writes. */
export class FakeHPAClient implements HPAClient {
  readonly scaleUpdates: number[] = [];
  readonly statusUpdates: HorizontalPodAutoscaler[] = [];

  constructor(private readonly scale: Scale | undefined) {}

  getScale(): Future<ApiResult> {
    if (!this.scale) return Future.resolved<ApiResult>({ ok: false, status: newNotFound({ group: 'apps', resource: 'deployments' }, 'test-deployment') });
    return Future.resolved<ApiResult>({ ok: true, object: this.scale as unknown as Stored<KubeObject> });
  }

  updateScale(_resource: string, scale: KubeObject): Future<ApiResult> {
    this.scaleUpdates.push((scale as unknown as Scale).spec.replicas);
    return Future.resolved<ApiResult>({ ok: true, object: scale as Stored<KubeObject> });
  }

  updateStatus<T extends KubeObject>(_resource: string, obj: T): Future<ApiResult<Stored<T>>> {
    this.statusUpdates.push(structuredClone(obj) as unknown as HorizontalPodAutoscaler);
    return Future.resolved<ApiResult<Stored<T>>>({ ok: true, object: obj as Stored<T> });
  }
}

/** controllerFixture builds the controller over `tc`'s pods, metrics, scale and HPA. */
export function controllerFixture(tc: ControllerCase, metricsClient?: MetricsClient) {
  const fixture = new Fixture();
  const now = fixture.sim.nowMs;
  const cool = toRFC3339(now - 180_000, fixture.epochMs);
  const usages = tc.podCpuUsageMilli ?? [];
  const pods: Pod[] = usages.map((_, i) => {
    const request = tc.podCpuRequestMilli?.[i];
    return {
      apiVersion: 'v1', kind: 'Pod',
      metadata: { name: `test-pod-${i}`, namespace: NAMESPACE, labels: LABELS, uid: `uid-${i}` },
      spec: { containers: [{ name: 'container', image: 'nginx', resources: request === null || request === undefined ? {} : { requests: { cpu: `${request}m` } } }] },
      status: { phase: 'Running', startTime: cool, conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: cool }] },
    };
  });
  const items = usages.map((u, i) => ({ ...podMetricsFor(`test-pod-${i}`, u), metadata: { name: `test-pod-${i}`, namespace: NAMESPACE, labels: LABELS }, timestamp: toRFC3339(now, fixture.epochMs), containers: [{ name: 'container', usage: { cpu: `${u}m` } }] }));
  const hpa: HorizontalPodAutoscaler = {
    apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler',
    metadata: { name: 'test-hpa', namespace: NAMESPACE, uid: 'hpa-uid', resourceVersion: '1' },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'test-deployment' }, minReplicas: tc.minReplicas, maxReplicas: tc.maxReplicas,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: tc.targetCPUUtilization ?? 50 } } }],
      ...(tc.behavior ? { behavior: structuredClone(tc.behavior) } : {}),
    },
  };
  setDefaultsHPA(hpa);
  const scale: Scale | undefined = tc.scaleMissing ? undefined : {
    apiVersion: 'autoscaling/v1', kind: 'Scale', metadata: { name: 'test-deployment', namespace: NAMESPACE, resourceVersion: '1' },
    spec: { replicas: tc.currentReplicas }, status: { replicas: tc.currentReplicas, selector: 'name=test-pod' },
  };
  const client = new FakeHPAClient(scale);
  const controller = new HorizontalController({
    sim: fixture.sim, epochMs: fixture.epochMs, client, metricsClient: metricsClient ?? new FakeMetricsClient(items),
    recorder: fixture.recorder('horizontal-pod-autoscaler'),
    hpas: fixture.informer('horizontalpodautoscalers', [hpa]), pods: fixture.informer('pods', pods),
    config: { ...defaultHPAControllerConfiguration(), cpuInitializationPeriodMs: TEST_CPU_INITIALIZATION_PERIOD_MS, initialReadinessDelayMs: TEST_DELAY_OF_INITIAL_READINESS_STATUS_MS },
  });
  controller.enqueueHPA(hpa);
  const reconcile = () => fixture.run(controller.reconcileKey(KEY));
  const lastStatus = () => client.statusUpdates[client.statusUpdates.length - 1]?.status;
  const condition = (type: string) => lastStatus()?.conditions?.find((c) => c.type === type);
  return { fixture, controller, client, reconcile, lastStatus, condition };
}
