import type { NodeCondition } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { computeZoneState, reducedQPS } from './disruption';
import nodeFacts from './testdata/node_facts.json';

const lifecycle = nodeFacts.facts['kube-controller-manager_nodeLifecycle'];
const threshold = lifecycle['unhealthy-zone-threshold'].value;
const ready = (status: string): NodeCondition => ({ type: 'Ready', status });

describe('computeZoneState (unhealthy-zone-threshold 0.55)', () => {
  it.each([
    { statuses: ['True', 'True', 'True'], want: [0, 'Normal'] },
    { statuses: ['True', 'Unknown', 'Unknown'], want: [2, 'Normal'] },
    { statuses: ['True', 'True', 'Unknown', 'Unknown', 'Unknown'], want: [3, 'PartialDisruption'] },
    { statuses: ['True', 'True', 'True', 'Unknown', 'Unknown', 'Unknown'], want: [3, 'Normal'] },
    { statuses: ['Unknown', 'False'], want: [2, 'FullDisruption'] },
    { statuses: [], want: [0, 'Normal'] },
  ])('$statuses → $want', ({ statuses, want }) => {
    expect(computeZoneState(statuses.map(ready), threshold)).toEqual(want);
  });

  it('counts a node without a Ready condition as not ready', () => {
    expect(computeZoneState([undefined, ready('True')], threshold)).toEqual([1, 'Normal']);
  });
});

describe('reducedQPS', () => {
  const config = { largeClusterThreshold: lifecycle['large-cluster-size-threshold'].value, secondaryEvictionLimiterQPS: lifecycle['secondary-node-eviction-rate'].value };
  it('keeps tainting at the secondary rate only in zones larger than the large-cluster threshold', () => {
    expect(reducedQPS(50, config)).toBe(0);
    expect(reducedQPS(51, config)).toBe(0.01);
  });
});
