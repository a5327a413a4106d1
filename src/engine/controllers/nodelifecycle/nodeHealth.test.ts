import type { Lease } from 'kubernetes-types/coordination/v1';
import type { Node } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { parseDurationMs } from '../../sim/duration';
import { DEFAULT_EPOCH_MS, toRFC3339, toRFC3339Micro } from '../../sim/time';
import { tryUpdateNodeHealth, type NodeHealthData } from './nodeHealth';
import nodeFacts from './testdata/node_facts.json';

const lifecycle = nodeFacts.facts['kube-controller-manager_nodeLifecycle'];
const GRACE_MS = parseDurationMs(lifecycle['node-monitor-grace-period'].value)!;
const STARTUP_GRACE_MS = parseDurationMs(lifecycle['node-startup-grace-period'].value)!;
const timings = (nowMs: number) => ({ nodeMonitorGracePeriodMs: GRACE_MS, nodeStartupGracePeriodMs: STARTUP_GRACE_MS, nowMs, epochMs: DEFAULT_EPOCH_MS });

function node(heartbeatMs: number | undefined): Node {
  const t = heartbeatMs === undefined ? undefined : toRFC3339(heartbeatMs);
  const conditions = t === undefined ? [] : ['MemoryPressure', 'DiskPressure', 'PIDPressure', 'Ready'].map((type) => ({ type, status: type === 'Ready' ? 'True' : 'False', lastHeartbeatTime: t, lastTransitionTime: toRFC3339(0), reason: 'KubeletReady', message: 'kubelet is posting ready status' }));
  return { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-1', creationTimestamp: toRFC3339(0) }, status: { conditions } };
}

function lease(renewMs: number): Lease {
  return { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: 'node-1', namespace: 'kube-node-lease' }, spec: { holderIdentity: 'node-1', leaseDurationSeconds: 40, renewTime: toRFC3339Micro(renewMs) } };
}

describe('tryUpdateNodeHealth (node_facts.json healthDetermination)', () => {
  it('posts Unknown only once now is strictly past the last observed heartbeat + node-monitor-grace-period', () => {
    const first = tryUpdateNodeHealth(node(10_000), undefined, lease(10_000), timings(12_000));
    expect(first.statusUpdate).toBeUndefined();
    expect(first.health.probeTimestampMs).toBe(12_000);
    // No new heartbeat, no new renewTime: the probe time stays where the controller last saw life.
    const atGrace = tryUpdateNodeHealth(node(10_000), first.health, lease(10_000), timings(12_000 + GRACE_MS));
    expect(atGrace.statusUpdate).toBeUndefined();
    const past = tryUpdateNodeHealth(node(10_000), atGrace.health, lease(10_000), timings(12_000 + GRACE_MS + 1));
    expect(past.observedReady.status).toBe('True');
    expect(past.currentReady).toMatchObject({ status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' });
    const conditions = past.statusUpdate!.status!.conditions!;
    expect(conditions.map((c) => [c.type, c.status, c.reason, c.message, c.lastHeartbeatTime, c.lastTransitionTime])).toEqual(
      ['MemoryPressure', 'DiskPressure', 'PIDPressure', 'Ready'].map((type) => [type, 'Unknown', 'NodeStatusUnknown', 'Kubelet stopped posting node status.', toRFC3339(10_000), toRFC3339(12_000 + GRACE_MS + 1)]),
    );
  });

  it('counts a renewed Lease as a heartbeat even when the Ready heartbeat is old', () => {
    const first = tryUpdateNodeHealth(node(10_000), undefined, lease(10_000), timings(12_000));
    const renewed = tryUpdateNodeHealth(node(10_000), first.health, lease(50_000), timings(52_000));
    expect(renewed.health.probeTimestampMs).toBe(52_000);
    expect(tryUpdateNodeHealth(node(10_000), renewed.health, lease(50_000), timings(52_000 + GRACE_MS)).statusUpdate).toBeUndefined();
    expect(tryUpdateNodeHealth(node(10_000), renewed.health, lease(50_000), timings(52_000 + GRACE_MS + 1)).statusUpdate).toBeDefined();
  });

  it('gives a node that never posted Ready the startup grace period from its creation, then "Kubelet never posted node status."', () => {
    const saved: NodeHealthData = { probeTimestampMs: 0, readyTransitionTimestampMs: 0, status: {}, leaseRenewTime: undefined };
    expect(tryUpdateNodeHealth(node(undefined), saved, undefined, timings(STARTUP_GRACE_MS)).statusUpdate).toBeUndefined();
    const decision = tryUpdateNodeHealth(node(undefined), saved, undefined, timings(STARTUP_GRACE_MS + 1));
    expect(decision.gracePeriodMs).toBe(STARTUP_GRACE_MS);
    expect(decision.statusUpdate!.status!.conditions!.map((c) => `${c.type}/${c.status}/${c.reason}/${c.message}`)).toEqual(
      ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'].map((type) => `${type}/Unknown/NodeStatusNeverUpdated/Kubelet never posted node status.`),
    );
  });

  it('does not write again once the conditions are already Unknown', () => {
    const first = tryUpdateNodeHealth(node(10_000), undefined, lease(10_000), timings(12_000));
    const unknown = tryUpdateNodeHealth(node(10_000), first.health, lease(10_000), timings(70_000));
    const written = { ...node(10_000), status: unknown.statusUpdate!.status };
    const again = tryUpdateNodeHealth(written, { ...unknown.health, status: written.status }, lease(10_000), timings(75_000));
    expect(again.statusUpdate).toBeUndefined();
    expect(again.observedReady.status).toBe('Unknown');
  });
});
