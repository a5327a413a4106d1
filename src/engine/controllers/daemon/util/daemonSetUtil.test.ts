import { describe, expect, it } from 'vitest';
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { Pod, PodSpec, Toleration } from 'kubernetes-types/core/v1';
import { addOrUpdateDaemonPodTolerations, allowsSurge, createPodTemplate, getTargetNodeName, isPodUpdated, replaceDaemonSetPodNodeNameNodeAffinity, surgeCount, unavailableCount } from './daemonSetUtil';

const rolling = (rollingUpdate: { maxUnavailable?: number | string; maxSurge?: number | string }): DaemonSet => ({ spec: { selector: {}, template: {}, updateStrategy: { type: 'RollingUpdate', rollingUpdate } } });

// pkg/controller/daemon/util/daemonset_util.go and its tests (v1.32).
describe('daemonset util', () => {
  it('adds the six default tolerations in upstream order, network-unavailable for host-network pods, without duplicating', () => {
    const spec: PodSpec & { tolerations: Toleration[] } = { containers: [], tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }] };
    addOrUpdateDaemonPodTolerations(spec);
    expect(spec.tolerations.map((t) => `${t.key}:${t.effect}`)).toEqual([
      'node.kubernetes.io/unschedulable:NoSchedule', 'node.kubernetes.io/not-ready:NoExecute', 'node.kubernetes.io/unreachable:NoExecute',
      'node.kubernetes.io/disk-pressure:NoSchedule', 'node.kubernetes.io/memory-pressure:NoSchedule', 'node.kubernetes.io/pid-pressure:NoSchedule',
    ]);
    const host: PodSpec = { containers: [], hostNetwork: true };
    addOrUpdateDaemonPodTolerations(host);
    expect(host.tolerations!.at(-1)).toEqual({ key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' });
  });

  it('stamps the template generation and revision hash labels on a copy of the template', () => {
    const template = { metadata: { labels: { app: 'a' } }, spec: { containers: [] } };
    const stamped = createPodTemplate(template, 3, '5d4f7b9c8');
    expect(stamped.metadata!.labels).toEqual({ app: 'a', 'pod-template-generation': '3', 'controller-revision-hash': '5d4f7b9c8' });
    expect(template.metadata.labels).toEqual({ app: 'a' });
    expect(stamped.spec!.tolerations).toHaveLength(6);
  });

  it('pins a pod to its node by replacing the required node affinity, keeping preferred terms', () => {
    const preferred = [{ weight: 1, preference: { matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] } }];
    const affinity = replaceDaemonSetPodNodeNameNodeAffinity({ nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'x', operator: 'Exists' }] }] }, preferredDuringSchedulingIgnoredDuringExecution: preferred } }, 'node-2');
    expect(affinity.nodeAffinity!.requiredDuringSchedulingIgnoredDuringExecution!.nodeSelectorTerms).toEqual([{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node-2'] }] }]);
    expect(affinity.nodeAffinity!.preferredDuringSchedulingIgnoredDuringExecution).toBe(preferred);
    const pod: Pod = { spec: { containers: [], affinity } };
    expect(getTargetNodeName(pod)).toBe('node-2');
    expect(getTargetNodeName({ spec: { containers: [], nodeName: 'node-1', affinity } })).toBe('node-1');
    expect(getTargetNodeName({ spec: { containers: [] } })).toBeUndefined();
  });

  it('calls a pod updated when its hash or its template generation is current', () => {
    const pod = (labels: Record<string, string>): Pod => ({ metadata: { labels } });
    expect(isPodUpdated(pod({ 'controller-revision-hash': 'h2' }), 'h2', 1)).toBe(true);
    expect(isPodUpdated(pod({ 'pod-template-generation': '2' }), 'h2', 2)).toBe(true);
    expect(isPodUpdated(pod({ 'controller-revision-hash': 'h1', 'pod-template-generation': '1' }), 'h2', 2)).toBe(false);
    expect(isPodUpdated(pod({}), '', undefined)).toBe(false);
  });

  it('rounds maxUnavailable and maxSurge percentages up; OnDelete has neither', () => {
    expect(unavailableCount(rolling({ maxUnavailable: '10%' }), 11)).toBe(2);
    expect(unavailableCount(rolling({ maxUnavailable: 1 }), 11)).toBe(1);
    expect(surgeCount(rolling({ maxSurge: '25%' }), 3)).toBe(1);
    expect(allowsSurge(rolling({ maxSurge: '1%', maxUnavailable: 0 }))).toBe(true);
    expect(allowsSurge(rolling({ maxSurge: 0, maxUnavailable: 1 }))).toBe(false);
    expect(unavailableCount({ spec: { selector: {}, template: {}, updateStrategy: { type: 'OnDelete' } } }, 5)).toBe(0);
  });
});
