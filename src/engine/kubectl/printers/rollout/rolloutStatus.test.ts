// Cases transcribed from k8s.io/kubectl pkg/polymorphichelpers/rollout_status_test.go (v0.32.4)
// TestDeploymentStatusViewerStatus, plus the progress-deadline and revision branches of Status.
import type { Deployment, DeploymentStatus } from 'kubernetes-types/apps/v1';
import { describe, expect, it } from 'vitest';
import { deploymentRolloutStatus } from './rolloutStatus';

function foo(generation: number, specReplicas: number, status: DeploymentStatus, annotations?: Record<string, string>): Deployment {
  return { metadata: { namespace: 'bar', name: 'foo', generation, annotations }, spec: { replicas: specReplicas, selector: {}, template: {} }, status };
}

describe('deploymentRolloutStatus (TestDeploymentStatusViewerStatus)', () => {
  const cases: Array<[string, Deployment, string, boolean]> = [
    ['test1', foo(0, 1, { observedGeneration: 1, replicas: 1, updatedReplicas: 0, availableReplicas: 1, unavailableReplicas: 0 }), 'Waiting for deployment "foo" rollout to finish: 0 out of 1 new replicas have been updated...\n', false],
    ['test2', foo(1, 1, { observedGeneration: 1, replicas: 2, updatedReplicas: 1, availableReplicas: 2, unavailableReplicas: 0 }), 'Waiting for deployment "foo" rollout to finish: 1 old replicas are pending termination...\n', false],
    ['test3', foo(1, 2, { observedGeneration: 1, replicas: 2, updatedReplicas: 2, availableReplicas: 1, unavailableReplicas: 1 }), 'Waiting for deployment "foo" rollout to finish: 1 of 2 updated replicas are available...\n', false],
    ['test4', foo(1, 2, { observedGeneration: 1, replicas: 2, updatedReplicas: 2, availableReplicas: 2, unavailableReplicas: 0 }), 'deployment "foo" successfully rolled out\n', true],
    ['test5', foo(2, 2, { observedGeneration: 1, replicas: 2, updatedReplicas: 2, availableReplicas: 2, unavailableReplicas: 0 }), 'Waiting for deployment spec update to be observed...\n', false],
  ];
  it.each(cases)('%s', (_name, d, message, done) => expect(deploymentRolloutStatus(d)).toEqual({ message, done }));

  it('fails once the Progressing condition says ProgressDeadlineExceeded', () => {
    const d = foo(1, 3, { observedGeneration: 1, replicas: 3, updatedReplicas: 1, conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }] });
    expect(deploymentRolloutStatus(d)).toEqual({ error: 'deployment "foo" exceeded its progress deadline', done: false });
  });
  it('checks the requested revision first', () => {
    const d = foo(1, 1, { observedGeneration: 1 }, { 'deployment.kubernetes.io/revision': '3' });
    expect(deploymentRolloutStatus(d, 2)).toEqual({ error: 'desired revision (2) is different from the running revision (3)', done: false });
  });
});
