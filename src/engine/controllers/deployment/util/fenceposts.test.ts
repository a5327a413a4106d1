import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import { describe, expect, it } from 'vitest';
import { casesOf } from '../testdata/cases';
import { maxUnavailable, newRSNewReplicas, resolveFenceposts, type IntOrString } from './fenceposts';

// Tables from pkg/controller/deployment/util/deployment_util_test.go (each row cites its test).

function rollingDeployment(replicas: number, maxSurge: IntOrString, maxUnavailable: IntOrString): Deployment {
  return { spec: { replicas, selector: {}, template: {}, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge, maxUnavailable } } } };
}

function rs(replicas: number): ReplicaSet {
  return { metadata: { name: `rs-${replicas}` }, spec: { replicas, selector: {} } };
}

describe('resolveFenceposts', () => {
  it.each(casesOf('resolve_fenceposts'))('$id ($source)', (c) => {
    const result = resolveFenceposts(c.maxSurge as string, c.maxUnavailable as string, c.desired as number);
    if (c.expectError) {
      expect(result.ok).toBe(false);
      return;
    }
    expect(result).toEqual({ ok: true, surge: c.expectedSurge, unavailable: c.expectedUnavailable });
  });
});

describe('maxUnavailable', () => {
  it.each(casesOf('max_unavailable'))('$id ($source)', (c) => {
    const d = rollingDeployment(c.replicas as number, c.maxSurge as IntOrString, c.maxUnavailable as IntOrString);
    expect(maxUnavailable(d)).toBe(c.expected);
  });
});

describe('newRSNewReplicas', () => {
  it.each(casesOf('new_rs_new_replicas'))('$id ($source)', (c) => {
    const d: Deployment = {
      spec: {
        replicas: c.deploymentReplicas as number, selector: {}, template: {},
        strategy: { type: c.strategyType as string, rollingUpdate: { maxSurge: c.maxSurge as number, maxUnavailable: 1 } },
      },
    };
    const allRSs = (c.allRSsReplicas as number[]).map(rs);
    expect(newRSNewReplicas(d, allRSs, rs(c.newRSReplicas as number))).toEqual({ ok: true, value: c.expected });
  });
});
