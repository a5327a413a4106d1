import { describe, expect, it } from 'vitest';
import type { StatefulSet, StatefulSetStatus } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { DEFAULT_EPOCH_MS, toRFC3339 } from '../../sim/time';
import { completeRollingUpdate, computeReplicaStatus, inconsistentStatus } from './status';
import { wireStatus } from './statefulSetStatusUpdater';

const EPOCH = DEFAULT_EPOCH_MS;
const at = (s: number) => toRFC3339(s * 1000, EPOCH);
const pod = (name: string, revision: string, phase: string | undefined, readySinceS?: number, terminating = false): Pod => ({
  metadata: { name, labels: { 'controller-revision-hash': revision }, ...(terminating ? { deletionTimestamp: at(0) } : {}) },
  status: phase ? { phase, conditions: readySinceS === undefined ? [] : [{ type: 'Ready', status: 'True', lastTransitionTime: at(readySinceS) }] } : undefined,
});

describe('statefulset status', () => {
  it('computeReplicaStatus counts created, ready, available (minReadySeconds) and per-revision pods', () => {
    const pods = [
      pod('web-0', 'old', 'Running', 0),
      pod('web-1', 'new', 'Running', 8),
      pod('web-2', 'new', 'Pending'),
      pod('web-3', 'new', undefined),
      pod('web-4', 'old', 'Running', 0, true),
    ];
    // At t=10 s with minReadySeconds 5: web-1 has been ready 2 s only.
    const counts = computeReplicaStatus(pods, { minReadySeconds: 5, nowMs: 10_000, epochMs: EPOCH }, 'old', 'new');
    expect(counts).toEqual({ replicas: 4, readyReplicas: 3, availableReplicas: 2, currentReplicas: 1, updatedReplicas: 2 });
  });

  it('completeRollingUpdate promotes the update revision once every desired pod is updated and ready', () => {
    const set: StatefulSet = { spec: { replicas: 3, serviceName: '', selector: {}, template: {}, updateStrategy: { type: 'RollingUpdate' } } };
    const status: StatefulSetStatus = { replicas: 3, readyReplicas: 3, updatedReplicas: 3, currentReplicas: 0, currentRevision: 'a', updateRevision: 'b' };
    completeRollingUpdate(set, status);
    expect([status.currentRevision, status.currentReplicas]).toEqual(['b', 3]);
    const partial: StatefulSetStatus = { replicas: 3, readyReplicas: 2, updatedReplicas: 3, currentRevision: 'a', updateRevision: 'b' };
    completeRollingUpdate(set, partial);
    expect(partial.currentRevision).toBe('a');
  });

  it('inconsistentStatus ignores collisionCount; wireStatus drops zero counts as omitempty does', () => {
    const set: StatefulSet = { spec: { serviceName: '', selector: {}, template: {} }, status: { replicas: 1, observedGeneration: 2, availableReplicas: 1 } };
    expect(inconsistentStatus(set, { replicas: 1, observedGeneration: 2, availableReplicas: 1, collisionCount: 0 })).toBe(false);
    expect(inconsistentStatus(set, { replicas: 1, observedGeneration: 3, availableReplicas: 1 })).toBe(true);
    expect(wireStatus({ replicas: 0, readyReplicas: 0, currentReplicas: 0, updatedReplicas: 0, availableReplicas: 0, collisionCount: 0, observedGeneration: 1, currentRevision: 'web-1' }))
      .toEqual({ replicas: 0, observedGeneration: 1, currentRevision: 'web-1', collisionCount: 0, availableReplicas: 0 });
  });
});
