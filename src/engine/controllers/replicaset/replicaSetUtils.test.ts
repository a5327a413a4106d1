import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { calculateStatus } from './replicaSetUtils';

const epochMs = Date.UTC(2025, 0, 1);

function pod(labels: Record<string, string>, readySince?: string): Pod {
  return { metadata: { labels }, status: { phase: 'Running', conditions: readySince ? [{ type: 'Ready', status: 'True', lastTransitionTime: readySince }] : [] } };
}

// replica_set_utils_test.go TestCalculateStatus: replicas, fullyLabeledReplicas, readyReplicas,
// availableReplicas (ready for more than minReadySeconds).
describe('calculateStatus', () => {
  const rs: ReplicaSet = { spec: { replicas: 4, minReadySeconds: 10, selector: {}, template: { metadata: { labels: { app: 'web', tier: 'fe' } } } } };

  it('counts all, fully labelled, ready and available pods', () => {
    const pods = [pod({ app: 'web', tier: 'fe' }, '2025-01-01T00:00:00Z'), pod({ app: 'web', tier: 'fe' }, '2025-01-01T00:00:55Z'), pod({ app: 'web' }), pod({ app: 'web', tier: 'fe' })];
    expect(calculateStatus(rs, pods, undefined, 60_000, epochMs)).toEqual({ replicas: 4, fullyLabeledReplicas: 3, readyReplicas: 2, availableReplicas: 1 });
  });

  it('adds a ReplicaFailure condition FailedCreate when manageReplicas failed', () => {
    const status = calculateStatus(rs, [], 'pods "x" is forbidden: exceeded quota', 0, epochMs);
    expect(status.conditions).toEqual([{ type: 'ReplicaFailure', status: 'True', lastTransitionTime: '2025-01-01T00:00:00Z', reason: 'FailedCreate', message: 'pods "x" is forbidden: exceeded quota' }]);
  });
});
