import type { Deployment } from 'kubernetes-types/apps/v1';
import { describe, expect, it } from 'vitest';
import { casesOf } from '../testdata/cases';
import { deploymentComplete, deploymentTimedOut, newDeploymentCondition, setDeploymentCondition } from './conditions';

// TestDeploymentComplete from pkg/controller/deployment/util/deployment_util_test.go.
describe('deploymentComplete', () => {
  it.each(casesOf('deployment_complete'))('$id ($source)', (c) => {
    const status = c.status as { replicas: number; updatedReplicas: number; availableReplicas: number };
    const d: Deployment = {
      spec: { replicas: c.specReplicas as number, selector: {}, template: {}, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: c.maxSurge as number, maxUnavailable: c.maxUnavailable as number } } },
      status,
    };
    expect(deploymentComplete(d, d.status!)).toBe(c.expected);
  });
});

describe('conditions', () => {
  it('keeps lastTransitionTime when only the reason changes (SetDeploymentCondition)', () => {
    const status = { conditions: [newDeploymentCondition('Progressing', 'True', 'NewReplicaSetCreated', 'Created new replica set "web-1"', '2025-01-01T00:00:00Z')] };
    setDeploymentCondition(status, newDeploymentCondition('Progressing', 'True', 'ReplicaSetUpdated', 'ReplicaSet "web-1" is progressing.', '2025-01-01T00:00:09Z'));
    expect(status.conditions[0]).toMatchObject({ reason: 'ReplicaSetUpdated', lastUpdateTime: '2025-01-01T00:00:09Z', lastTransitionTime: '2025-01-01T00:00:00Z' });
  });

  it('times out strictly after lastUpdateTime + progressDeadlineSeconds (DeploymentTimedOut)', () => {
    const d: Deployment = { spec: { progressDeadlineSeconds: 600, selector: {}, template: {} } };
    const status = { conditions: [newDeploymentCondition('Progressing', 'True', 'ReplicaSetUpdated', 'x', '2025-01-01T00:00:00Z')] };
    expect(deploymentTimedOut(d, status, 600_000, Date.UTC(2025, 0, 1))).toBe(false);
    expect(deploymentTimedOut(d, status, 600_001, Date.UTC(2025, 0, 1))).toBe(true);
  });
});
